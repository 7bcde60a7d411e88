"""The composition root: the long-lived objects of a process, built in one place.

Settings, the signing secret, the content catalogue, the database (engine and
sessionmaker), the narrator, the review policy, the cache of classes in progress and
the cache of recordings' bytes are built once per process by
``app_services()`` and shared read-only by every page (through ui/resources.py, which
wraps it in ``st.cache_resource``) and every HTTP route (access/route_resources.py).
Plain Python: no Streamlit here. ``app_services.cache_clear()`` rebuilds them on the next
call (ui/resources.py does that whenever Streamlit's resource cache is cleared, so tests
that change the settings and clear it get fresh objects).
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from functools import lru_cache

from catalog.loading import Catalog, load_catalog
from media.audio_cache import AudioCache
from media.engines import GttsEngine, offline_voice
from media.narration import Narrator, PrerenderedVoice
from progress.classes.state import ClassStates
from progress.database import Database, connect_configured
from progress.recording_audio_cache import RecordingAudioCache
from quizzes.review_rules import ReviewPolicy
from settings import PROJECT_ROOT, Settings, ensure_secret_key, load_settings, secret_key_warning

AUDIO_DIR = PROJECT_ROOT / "static" / "audio"
AUDIO_URL_PREFIX = "/app/static/audio"
RECORDINGS_URL_PREFIX = "/recordings"  # volunteers' recordings, from the database (access/recording_route.py)
log = logging.getLogger(__name__)
CLASS_STATE_MAX_AGE_SECONDS = 0.25  # 30 phones polling every 1.5 s: about 4 class reads a second


@dataclass(frozen=True)
class AppServices:
    settings: Settings
    secret_key: str
    catalog: Catalog
    database: Database
    narrator: Narrator
    review_policy: ReviewPolicy  # when wrong answers come back, when a learner needs help
    class_states: ClassStates  # classes in progress as phones poll them, cached for a moment per process
    recording_audio: RecordingAudioCache  # recordings' bytes from the database, kept per process (bounded)


def build_catalog(settings: Settings) -> Catalog:
    return load_catalog(settings.project_path(settings.content.lessons_dir),
                        settings.project_path(settings.content.quizzes_dir))


def build_narrator(settings: Settings) -> Narrator:
    gtts = GttsEngine(tld=settings.narration.gtts_tld)
    return Narrator(
        AudioCache(AUDIO_DIR),
        AUDIO_URL_PREFIX,
        prerendered=[PrerenderedVoice(gtts.name, gtts.voice, gtts.fmt)],
        live_engine=offline_voice(voice=settings.narration.espeak_voice),
        recordings_url_prefix=RECORDINGS_URL_PREFIX,
    )


def build_app_services(settings: Settings) -> AppServices:
    """Every long-lived object for these settings (config.yaml plus BDHVS_* variables)."""
    quiz = settings.quiz
    warning = secret_key_warning(settings)
    if warning:
        log.warning(warning)
    database = connect_configured(settings)
    class_mode = settings.class_mode
    return AppServices(
        settings=settings,
        secret_key=ensure_secret_key(settings),
        catalog=build_catalog(settings),
        database=database,
        narrator=build_narrator(settings),
        review_policy=ReviewPolicy(quiz.review_after_days, quiz.support_after_failed_attempts),
        # a short fixed age: a phone's delay is its poll wait plus at most this (bench/class_follow.py)
        class_states=ClassStates(database, max_age_seconds=CLASS_STATE_MAX_AGE_SECONDS,
                                 idle_after=dt.timedelta(minutes=class_mode.idle_end_minutes)),
        recording_audio=RecordingAudioCache(database),
    )


@lru_cache(maxsize=1)
def app_services() -> AppServices:
    """The process's long-lived objects, built on first use."""
    return build_app_services(load_settings())
