"""Learner-facing sentences of the app itself (not of a lesson) that are read aloud.

Pages import them from here so the pre-render command can render them too."""

from __future__ import annotations

CONSENT = (
    "Ứng dụng chỉ lưu tên của bác, nhóm học và kết quả học. "
    "Chỉ tập huấn viên của nhóm được xem. "
    "Khi bác muốn xoá, hãy nói với tập huấn viên."
)

ASK_GROUP = "Bác học ở nhóm nào? Bấm vào tên nhóm."
ASK_NAME = "Bác tên là gì? Bấm vào tên của bác."
ASK_CODE = "Bác bấm mã bốn số của bác."
WRONG_CODE = "Mã chưa đúng. Bác thử lại, hoặc hỏi tập huấn viên."
WAIT_CODE = "Bác nhập sai nhiều lần. Bác chờ một chút rồi thử lại."
LOCKED_CODE = "Bác nhập sai quá nhiều lần. Bác nhờ tập huấn viên mở khoá nhé."

SPOKEN_UI_PHRASES = (CONSENT, ASK_GROUP, ASK_NAME, ASK_CODE, WRONG_CODE, WAIT_CODE, LOCKED_CODE)
