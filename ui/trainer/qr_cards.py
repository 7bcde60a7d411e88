"""Printable QR sign-in cards: a learner opens the link on their own phone and is in;
and one QR code for the whole class to open the app."""

from __future__ import annotations

import html

import streamlit as st

from access.card_links import card_url
from progress.learners import card_version, list_learners, revoke_cards
from ui import resources
from ui.demo_account import staff_page
from ui.plain_text import as_text
from ui.trainer.group_choice import choose_group, scoped_groups
from ui.trainer.menu import trainer_menu
from ui.trainer.phone_address import phone_address, qr_svg
from ui.voice_check import voice_check

FLASH = "cards_flash"
CLASS_DAY_CHECKLIST = """\
1. Bật điểm phát sóng Wi-Fi (hotspot) của laptop và mở ứng dụng.
2. Điện thoại của học viên vào Wi-Fi của laptop, quét mã QR bên dưới.
3. Trên mỗi điện thoại: **⚙️ Cài đặt → 🔊 Thử giọng đọc**. Nếu máy báo *giọng máy tạm thời*,
   hãy cài giọng tiếng Việt cho máy khi có Wi-Fi vào được mạng (cách làm hiện ngay dưới nút).
4. Xem trang **🔊 Độ phủ tiếng đọc**: bài sắp dạy đã có giọng Google làm sẵn chưa.
"""
db = resources.database()
trainer, scope = staff_page()
groups = scoped_groups(scope)


trainer_menu()
st.title("🪪 Thẻ QR vào học")
st.caption("In thẻ cho học viên: quét mã trên thẻ bằng điện thoại là vào học, không cần bấm mã. "
           "Mất thẻ thì bấm “Thu hồi thẻ”: thẻ cũ hết dùng được, in thẻ mới.")
if FLASH in st.session_state:
    st.success(st.session_state.pop(FLASH))
with st.expander("✅ Chuẩn bị buổi học"):
    st.markdown(CLASS_DAY_CHECKLIST)
    st.caption("Thử giọng đọc trên máy đang mở trang này:")
    voice_check("class_day")
address = phone_address()
base, phone_base, on_this_computer_only = address.page_base, address.phone_base, address.on_this_computer_only
with st.expander("📱 Mã QR để cả lớp mở ứng dụng", expanded=True):
    if phone_base:
        st.markdown(f"<div class='qr-join'>{qr_svg(phone_base + '/')}</div>", unsafe_allow_html=True)
        st.caption(f"Học viên quét mã này (hoặc gõ {phone_base}) khi điện thoại đã vào Wi-Fi của lớp.")
    else:
        st.caption("Máy tính này chưa vào mạng nào: bật Wi-Fi hoặc điểm phát sóng (hotspot) trước.")
if not groups:
    st.info("Tài khoản này chưa được giao nhóm nào.")
    st.stop()
group = choose_group(scope, groups, "cards_group")
st.caption(f"Thẻ mở địa chỉ {base}: điện thoại phải vào được địa chỉ này (cùng mạng Wi-Fi của lớp).")
if on_this_computer_only:
    hint = f": {phone_base}/the-qr" if phone_base else ""
    st.warning("Địa chỉ này chỉ mở được trên chính máy tính này. Hãy mở trang này bằng địa chỉ Wi-Fi của máy "
               f"(địa chỉ mà điện thoại học viên dùng{hint}) rồi mới in thẻ.")

for learner in list_learners(db, group.id):
    version = card_version(db, learner.id)
    if version is None:
        continue  # deleted since the list was read: no card to print
    link = card_url(base, resources.secret_key(), learner.id, version)
    st.markdown(
        f"<div class='qr-card'><div class='qr-code'>{qr_svg(link)}</div>"
        f"<div><b>{html.escape(learner.avatar)} {html.escape(learner.display_name)}</b><br>"
        f"{html.escape(group.name)}<br>"
        f"<small>Thẻ số {version}</small></div></div>",
        unsafe_allow_html=True,
    )
    if scope.can_edit and st.button(f"🚫 Thu hồi thẻ của {as_text(learner.display_name)}", key=f"revoke_{learner.id}",
                                    width="stretch"):
        new_version = revoke_cards(db, learner.id)
        st.session_state[FLASH] = (f"Thẻ cũ của {as_text(learner.display_name)} đã hết dùng được. "
                                   f"In thẻ số {new_version}.")
        st.rerun()
