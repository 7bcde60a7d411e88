"""The learner's own settings: text size, sound, saving mobile data, narration language."""

from __future__ import annotations

import streamlit as st

from media.languages import LANGUAGES
from media.ui_phrases import SETTINGS_HELP, SETTINGS_INTRO
from progress.learners import set_narration_language, update_learner_settings
from ui import resources
from ui.narration_widget import narrate
from ui.signin_state import signed_in_learner
from ui.voice_check import voice_check

SIZES = {"normal": "Chữ vừa", "large": "Chữ to", "very-large": "Chữ rất to"}

learner = signed_in_learner("ui/learner/settings.py")
db = resources.database()


def _save(field: str) -> None:
    value = st.session_state[f"setting_{field}"]
    if field == "narration_language":
        set_narration_language(db, learner.id, value)
    else:
        update_learner_settings(db, learner.id, **{field: value})


st.title("⚙️ Cài đặt")
st.html(f"<p class='step-text'>{SETTINGS_INTRO}</p>")
narrate(SETTINGS_HELP, "settings_intro")  # every choice below, in its own words

st.radio("🔠 Cỡ chữ", list(SIZES), format_func=SIZES.__getitem__, index=list(SIZES).index(learner.text_size),
         key="setting_text_size", on_change=_save, args=("text_size",))
st.selectbox("🔊 Giọng đọc bài học", list(LANGUAGES), format_func=LANGUAGES.__getitem__,
             index=list(LANGUAGES).index(learner.narration_language) if learner.narration_language in LANGUAGES else 0,
             key="setting_narration_language", on_change=_save, args=("narration_language",),
             placeholder="Chọn giọng đọc")  # Streamlit's own is "Choose an option"
st.caption("Phần nào chưa có người đọc bằng tiếng này thì ứng dụng đọc bằng tiếng Việt.")
st.toggle("▶️ Tự đọc mỗi bước khi mở", value=learner.autoplay, key="setting_autoplay",
          on_change=_save, args=("autoplay",))
st.toggle("📶 Tiết kiệm dữ liệu (không tự đọc, chỉ hiện hình khi bấm xem)", value=learner.save_data,
          key="setting_save_data", on_change=_save, args=("save_data",))
st.caption("Mỗi nút Nghe ghi sẵn độ dài và dung lượng.")
voice_check("settings")  # "Thử giọng đọc": which voice this phone reads with, and how to get a better one
if st.button("🏠 Về trang chính", type="primary", key="settings_home", width="stretch"):
    st.switch_page("ui/learner/home.py")
