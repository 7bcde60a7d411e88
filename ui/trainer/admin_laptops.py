"""The admin page's village laptops ("Máy tính ở thôn"), on the commune server: this
installation's name, each laptop registered here with the last time its data came in,
a new laptop registered (its id, name, commune, groups) with its registration file to
download, a file to send a laptop its groups, and a laptop revoked (its files are
refused from then on)."""

from __future__ import annotations

import streamlit as st

from progress.database import Database
from progress.groups import list_groups
from progress.sync.bundle_file import BundleRefused
from progress.sync.exchange import export_for_laptop
from progress.sync.identity import MAX_SITE_NAME_LENGTH, rename_site, this_site
from progress.sync.introduction import read_introduction
from progress.sync.partners import PartnerError, list_laptops, register_laptop, revoke
from ui.plain_text import as_text
from ui.trainer.area_choices import AreaChoices
from ui.trainer.sync_view import vietnam_time

REGISTERED = "admin_laptop_registered"  # (laptop name, registration file bytes)
INTRODUCED = "admin_laptop_introduced"  # the introduction file already read into the form
SENT = "admin_laptop_sent"  # (laptop name, ExportResult) of the last "Tạo tệp gửi máy này"


def _site_name(db: Database, flash_key: str) -> None:
    site = this_site(db)
    st.markdown(f"Máy này: **{as_text(site.name)}** · mã máy `{site.uid}`")
    with st.expander("✏️ Đổi tên máy này"), st.form("admin_site_name"):
        name = st.text_input("Tên máy (ví dụ: Máy chủ xã Ba Tơ)", value=site.name, max_chars=MAX_SITE_NAME_LENGTH,
                             key="admin_site_name_text")
        if st.form_submit_button("Lưu tên máy", width="stretch"):
            if not name.strip():
                st.error("Tên máy không được để trống.")
            else:
                renamed = rename_site(db, name)
                st.session_state[flash_key] = f"Tên máy này bây giờ là {as_text(renamed.name)}."
                st.rerun()


def _introduced_by_file() -> None:
    """The laptop's introduction file (from the USB stick) fills its id and name below."""
    upload = st.file_uploader("Tệp giới thiệu máy (từ USB; không bắt buộc nếu nhập mã máy)", type=["json"],
                              key="admin_laptop_introduction")
    if upload is None or st.session_state.get(INTRODUCED) == upload.file_id:
        return
    try:
        found = read_introduction(upload.getvalue())
    except PartnerError as exc:
        st.error(as_text(exc))
        return
    st.session_state[INTRODUCED] = upload.file_id  # filled once: the admin may still edit the name
    st.session_state["admin_laptop_uid"] = found.uid
    if found.name:
        st.session_state["admin_laptop_name"] = found.name
    st.success(f"Đã đọc tệp giới thiệu của máy {as_text(found.name or found.uid)}.", icon="✅")


def _register(db: Database, choices: AreaChoices) -> None:
    with st.expander("➕ Đăng ký máy tính ở thôn", key="admin_laptop_register_open"):
        if not choices.communes:
            st.info("Chưa có xã / phường nào: thêm ở mục “Tỉnh, xã / phường, tổ” trước.")
            return
        _introduced_by_file()
        uid = st.text_input("Mã máy (hiện ở trang “Xuất dữ liệu để nộp lên xã” của máy đó)", key="admin_laptop_uid")
        name = st.text_input("Tên máy (ví dụ: Laptop thôn Bờ He)", key="admin_laptop_name")
        commune_id = st.selectbox("Thuộc xã / phường", list(choices.communes),
                                  format_func=choices.communes.__getitem__, key="admin_laptop_commune")
        groups = {group.id: group.name for group in list_groups(db)}
        group_ids = st.multiselect("Các nhóm học trên máy đó (xã sẽ gửi các nhóm này về máy)", list(groups),
                                   format_func=groups.__getitem__, key="admin_laptop_groups")
        url = st.text_input("Địa chỉ mạng của máy chủ này, để máy đó gửi qua mạng (để trống nếu chỉ dùng USB)",
                            placeholder="https://xa.example.vn", key="admin_laptop_url")
        if st.button("Đăng ký và tạo tệp đăng ký", key="admin_laptop_register", width="stretch"):
            try:
                data = register_laptop(db, uid, name, commune_id, list(group_ids), url=url.strip() or None)
            except PartnerError as exc:
                st.error(as_text(exc))
            else:
                st.session_state[REGISTERED] = (" ".join(name.split()), data)
                st.rerun()  # the list above shows the new laptop
        if REGISTERED in st.session_state:
            laptop_name, data = st.session_state[REGISTERED]
            st.success(f"Đã đăng ký {as_text(laptop_name)}. Tải tệp đăng ký, chép sang máy đó, rồi trên máy đó "
                       "mở trang “Nhận dữ liệu” và tải tệp lên.", icon="✅")
            st.download_button("💾 Tải tệp đăng ký", data, file_name="dang-ky-may.json", mime="application/json",
                               key="admin_laptop_registration", type="primary", width="stretch")


