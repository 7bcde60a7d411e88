"""How tall a step's picture may be on a phone, so that picture, text and the action bar
are all on the first screen (the lesson page, and a phone following a class)."""

from __future__ import annotations

import math

# What a step needs below its picture on a phone, at the normal text size (ui/browser/page.css):
# the text at 22 px in lines of about 29 letters on a 360 px screen, a tip box, and the bar
# with "Nghe" and "Tiếp theo" (≈ 140 px). The picture gets what is left, down to a minimum,
# so on a 360×640 screen picture, text and bar are all on the first screen.
_LETTERS_PER_LINE = 29
_TEXT_LINE_PX, _TIP_LINE_PX = 34, 30
_ABOVE_PICTURE_PX = {1: 142, 2: 176}  # title (1 or 2 lines), step count and progress bar
BAR_PX = 150  # the action bar and a little air above it
_MIN_PICTURE_PX = 110


def _lines(text: str) -> int:
    return max(1, math.ceil(len(text) / _LETTERS_PER_LINE))


def picture_room(title: str, text: str, tip: str | None, bar_px: int = BAR_PX) -> tuple[str, str]:
    """CSS max-heights for the step's picture: the screen's height minus everything else
    (in vh, and in svh, the height with the browser's bar shown, where a phone knows it)."""
    below = _lines(text) * _TEXT_LINE_PX + 12
    if tip:
        below += _lines(tip) * _TIP_LINE_PX + 30
    rest = _ABOVE_PICTURE_PX[min(2, math.ceil(len(title) / 24))] + below + bar_px
    return f"max({_MIN_PICTURE_PX}px, calc(100vh - {rest}px))", f"max({_MIN_PICTURE_PX}px, calc(100svh - {rest}px))"
