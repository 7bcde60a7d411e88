"""Learner-facing sentences of the app itself (not of a lesson) that are read aloud.

Pages import them from here so the pre-render command can render them too."""

from __future__ import annotations

from catalog.loading import Catalog
from catalog.narratable import catalogue_texts
from lessons.fields import number_word
from media.class_phrases import CLASS_PHRASES
from media.languages import LANGUAGES

CONSENT = (
    "Ứng dụng chỉ lưu tên của bác, nhóm học và kết quả học. "
    "Chỉ tập huấn viên của nhóm được xem. "
    "Khi bác muốn xoá, hãy nói với tập huấn viên. "
    "Bác đồng ý thì bấm nút có dấu tích xanh: Tôi đồng ý."
)

ASK_GROUP = "Bác học ở nhóm nào? Bấm vào tên nhóm."
ASK_NAME = "Bác tên là gì? Bấm vào tên của bác."
ASK_CODE = "Bác bấm mã bốn số của bác. Bấm nhầm thì bấm nút Xoá, hoặc nút Làm lại."
WRONG_CODE = "Mã chưa đúng. Bác thử lại, hoặc hỏi tập huấn viên."
WAIT_CODE = "Bác nhập sai nhiều lần. Bác chờ một chút rồi thử lại."
LOCKED_CODE = "Bác nhập sai quá nhiều lần. Bác nhờ tập huấn viên mở khoá nhé."

# What each name-card picture is called (progress.learners.AVATARS), so the voice can say
# "Số một, hình con trâu: Đinh Văn Lâm" to a learner who knows their picture, not their name.
AVATAR_NAMES = {
    "🌻": "hoa hướng dương", "🐃": "con trâu", "🐓": "con gà", "🌽": "bắp ngô", "🍌": "quả chuối",
    "🌶️": "quả ớt", "☕": "cốc cà phê", "🐟": "con cá", "🏔️": "ngọn núi", "🌾": "bông lúa", "🐘": "con voi",
    "🦋": "con bướm", "🌺": "bông hoa đỏ", "🐝": "con ong", "🍍": "quả dứa", "🎋": "cây tre",
}


def groups_spoken(names: list[str]) -> str:
    """The sign-in question with every group, numbered as the buttons are."""
    listed = [f"Nhóm {number_word(n)}: {name}." for n, name in enumerate(names, start=1)]
    return " ".join([ASK_GROUP, *listed])


def learners_spoken(cards: list[tuple[str, str]]) -> str:
    """The sign-in question with every learner of the group: number, picture and name."""
    listed = []
    for n, (avatar, name) in enumerate(cards, start=1):
        picture = f", hình {AVATAR_NAMES[avatar]}" if avatar in AVATAR_NAMES else ""
        listed.append(f"Số {number_word(n)}{picture}: {name}.")
    return " ".join([ASK_NAME, *listed])


# The settings page, said: every choice on it, in the words it shows.
SETTINGS_INTRO = "Bác chọn cỡ chữ, giọng đọc, và cách tiết kiệm dữ liệu điện thoại."
SETTINGS_HELP = " ".join([
    SETTINGS_INTRO,
    "Cỡ chữ: Chữ vừa, Chữ to, hoặc Chữ rất to.",
    "Giọng đọc bài học: " + ", ".join(LANGUAGES.values()) + ".",
    "Phần nào chưa có người đọc bằng tiếng này thì ứng dụng đọc bằng tiếng Việt.",
    "Tự đọc mỗi bước khi mở: bật lên thì bác không cần bấm Nghe.",
    "Tiết kiệm dữ liệu: không tự đọc, chỉ hiện hình khi bấm xem.",
    "Mỗi nút Nghe ghi sẵn độ dài và dung lượng.",
])


# The icons that lead somewhere, the same on every screen, and what the home screen's
# welcome says of each: a learner who cannot read the button's words knows it by its icon.
NAVIGATION_ICONS = {
    "🔊": "Nút cái loa là nghe đọc.",
    "▶️": "Nút hình tam giác là học tiếp bài đang học.",
    "➡️": "Nút mũi tên sang phải là đi tiếp.",
    "⬅️": "Nút mũi tên sang trái là quay lại.",
    "🏠": "Nút hình ngôi nhà là về trang chính.",
    "📊": "Nút hình biểu đồ là xem bác đã học được bao nhiêu.",
    "⚙️": "Nút bánh răng là cài đặt: chữ to hơn, giọng đọc, tiết kiệm dữ liệu.",
    "🚪": "Nút cánh cửa là thoát ra khi học xong.",
    "📝": "Nút cây bút là làm bài kiểm tra.",
    "✔️": "Nút dấu tích là trả lời.",
    "🏁": "Nút lá cờ là xem kết quả.",
    "🔁": "Nút hai mũi tên quay vòng là làm lại.",
    "📖": "Nút quyển sách mở là xem lại bài học.",
    "📚": "Nút chồng sách là ôn lại câu đã làm sai.",
}
# How a lesson's state shows on the home screen, said in the welcome too.
STATUS_ICONS = {
    "⚪": "Chấm trắng là bài chưa học.",
    "🟡": "Chấm vàng là bài đang học.",
    "✅": "Dấu tích xanh là bài đã đạt.",
}
WELCOME = " ".join([
    "Chào bác. Đây là trang chính.",
    "Bấm vào tên một phần để thấy các bài, rồi bấm vào bài muốn học.",
    *NAVIGATION_ICONS.values(),
    *STATUS_ICONS.values(),
])

# "Thử giọng đọc" (ui/voice_check.py): a test sentence, then which voice this phone uses.
VOICE_TEST = "Xin chào bác. Đây là giọng đọc bài học. Ví dụ: mở ứng dụng VNeID."
VOICE_IS_FILE = "Điện thoại này phát giọng ghi âm hoặc giọng Google đã tải sẵn."
VOICE_IS_PHONE = "Điện thoại này đọc bằng giọng tiếng Việt của điện thoại."
VOICE_IS_MACHINE = "Điện thoại này đọc bằng giọng máy tạm thời."
VOICE_REST_PHONE = "Phần nào chưa tải sẵn thì đọc bằng giọng tiếng Việt của điện thoại."
VOICE_REST_MACHINE = "Phần nào chưa tải sẵn thì đọc bằng giọng máy tạm thời."
VOICE_INSTALL = "Khi có Wi-Fi vào được mạng, bác nhờ tập huấn viên cài giọng tiếng Việt cho điện thoại."
VOICE_NONE = "Điện thoại này chưa có tiếng đọc. Bác xem chữ trên màn hình."
VOICE_PHRASES = (VOICE_TEST, VOICE_IS_FILE, VOICE_IS_PHONE, VOICE_IS_MACHINE, VOICE_REST_PHONE, VOICE_REST_MACHINE,
                 VOICE_INSTALL)

SPOKEN_UI_PHRASES = (CONSENT, ASK_GROUP, ASK_NAME, ASK_CODE, WRONG_CODE, WAIT_CODE, LOCKED_CODE, WELCOME, SETTINGS_HELP,
                     *VOICE_PHRASES, *CLASS_PHRASES)


def texts_to_prerender(catalog: Catalog) -> list[str]:
    """Every text the app can speak, each once: the catalogue's (lessons, quizzes, the
    home screen's lists) and the app's own sentences above. render-audio renders these."""
    return list(dict.fromkeys(catalogue_texts(catalog) + list(SPOKEN_UI_PHRASES)))
