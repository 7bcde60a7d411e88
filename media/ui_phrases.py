"""Learner-facing sentences of the app itself (not of a lesson) that are read aloud.

Pages import them from here so the pre-render command can render them too."""

from __future__ import annotations

CONSENT = (
    "Ứng dụng chỉ lưu tên của bác, nhóm học và kết quả học. "
    "Chỉ tập huấn viên của nhóm được xem. "
    "Khi bác muốn xoá, hãy nói với tập huấn viên."
)

SPOKEN_UI_PHRASES = (CONSENT,)
