"""Receive data (/nhan-du-lieu): upload a .bdhvs file from a village laptop (on the commune
server) or from the commune (on a laptop), or the registration file the commune gave
this laptop; "Nhận dữ liệu" applies it and shows what was added, updated and left as it
was, per kind, with the conflicts resolved. A refused file shows the refusal's own
sentence and nothing changes. "Lấy dữ liệu từ xã qua mạng" on a registered laptop with
the server's address; the history under it."""

from __future__ import annotations

import math

import streamlit as st

from progress.sync.bundle_file import BundleRefused
from progress.sync.exchange import ImportResult, import_bundle
from progress.sync.partners import PartnerError, is_registration, join_server, server_partner
from ui import resources
from ui.demo_account import staff_page
from ui.plain_text import as_text
from ui.trainer.menu import trainer_menu
from ui.trainer.sync_network import pull_button
from ui.trainer.sync_view import show_history, show_refusal, show_summary

DONE = "sync_import_done"  # what the last "Nhận dữ liệu" did: ImportResult, or ("joined", name) / ("refused", message)
UPLOADS = "sync_import_uploads"  # a new uploader key after each file, so it is not received twice


def receive(data: bytes, by_account: str) -> None:
    db = resources.database()
    try:
        with st.spinner("Đang nhận dữ liệu…"):
            if is_registration(data):
                st.session_state[DONE] = ("joined", join_server(db, data).name)
            else:
                st.session_state[DONE] = import_bundle(db, data, by_account=by_account)
    except (BundleRefused, PartnerError) as exc:
        st.session_state[DONE] = ("refused", str(exc))
    st.session_state[UPLOADS] = st.session_state.get(UPLOADS, 0) + 1


def show_done(done: ImportResult | tuple[str, str]) -> None:
    if isinstance(done, tuple):
        what, text = done
        if what == "refused":
            show_refusal(text)
        else:
            st.success(f"Máy này đã đăng ký với {as_text(text)}. Từ bây giờ nộp dữ liệu ở trang "
                       "📤 Xuất dữ liệu để nộp lên xã.", icon="✅")
        return
    sender = done.header.get("from_site", {}).get("name", "")
    if done.already_received:
        st.info(as_text(done.message), icon="ℹ️")
        return
    show_summary(done.summary, f"Đã nhận dữ liệu từ {as_text(sender)}.")


trainer, scope = staff_page()
trainer_menu()
st.title("📥 Nhận dữ liệu")
st.caption("Tải lên tệp dữ liệu (.bdhvs) do máy ở thôn xuất ra, hoặc do xã gửi về; hoặc tệp đăng ký máy xã gửi.")
if not scope.can_edit:
    st.info("Tài khoản này chỉ được xem, không được nhận dữ liệu.")
    st.stop()
db = resources.database()
upload = st.file_uploader("Tệp dữ liệu (.bdhvs) hoặc tệp đăng ký", type=["bdhvs", "json"],
                          max_upload_size=math.ceil(resources.settings().sync.max_bundle_mb),
                          key=f"sync_import_file_{st.session_state.get(UPLOADS, 0)}")
if upload is not None:
    st.session_state.pop(DONE, None)
    st.caption(f"Tệp đã chọn: {as_text(upload.name)}. Chưa có gì thay đổi cho đến khi bấm “Nhận dữ liệu”.")
    if st.button("📥 Nhận dữ liệu", key="sync_import_receive", type="primary", width="stretch"):
        receive(upload.getvalue(), trainer.username)
        st.rerun()
if DONE in st.session_state:
    show_done(st.session_state[DONE])
server = server_partner(db)
if server is not None and server.url:
    pull_button(db, by_account=trainer.username)
show_history(db, "sync_import_history")
