"""Long-lived objects, built once per process (st.cache_resource) and shared
read-only by every session: settings, content, database, narrator."""

from __future__ import annotations

import streamlit as st

from catalog.loading import Catalog, load_catalog
from media.audio_cache import AudioCache
from media.engines import GttsEngine, offline_voice
from media.images import publish_images
from media.narration import Narrator, PrerenderedVoice
from progress.database import Database, connect
from quizzes.review_rules import ReviewPolicy
from settings import PROJECT_ROOT, Settings, ensure_secret_key, load_settings

AUDIO_DIR = PROJECT_ROOT / "static" / "audio"
AUDIO_URL_PREFIX = "/app/static/audio"
IMAGES_DIR = PROJECT_ROOT / "static" / "images"
IMAGES_URL_PREFIX = "/app/static/images"


@st.cache_resource(show_spinner=False)
def settings() -> Settings:
    return load_settings()


def review_policy() -> ReviewPolicy:
    """When wrong answers come back and when a learner needs help (config.yaml, quiz)."""
    quiz = settings().quiz
    return ReviewPolicy(quiz.review_after_days, quiz.support_after_failed_attempts)


@st.cache_resource(show_spinner=False)
def secret_key() -> str:
    return ensure_secret_key(settings())


@st.cache_resource(show_spinner=False)
def catalog() -> Catalog:
    s = settings()
    return load_catalog(s.project_path(s.content.lessons_dir), s.project_path(s.content.quizzes_dir))


@st.cache_resource(show_spinner=False)
def image_urls() -> dict[str, str]:
    """Lesson pictures published as static files: {"images/...svg": URL}."""
    s = settings()
    return publish_images(s.project_path(s.content.lessons_dir), IMAGES_DIR, IMAGES_URL_PREFIX)


@st.cache_resource(show_spinner=False)
def database() -> Database:
    s = settings()
    return connect(s.database_url, s.database.sqlite_busy_timeout_ms)


@st.cache_resource(show_spinner=False)
def narrator() -> Narrator:
    s = settings()
    gtts = GttsEngine(tld=s.narration.gtts_tld)
    return Narrator(
        AudioCache(AUDIO_DIR),
        AUDIO_URL_PREFIX,
        prerendered=[PrerenderedVoice(gtts.name, gtts.voice, gtts.fmt)],
        live_engine=offline_voice(voice=s.narration.espeak_voice),
    )
