"""Volunteers record a step's narration, in Vietnamese or a local language."""

from __future__ import annotations

import html

import streamlit as st

from media.audio_cache import text_fingerprint
from media.audio_file import AudioFileError
from media.languages import LANGUAGES
from media.recording_files import prepare_recording
from progress.recordings import RecordingInfo, delete_recording, lesson_recordings, save_recording
from ui import resources
from ui.demo_account import staff_page
from ui.narration_widget import narrate, recorded_clip
from ui.trainer.menu import trainer_menu

FLASH = "recordings_flash"
trainer, scope = staff_page()
if not scope.can_edit:  # the page is not in a read-only account's menu; an old tab still says so
    st.warning("Tài khoản này chỉ được xem, không ghi âm được.")
    st.stop()
db = resources.database()
catalog = resources.catalog()
limits = resources.settings().narration

trainer_menu()
st.title("🎙️ Ghi âm giọng đọc")
st.caption("Bà con nghe giọng người thật dễ hiểu hơn giọng máy. Chọn bài, chọn bước, đọc to lời trong khung rồi lưu.")
if FLASH in st.session_state:
    st.success(st.session_state.pop(FLASH))

lessons = catalog.lessons_in_order()
lesson = st.selectbox("Bài học", lessons, format_func=lambda choice: choice.title, key="rec_lesson")
step = st.selectbox("Bước", lesson.steps, key=f"rec_step_{lesson.id}",
                    format_func=lambda s: f"Bước {lesson.steps.index(s) + 1}: {s.text[:50]}…")
language = st.selectbox("Tiếng", list(LANGUAGES), format_func=LANGUAGES.__getitem__, key="rec_language")

st.markdown("**Lời cần đọc** (bằng " + LANGUAGES[language] + "):")
st.markdown(f"<div class='tip'>{html.escape(step.narrated)}</div>", unsafe_allow_html=True)

fingerprint = text_fingerprint(step.narrated)
mine = [r for r in lesson_recordings(db, lesson.id) if r.step_id == step.id and r.language == language]
current = next((r for r in mine if r.text_hash == fingerprint), None)
if current:
    st.write(f"✅ Đã có bản ghi ({round(current.duration_ms / 1000)} giây).")
    narrate(step.narrated, "current_recording", label="Nghe bản đã lưu", clip=recorded_clip(current))
    if st.button("🗑️ Xoá bản ghi này", key="rec_delete", width="stretch"):
        delete_recording(db, lesson.id, step.id, language)
        st.session_state[FLASH] = "Đã xoá bản ghi."
        st.rerun()
elif mine:
    st.warning("Lời của bước này đã được sửa sau khi ghi âm: bản ghi cũ không còn khớp, cần ghi lại.")
else:
    st.info("Chưa có bản ghi cho bước này bằng tiếng đã chọn.")

recorded = st.audio_input("Bấm micrô để ghi âm", key=f"rec_input_{lesson.id}_{step.id}_{language}")
uploaded = st.file_uploader("Hoặc chọn tệp MP3 / WAV", key=f"rec_upload_{lesson.id}_{step.id}_{language}")
source = recorded or uploaded
if source is not None:
    data = source.getvalue()
    st.caption("Nghe thử trước khi lưu:")
    st.audio(data)
    if st.button("💾 Lưu bản ghi", type="primary", key="rec_save", width="stretch"):
        try:
            file_name, mp3, info = prepare_recording(
                data, max_seconds=limits.max_recording_seconds, max_bytes=int(limits.max_upload_mb * 1024 * 1024),
            )
        except AudioFileError as exc:
            st.error(exc.user_message)
        else:
            save_recording(db, RecordingInfo(lesson.id, step.id, language, fingerprint, file_name,
                                             round(info.duration_seconds * 1000), info.size_bytes), trainer.id,
                           mp3)
            st.session_state[FLASH] = f"Đã lưu bản ghi {LANGUAGES[language]} cho bước {lesson.steps.index(step) + 1}."
            st.rerun()
