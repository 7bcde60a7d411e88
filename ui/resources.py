"""The process's long-lived objects (app_services.py) for the pages, through
st.cache_resource; shared read-only by every session. Clearing Streamlit's resource
cache (tests do, between apps) rebuilds them."""

from __future__ import annotations

import streamlit as st

from app_services import AppServices, app_services
from catalog.loading import Catalog
from catalog.quality import svg_view_box
from media.images import publish_images
from media.narration import Narrator
from progress.classes.state import ClassStates
from progress.database import Database
from quizzes.review_rules import ReviewPolicy
from settings import PROJECT_ROOT, Settings

IMAGES_DIR = PROJECT_ROOT / "static" / "images"
IMAGES_URL_PREFIX = "/app/static/images"


@st.cache_resource(show_spinner=False)
def services() -> AppServices:
    app_services.cache_clear()  # a cleared st.cache_resource means: build them again
    return app_services()


def settings() -> Settings:
    return services().settings


def review_policy() -> ReviewPolicy:
    """When wrong answers come back and when a learner needs help (config.yaml, quiz)."""
    return services().review_policy


def secret_key() -> str:
    return services().secret_key


def catalog() -> Catalog:
    return services().catalog


@st.cache_resource(show_spinner=False)
def image_urls() -> dict[str, str]:
    """Lesson pictures published as static files: {"images/...svg": URL}."""
    s = settings()
    return publish_images(s.project_path(s.content.lessons_dir), IMAGES_DIR, IMAGES_URL_PREFIX)


@st.cache_resource(show_spinner=False)
def picture_view_box(image: str) -> tuple[float, float, float, float] | None:
    """The viewBox of a lesson picture ("images/...svg"), read once per process."""
    root = catalog().images_root
    return svg_view_box(root / image) if root else None


def database() -> Database:
    return services().database


def narrator() -> Narrator:
    return services().narrator


def class_states() -> ClassStates:
    """Classes in progress, as phones and the projector poll them (cached per process)."""
    return services().class_states
