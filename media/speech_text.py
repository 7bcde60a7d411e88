"""Text normalisation before any voice: part of every audio cache key."""

from __future__ import annotations

import unicodedata


def normalise_for_speech(text: str) -> str:
    """Unicode NFC and single spaces, so equal texts share one audio file."""
    return " ".join(unicodedata.normalize("NFC", text).split())
