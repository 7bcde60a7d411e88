"""Printable QR sign-in cards: a learner opens the link on their own phone and is in."""

from __future__ import annotations

import html
import io

import qrcode
import qrcode.image.svg
import streamlit as st

from access.card_links import card_url
from progress.accounts import card_version, get_trainer, list_groups, list_learners, revoke_cards
from ui import resources
from ui.signin_state import current_signin
from ui.trainer.menu import trainer_menu

FLASH = "cards_flash"
signin = current_signin()
db = resources.database()
trainer = get_trainer(db, signin.account_id)
groups = [g for g in list_groups(db) if g.id in trainer.group_ids]


def _qr_svg(url: str) -> str:
    buffer = io.BytesIO()
    qrcode.make(url, image_factory=qrcode.image.svg.SvgPathImage, box_size=8, border=2).save(buffer)
    return buffer.getvalue().decode("utf-8").split("?>", 1)[-1]  # drop the XML prolog to inline it


def _base_url() -> str:
    """The address the phones use: the one this page was opened with (e.g. the laptop's hotspot)."""
    url = st.context.url or ""
    scheme, _, rest = url.partition("://")
    return f"{scheme}://{rest.split('/', 1)[0]}" if rest else ""


trainer_menu()
st.title("🪪 Thẻ QR vào học")
st.caption("In thẻ cho học viên: quét mã trên thẻ bằng điện thoại là vào học, không cần bấm mã. "
           "Mất thẻ thì bấm “Thu hồi thẻ”: thẻ cũ hết dùng được, in thẻ mới.")
if FLASH in st.session_state:
    st.success(st.session_state.pop(FLASH))
if not groups:
    st.info("Tài khoản này chưa được giao nhóm nào.")
    st.stop()
group = st.selectbox("Nhóm", groups, format_func=lambda g: g.name, key="cards_group")
base = _base_url()
st.caption(f"Thẻ mở địa chỉ {base}: điện thoại phải vào được địa chỉ này (cùng mạng Wi-Fi của lớp).")
if "localhost" in base or "127.0.0.1" in base:
    st.warning("Địa chỉ này chỉ mở được trên chính máy tính này. Hãy mở trang này bằng địa chỉ Wi-Fi của máy "
               "(địa chỉ mà điện thoại học viên dùng) rồi mới in thẻ.")

for learner in list_learners(db, group.id):
    version = card_version(db, learner.id)
    link = card_url(base, resources.secret_key(), learner.id, version)
    st.markdown(
        f"<div class='qr-card'><div class='qr-code'>{_qr_svg(link)}</div>"
        f"<div><b>{html.escape(learner.avatar)} {html.escape(learner.display_name)}</b><br>{html.escape(group.name)}<br>"
        f"<small>Thẻ số {version}</small></div></div>",
        unsafe_allow_html=True,
    )
    if st.button(f"🚫 Thu hồi thẻ của {learner.display_name}", key=f"revoke_{learner.id}", width="stretch"):
        new_version = revoke_cards(db, learner.id)
        st.session_state[FLASH] = f"Thẻ cũ của {learner.display_name} đã hết dùng được. In thẻ số {new_version}."
        st.rerun()
