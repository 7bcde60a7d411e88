"""What a phone says in a live class (ui/learner/class_follow.py and the pieces it
uses), in one place so the pre-render command renders it too
(media.ui_phrases.texts_to_prerender). The buttons are named with their pictures for a
learner who cannot read them."""

from __future__ import annotations

ASK_CLASS_CODE = ("Bác bấm số vào lớp trên màn hình lớn. Bấm nhầm thì bấm nút Xoá, hoặc nút Làm lại.")
UNKNOWN_CLASS_CODE = "Không có lớp nào mang số này. Bác nhìn lại số trên màn hình lớn rồi bấm lại nhé."
WRONG_QR = "Mã QR này không còn dùng được. Bác bấm số vào lớp trên màn hình lớn nhé."
CLASS_ENDED = ("Buổi học này đã kết thúc. Bác bấm nút hình bàn phím số để vào lớp khác, "
               "hoặc hỏi tập huấn viên nhé.")
HOW_TO_JOIN = ("Bác vào lớp thế nào? Bấm nút hình người để vào lớp như khách. "
               "Bấm nút chìa khoá để vào bằng tên của bác.")
OTHER_GROUP_JOIN = "Bác bấm nút hình người để vào lớp như khách."
BAD_GUEST_PLACE = ("Địa chỉ này không giữ được chỗ của bác trong lớp. "
                   "Bác bấm nút hình người để vào lớp lại như khách.")
JOINED = "Bác đã vào lớp. Điện thoại đi theo từng bước trên màn hình lớn."
JOINED_AGAIN = "Bác đã vào lớp này rồi. Điện thoại đi tiếp ở bước lớp đang học."
WAIT_FOR_QUESTION = "Bác nhìn lên màn hình lớn. Chờ tập huấn viên mở câu hỏi nhé."
ANSWER_SENT = "Đã gửi. Chờ tập huấn viên xem đáp án."
NOT_ANSWERED = "Bác chưa trả lời câu này."
CLASS_OVER = "Buổi học đã kết thúc. Cảm ơn bác!"
CLASS_OVER_LEARNER = f"{CLASS_OVER} Bác bấm nút hình ngôi nhà để về trang chính."
CLASS_OVER_GUEST = f"{CLASS_OVER} Muốn tự học tiếp, bác bấm nút chìa khoá để vào bằng tên của bác."

CLASS_PHRASES = (ASK_CLASS_CODE, UNKNOWN_CLASS_CODE, WRONG_QR, CLASS_ENDED, HOW_TO_JOIN, OTHER_GROUP_JOIN,
                 BAD_GUEST_PLACE, JOINED, JOINED_AGAIN, WAIT_FOR_QUESTION, ANSWER_SENT, NOT_ANSWERED,
                 CLASS_OVER_LEARNER, CLASS_OVER_GUEST)
