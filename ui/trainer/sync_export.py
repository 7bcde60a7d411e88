"""Send this laptop's data to the commune (/xuat-du-lieu): this laptop's name and id, the
commune server it is registered with (or how to register), "Tạo tệp để nộp" (a .bdhvs
file to download and carry on a USB stick: what changed since the commune last confirmed
it, or everything), "Gửi lên xã qua mạng" when the server has an address, and the
history. What is waiting is counted (progress/sync/pending.py) on every rerun; the
bundle itself is built only when a button asks for it. Read-only accounts (commune and
province officers) cannot export."""

from __future__ import annotations

import streamlit as st

from progress.demo import DEMO_GROUP, untouched_demo_group
from progress.sync.exchange import ExportResult, export_for_server
from progress.sync.identity import this_site
from progress.sync.introduction import introduction_file, introduction_file_name
from progress.sync.partners import PartnerError, list_laptops, server_partner
from progress.sync.pending import pending_counts
from ui import resources
from ui.demo_account import staff_page
from ui.plain_text import as_text
from ui.trainer.menu import trainer_menu
from ui.trainer.sync_network import push_button
from ui.trainer.sync_view import kind_counts, show_history, show_refusal, vietnam_time

MADE = "sync_export_made"  # the last file made on this page: (ExportResult, everything)

HOW_TO_REGISTER = """\
Máy này chưa đăng ký với xã nên chưa tạo được tệp để nộp. Đăng ký một lần:

1. Bấm **💾 Tải tệp giới thiệu máy này** ở dưới, chép tệp vào USB và đưa cho người quản trị
   ở xã (hoặc đọc cho họ **mã máy** ở trên).
2. Người quản trị vào trang **Quản trị** → **💻 Máy tính ở thôn** trên máy của xã, tải tệp
   giới thiệu lên (hoặc nhập mã máy), chọn xã và các nhóm của máy này, rồi tải **tệp đăng
   ký** về USB.
3. Chép tệp đăng ký sang máy này (USB), mở trang **📥 Nhận dữ liệu** và tải tệp đó lên.
"""

trainer, scope = staff_page()
trainer_menu()
st.title("📤 Xuất dữ liệu để nộp lên xã")
st.caption("Tạo một tệp chứa học viên, tiến độ và buổi học của máy này, chép vào USB rồi đưa cho xã "
           "(hoặc gửi thẳng qua mạng khi có mạng).")
if not scope.can_edit:
    st.info("Tài khoản này chỉ được xem, không được xuất dữ liệu.")
    st.stop()
db = resources.database()
site = this_site(db)
st.markdown(f"Máy này: **{as_text(site.name)}** · mã máy `{site.uid}`")
server = server_partner(db)
if server is None and list_laptops(db):
    st.info("Máy này là máy chủ của xã: các máy ở thôn nộp dữ liệu cho máy này. Muốn gửi dữ liệu về một máy ở "
            "thôn: trang **Quản trị** → **💻 Máy tính ở thôn** → **📦 Gửi dữ liệu về một máy**.")
    show_history(db, "sync_export_history")
    st.stop()
if server is None:
    st.info(HOW_TO_REGISTER)
    st.download_button("💾 Tải tệp giới thiệu máy này", introduction_file(db), file_name=introduction_file_name(db),
                       mime="application/json", key="sync_export_introduction", type="primary", width="stretch")
    show_history(db, "sync_export_history")
    st.stop()

st.markdown(f"Nộp cho: **{as_text(server.name)}**")
if server.acked_until is None:
    st.caption("Xã chưa xác nhận lần nộp nào: tệp sẽ chứa toàn bộ dữ liệu của máy này.")
else:
    st.caption(f"Xã đã có dữ liệu của máy này đến {vietnam_time(server.acked_until)}: "
               "tệp chỉ chứa phần mới hoặc đã sửa sau lúc đó.")
waiting = kind_counts(pending_counts(db, server.acked_until))  # cheap on every rerun; the file only when asked
st.markdown(("**Chưa nộp:** " + " · ".join(as_text(line) for line in waiting)) if waiting
            else "Không có gì mới từ lần xã xác nhận gần nhất.")
with db() as session:
    if untouched_demo_group(session) is not None:
        st.caption(f"Nhóm mẫu “{DEMO_GROUP}” với các học viên mẫu chỉ để tập dùng thử nên không được nộp. "
                   "Khi thêm học viên thật vào nhóm này, nhóm được nộp như mọi nhóm khác.")
everything = st.checkbox("Tất cả dữ liệu (cả phần xã đã có — dùng khi xã mất dữ liệu hoặc cần nộp lại)",
                         key="sync_export_everything")
if st.button("📦 Tạo tệp để nộp", key="sync_export_make", type="primary", width="stretch"):
    try:
        with st.spinner("Đang tạo tệp…"):
            made = export_for_server(db, everything=everything, by_account=trainer.username)
    except PartnerError as exc:
        st.session_state.pop(MADE, None)
        show_refusal(str(exc))
    else:
        st.session_state[MADE] = made


def show_made(made: ExportResult) -> None:
    lines = kind_counts(made.counts)
    st.success(f"Đã tạo tệp {made.file_name}. Bấm nút dưới để tải về, rồi chép vào USB.", icon="✅")
    if lines:
        st.markdown("Trong tệp có:\n" + "\n".join(f"- {as_text(line)}" for line in lines))
    else:
        st.caption("Không có gì mới từ lần nộp trước. Tệp vẫn nộp được (xã sẽ báo đã có).")
    st.download_button("💾 Tải tệp về máy (để chép vào USB)", made.data, file_name=made.file_name,
                       mime="application/octet-stream", key="sync_export_download", type="primary",
                       width="stretch")


if MADE in st.session_state:
    show_made(st.session_state[MADE])
if server.url:
    push_button(db, everything=everything, by_account=trainer.username)
show_history(db, "sync_export_history")
