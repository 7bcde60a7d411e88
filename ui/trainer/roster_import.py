"""Add a group's learners from a roster file (CSV or XLSX): upload, look at the preview
(who will be added with which code and picture, rows to fix, names already there), then
"Thêm N học viên". Nothing is stored before that button; rows with errors and duplicates
are left out, so a corrected file can be uploaded again (those already added show as
"đã có trong nhóm"). Read-only accounts (commune and province officers) cannot import."""

from __future__ import annotations

import streamlit as st

from media.ui_phrases import AVATAR_NAMES
from progress.account_error import AccountError
from progress.groups import GroupInfo, list_groups
from progress.roster import MAX_NAME_LENGTH, MAX_ROWS, RosterPreview, RosterProblem, import_roster, preview_roster
from progress.roster_file import codes_csv, roster_template_csv
from progress.scope import OUTSIDE, Scope
from ui import resources
from ui.demo_account import staff_page
from ui.plain_text import as_text
from ui.trainer.menu import trainer_menu

PREVIEW = "roster_preview"  # (file id, group id, preview or the message refusing the file)
DONE = "roster_done"  # (group name, [(name, code, picture)]) of the last import: codes shown once
PROBLEM = "roster_problem"  # why the last "Thêm" saved nothing
UPLOADS = "roster_uploads"  # a new uploader key after an import empties it

FORMAT = f"""\
Dòng đầu của bảng ghi tên cột; mỗi dòng sau là một học viên:

- **Họ và tên** (bắt buộc, tối đa {MAX_NAME_LENGTH} ký tự);
- **Mã**: 4 chữ số học viên bấm để vào học. Để trống thì ứng dụng tạo mã, hiện ở bảng xem trước để ghi vào thẻ;
- **Hình**: hình trên thẻ tên, ghi tên hình (vd. *con trâu*, *bông lúa*) hoặc dán hình 🐃. Để trống thì ứng dụng chọn.

Các cột khác (STT, thôn, ghi chú) được bỏ qua. Tối đa {MAX_ROWS} người một tệp, tệp tối đa 1 MB.
Lưu từ Excel: chọn **Excel Workbook (.xlsx)** hoặc **CSV UTF-8**.
"""
EXAMPLE = """| Họ và tên | Mã | Hình |
|---|---|---|
| Đinh Thị Hoa | 0420 | con trâu |
| Hồ Văn Quý | | |
"""


def editable_groups(scope: Scope) -> list[GroupInfo]:
    return [group for group in list_groups(resources.database()) if group.id in scope.group_ids]


def chosen_group(groups: list[GroupInfo]) -> GroupInfo:
    """The group picked on the page; ``?nhom=<id>`` opens on that group if it is in scope."""
    asked = st.query_params.get("nhom", "")
    ids = [group.id for group in groups]
    first = 0
    if asked:
        if asked.isdigit() and int(asked) in ids:
            first = ids.index(int(asked))
        else:
            st.warning(OUTSIDE)
    group: GroupInfo = st.selectbox("Nhóm", groups, index=first, format_func=lambda g: g.name, key="roster_group")
    return group


def show_last_import() -> None:
    if DONE not in st.session_state:
        return
    group_name, added = st.session_state[DONE]
    st.success(f"Đã thêm {len(added)} học viên vào nhóm {as_text(group_name)}.")
    st.caption("Ghi mã vào thẻ của từng người ngay bây giờ: mã được cất kín, sau này không xem lại được "
               "(chỉ đổi được mã mới ở trang Tiến độ nhóm).")
    st.dataframe([{"Họ và tên": name, "Mã": code, "Hình": picture} for name, code, picture in added], hide_index=True)
    st.download_button("📥 Tải danh sách mã (để ghi thẻ)", codes_csv(added), key="roster_codes",
                       file_name="ma-hoc-vien.csv", mime="text/csv", width="stretch")


def how_to_fill(expanded: bool) -> None:
    with st.expander("📝 Cách ghi danh sách và tải mẫu", expanded=expanded):
        st.markdown(FORMAT)
        st.markdown(EXAMPLE)
        st.download_button("📥 Tải mẫu danh sách", roster_template_csv(), file_name="mau-danh-sach-hoc-vien.csv",
                           mime="text/csv", key="roster_template", width="stretch")


