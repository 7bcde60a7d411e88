"""The address a phone opens to join a class: the class page with the class and its join
number, so a QR code from an old class never lands in a new one that took its number."""

from __future__ import annotations

from urllib.parse import urlencode

CLASS_PAGE = "lop-hoc"  # url_path of ui/learner/class_follow.py


def class_join_url(base: str, class_id: int, join_code: str) -> str:
    """``base`` is the server as phones reach it, e.g. http://192.168.137.1:8501."""
    return f"{base.rstrip('/')}/{CLASS_PAGE}?{urlencode({'lop': class_id, 'so': join_code})}"
