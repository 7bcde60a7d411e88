"""People's and groups' names: cleaned the same way and sorted by their letters."""

from __future__ import annotations

import unicodedata


def normalise_name(name: str) -> str:
    """NFC, single spaces: names typed on different keyboards compare equal."""
    return " ".join(unicodedata.normalize("NFC", name).split())


def name_sort_key(name: str) -> str:
    """Sort Vietnamese names by their letters (Đ with D, accents ignored), then exactly."""
    base = unicodedata.normalize("NFD", name.replace("Đ", "D").replace("đ", "d"))
    return "".join(c for c in base if not unicodedata.combining(c)).casefold() + "\0" + name
