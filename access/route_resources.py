"""The process's long-lived objects (app_services.py) for the HTTP routes next to
Streamlit (cards, certificate check): the same objects the pages use."""

from __future__ import annotations

from app_services import app_services
from catalog.loading import Catalog
from progress.database import Database
from progress.recording_audio_cache import RecordingAudioCache
from settings import Settings


def settings() -> Settings:
    return app_services().settings


def secret() -> str:
    return app_services().secret_key


def catalog() -> Catalog:
    return app_services().catalog


def database() -> Database:
    return app_services().database


def recording_audio() -> RecordingAudioCache:
    return app_services().recording_audio