def _send_and_revoke(db: Database, flash_key: str, laptops: dict[str, str], by_account: str) -> None:
    with st.expander("📦 Gửi dữ liệu về một máy (nhóm, học viên, tài khoản của máy đó)", key="admin_laptop_send_open"):
        uid = st.selectbox("Máy", list(laptops), format_func=laptops.__getitem__, key="admin_laptop_send_uid")
        if st.button("Tạo tệp gửi máy này", key="admin_laptop_send", width="stretch"):
            try:
                st.session_state[SENT] = (laptops[uid], export_for_laptop(db, uid, by_account=by_account))
            except (PartnerError, BundleRefused) as exc:
                st.error(as_text(exc))
        if SENT in st.session_state:
            laptop_name, made = st.session_state[SENT]
            st.caption(f"Tệp cho {as_text(laptop_name)}: chép sang máy đó, mở trang “Nhận dữ liệu” và tải lên.")
            st.download_button("💾 Tải tệp về", made.data, file_name=made.file_name, mime="application/octet-stream",
                               key="admin_laptop_send_download", type="primary", width="stretch")
    with st.expander("⛔ Thu hồi một máy (máy bị mất, hoặc không dùng nữa)", key="admin_laptop_revoke_open"):
        uid = st.selectbox("Máy", list(laptops), format_func=laptops.__getitem__, key="admin_laptop_revoke_uid")
        sure = st.checkbox("Tôi chắc chắn: từ nay không nhận tệp của máy này nữa", key="admin_laptop_revoke_sure")
        if st.button("Thu hồi", key="admin_laptop_revoke", width="stretch", disabled=not sure):
            revoke(db, uid)
            st.session_state[flash_key] = f"Đã thu hồi {as_text(laptops[uid])}: tệp của máy này sẽ bị từ chối."
            st.rerun()


def laptops_section(db: Database, choices: AreaChoices, flash_key: str, by_account: str) -> None:
    st.subheader("💻 Máy tính ở thôn")
    st.caption("Máy tính ở thôn nộp dữ liệu cho máy này bằng tệp (USB) hoặc qua mạng. Mỗi máy đăng ký một lần.")
    _site_name(db, flash_key)
    laptops = list_laptops(db)
    if laptops:
        st.dataframe([{
            "Máy": laptop.name, "Mã máy": laptop.uid, "Xã / phường": laptop.commune_name or "—",
            "Nhóm": ", ".join(laptop.group_names) or "—",
            "Đăng ký": vietnam_time(laptop.registered_at), "Nhận lần cuối": vietnam_time(laptop.last_import_at),
            "Trạng thái": "Đã thu hồi" if laptop.revoked_at else "Đang dùng",
        } for laptop in laptops], hide_index=True, width="stretch", key="admin_laptops")
    else:
        st.caption("Chưa có máy nào đăng ký.")
    _register(db, choices)
    active = {laptop.uid: laptop.name for laptop in laptops if not laptop.revoked_at}
    if active:
        _send_and_revoke(db, flash_key, active, by_account)