def current_preview(group: GroupInfo, scope: Scope, file_id: str, name: str, data: bytes) -> RosterPreview | str:
    """The preview of this file for this group, worked out once (its made-up codes stay put)."""
    kept = st.session_state.get(PREVIEW)
    if kept is not None and kept[:2] == (file_id, group.id):
        result: RosterPreview | str = kept[2]
        return result
    try:
        scope.require_edit(group.id)
        result = preview_roster(resources.database(), group.id, name, data, AVATAR_NAMES)
    except AccountError as exc:
        result = as_text(exc)
    st.session_state[PREVIEW] = (file_id, group.id, result)
    return result


def picture_text(avatar: str, made: bool) -> str:
    return f"{avatar} {AVATAR_NAMES.get(avatar, '')}" + (" (tự chọn)" if made else "")


def problems_list(problems: tuple[RosterProblem, ...], key: str) -> None:
    """Each row left out with its whole reason (a table would cut a long one); a long list scrolls."""
    lines = "\n".join(f"- **Dòng {p.line}**{f' ({as_text(p.name)})' if p.name else ''}: {as_text(p.reason)}"
                      for p in problems)
    with st.container(height=260 if len(problems) > 6 else "content", key=key):
        st.markdown(lines)


def show_preview(group: GroupInfo, scope: Scope, preview: RosterPreview) -> None:
    adding, errors, duplicates = preview.to_add, preview.errors, preview.duplicates
    st.subheader("Xem trước")
    cols = st.columns(3)
    cols[0].metric("Sẽ thêm", len(adding))
    cols[1].metric("Dòng lỗi", len(errors))
    cols[2].metric("Trùng tên", len(duplicates))
    if errors:
        st.warning(f"{len(errors)} dòng chưa đúng, sẽ không được thêm. Sửa trong tệp rồi tải lên lại: "
                   "những người đã thêm sẽ hiện là “đã có trong nhóm” và được bỏ qua.")
        problems_list(errors, "roster_errors")
    if duplicates:
        st.info(f"{len(duplicates)} dòng trùng tên, sẽ được bỏ qua.")
        problems_list(duplicates, "roster_duplicates")
    if not adding:
        st.info("Không có ai để thêm từ tệp này.")
        return
    st.markdown(f"**Sẽ thêm vào nhóm {as_text(group.name)}:**")
    st.dataframe([{"Dòng": row.line, "Họ và tên": row.name, "Mã": row.code + (" (mới tạo)" if row.code_made else ""),
                   "Hình": picture_text(row.avatar, row.avatar_made)} for row in adding], hide_index=True)
    if any(row.code_made for row in adding):
        st.caption("Mã “mới tạo” do ứng dụng tạo: ghi vào thẻ của học viên (sau khi thêm sẽ hiện lại một lần nữa).")
    label = f"✅ Thêm {len(adding)} học viên" + (" (bỏ qua các dòng lỗi)" if errors else "")
    if st.button(label, key="roster_confirm", type="primary", width="stretch"):
        try:
            scope.require_edit(group.id)
            with st.spinner("Đang thêm…"):
                import_roster(resources.database(), group.id, preview)
        except AccountError as exc:
            st.session_state[PROBLEM] = as_text(exc)
        else:
            st.session_state[DONE] = (group.name, [(row.name, row.code, picture_text(row.avatar, False).strip())
                                                   for row in adding])
            st.session_state[UPLOADS] = st.session_state.get(UPLOADS, 0) + 1  # an empty uploader
        st.session_state.pop(PREVIEW, None)  # worked out again from the group as it is now
        st.rerun()


trainer, scope = staff_page()
trainer_menu()
st.title("📋 Nhập danh sách học viên")
st.caption("Thêm cả nhóm một lần từ tệp Excel hoặc CSV. Chưa lưu gì cho đến khi bấm “Thêm … học viên”.")
if not scope.can_edit:
    st.info("Tài khoản này chỉ được xem, không được thêm học viên.")
    st.stop()
groups = editable_groups(scope)
if not groups:
    st.info("Tài khoản này chưa có nhóm nào. Thêm nhóm ở trang Tiến độ nhóm trước.")
    st.stop()
group = chosen_group(groups)
upload = st.file_uploader("Tệp danh sách (.xlsx hoặc .csv)", type=["xlsx", "csv", "xls"], max_upload_size=1,
                          key=f"roster_file_{st.session_state.get(UPLOADS, 0)}")
if PROBLEM in st.session_state:
    st.error(st.session_state.pop(PROBLEM))
if upload is None:
    show_last_import()
else:
    st.session_state.pop(DONE, None)
    result = current_preview(group, scope, upload.file_id, upload.name, upload.getvalue())
    if isinstance(result, str):
        st.error(result)
    else:
        show_preview(group, scope, result)
how_to_fill(expanded=upload is None and DONE not in st.session_state)
