"""People's and groups' names: cleaned the same way and sorted by their letters."""

from __future__ import annotations

import unicodedata

from progress.account_error import AccountError

# Longest names accepted: the columns hold 120 characters; a learner's name is shorter
# because it must fit a name card and a certificate line (progress/roster.py too).
MAX_NAME_LENGTH = 120
MAX_LEARNER_NAME_LENGTH = 80


def normalise_name(name: str) -> str:
    """NFC, single spaces: names typed on different keyboards compare equal."""
    return " ".join(unicodedata.normalize("NFC", name).split())


def without_accents(text: str) -> str:
    """Vietnamese letters without their marks, lower case: "Thôn Bờ Đê" → "thon bo de"."""
    base = unicodedata.normalize("NFD", text.replace("Đ", "D").replace("đ", "d"))
    return "".join(c for c in base if not unicodedata.combining(c)).casefold()


def name_sort_key(name: str) -> str:
    """Sort Vietnamese names by their letters (Đ with D, accents ignored), then exactly."""
    return without_accents(name) + "\0" + name


def limited_name(name: str, what: str, limit: int = MAX_NAME_LENGTH) -> str:
    """``name`` cleaned (normalise_name); refused with a plain message when longer than
    ``limit``, before the database sees it (PostgreSQL would fail with its own error)."""
    clean = normalise_name(name)
    if len(clean) > limit:
        raise AccountError(f"{what} dài quá {limit} ký tự (đang có {len(clean)}). Hãy viết ngắn lại.")
    return clean
