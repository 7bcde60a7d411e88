"""Narration languages. Vietnamese always has a voice (gTTS, espeak-ng, the phone);
the local languages have only what volunteers record, and fall back to Vietnamese."""

from __future__ import annotations

DEFAULT_LANGUAGE = "vi"
LANGUAGES = {
    "vi": "Tiếng Việt",
    "hre": "Tiếng Hrê",
    "sed": "Tiếng Xơ Đăng (Ca Dong)",
}


def fallback_chain(language: str) -> list[str]:
    """Which recordings to try, best first: the learner's language, then Vietnamese."""
    chain = [language] if language in LANGUAGES else []
    return chain + ([DEFAULT_LANGUAGE] if DEFAULT_LANGUAGE not in chain else [])
