
"""The trainer imports a roster: upload → preview → "Thêm N học viên" → learners stored.
A file with errors saves nothing until the trainer confirms its good rows; the fixed rows
are added from the corrected file, the others show as already in the group."""

import pytest
from sqlalchemy import update

from progress.groups import create_group, list_groups
from progress.learners import create_learner, list_learners, verify_learner_code
from progress.models import Trainer
from progress.trainers import create_trainer
from tests.ui.flows import button_by_label, texts
from tests.ui.test_trainer_flow import trainer_signs_in
from ui.plain_text import as_text

PAGE = "ui/trainer/roster_import.py"
DEMO_NAMES = ["Đinh Thị Hoa", "Đinh Văn Lâm", "Hồ Văn Quý", "Phạm Thị Nga"]


def open_import(at):  # type: ignore[no-untyped-def]
    return at.switch_page(PAGE).run()


def upload(at, text: str, name: str = "danh-sach.csv"):  # type: ignore[no-untyped-def]
    at.file_uploader[0].set_value((name, ("\ufeff" + text).encode(), "text/csv"))
    return at.run()


def table(at, *columns: str, without: str = "-"):  # type: ignore[no-untyped-def]
    """The first table on the page with these columns (and not that one)."""
    tables = [frame.value for frame in at.dataframe
              if set(columns) <= set(frame.value.columns) and without not in frame.value.columns]
    assert tables, f"no table with the columns {columns}"
    return tables[0]


def left_out(at, key: str) -> list[str]:  # type: ignore[no-untyped-def]
    """The rows listed in one of the preview's lists (errors, duplicates), a line each."""
    return at.container(key=key).markdown[0].value.split("\n")


def names_in(db) -> list[str]:  # type: ignore[no-untyped-def]
    return [member.display_name for member in list_learners(db, list_groups(db)[0].id)]


def test_upload_preview_confirm_stores_the_learners(new_app, app_env):
    at = open_import(trainer_signs_in(new_app()))
    assert not at.exception and "Nhập danh sách học viên" in texts(at)
    at = upload(at, "Họ và tên;Mã;Hình\nY Blao;0420;con trâu\nA Lăng Thị Hiền;;\n")
    assert not at.exception
    preview = table(at, "Dòng", "Mã")
    assert list(preview["Họ và tên"]) == ["Y Blao", "A Lăng Thị Hiền"]
    assert list(preview["Mã"])[0] == "0420" and list(preview["Mã"])[1].endswith("(mới tạo)")
    assert list(preview["Hình"])[0] == "🐃 con trâu" and list(preview["Hình"])[1].endswith("(tự chọn)")
    made_code = list(preview["Mã"])[1][:4]
    assert names_in(app_env) == DEMO_NAMES  # nothing stored by looking

    button_by_label(at, "Thêm 2 học viên").click().run()
    assert not at.exception
    assert "Đã thêm 2 học viên vào nhóm" in texts(at)
    added = table(at, "Mã", without="Dòng")
    assert list(added["Mã"]) == ["0420", made_code]  # the codes shown once more, to write on the cards
    members = {member.display_name: member for member in list_learners(app_env, list_groups(app_env)[0].id)}
    assert set(members) == {*DEMO_NAMES, "Y Blao", "A Lăng Thị Hiền"}
    assert members["Y Blao"].avatar == "🐃"
    assert verify_learner_code(app_env, members["A Lăng Thị Hiền"].id, made_code) is not None
    assert at.file_uploader[0].value is None  # the uploader is empty again: no double import


def test_a_file_with_errors_saves_nothing_until_its_good_rows_are_confirmed(new_app, app_env):
    at = open_import(trainer_signs_in(new_app()))
    at = upload(at, "Họ và tên,Mã\nY Blao,0420\nA Lăng Thị Hiền,12\nđinh thị hoa,\nY Blao,1111\n")
    assert left_out(at, "roster_errors") == [
        "- **Dòng 3** (A Lăng Thị Hiền): " + as_text("mã phải có đúng 4 chữ số (Excel hay bỏ số 0 ở đầu: đặt cột Mã là "
                                                     "“Văn bản” (Text) rồi gõ lại, hoặc để trống để ứng dụng tạo mã).")]
    assert left_out(at, "roster_duplicates") == [
        "- **Dòng 4** (đinh thị hoa): " + as_text("đinh thị hoa đã có trong nhóm."),
        "- **Dòng 5** (Y Blao): " + as_text("Y Blao trùng tên với dòng 2. Nếu là hai người, thêm tên đệm hoặc "
                                            "tên thôn.")]
    assert names_in(app_env) == DEMO_NAMES
    button_by_label(at, "Thêm 1 học viên (bỏ qua các dòng lỗi)").click().run()
    assert sorted(names_in(app_env)) == sorted([*DEMO_NAMES, "Y Blao"])

    # the corrected file again, whole: the one already added is skipped, the fixed row is added
    at = upload(at, "Họ và tên,Mã\nY Blao,0420\nA Lăng Thị Hiền,0012\n")
    assert left_out(at, "roster_duplicates") == ["- **Dòng 2** (Y Blao): " + as_text("Y Blao đã có trong nhóm.")]
    button_by_label(at, "Thêm 1 học viên").click().run()
    assert sorted(names_in(app_env)) == sorted([*DEMO_NAMES, "A Lăng Thị Hiền", "Y Blao"])


def test_a_file_that_is_not_a_roster_gets_a_sentence_not_an_error(new_app, app_env):
    at = open_import(trainer_signs_in(new_app()))
    at.file_uploader[0].set_value(("danh-sach.xlsx", b"\x00\x01garbage\xff" * 50, "application/octet-stream"))
    at.run()
    assert not at.exception
    assert [e.value for e in at.error] == [as_text("Tệp .xlsx này bị hỏng hoặc không phải tệp Excel. Mở lại bằng "
                                                  "Excel và lưu lại.")]
    at = upload(at, "Tên thôn,Mã\nBờ He,1234\n")
    assert "Không thấy cột “Họ và tên”" in at.error[0].value
    assert not [b for b in at.button if "Thêm" in b.label]
    assert names_in(app_env) == DEMO_NAMES


def test_a_name_added_meanwhile_stops_the_whole_import(new_app, app_env):
    at = open_import(trainer_signs_in(new_app()))
    at = upload(at, "Họ và tên\nY Blao\nA Lăng Thị Hiền\n")
    create_learner(app_env, list_groups(app_env)[0].id, "Y Blao", "5555")  # a co-trainer, at the same moment
    button_by_label(at, "Thêm 2 học viên").click().run()
    assert not at.exception
    assert "chưa ai được thêm" in at.error[0].value
    assert sorted(names_in(app_env)) == sorted([*DEMO_NAMES, "Y Blao"])
    looked_again = left_out(at, "roster_duplicates")  # looked at again
    assert looked_again == ["- **Dòng 2** (Y Blao): " + as_text("Y Blao đã có trong nhóm.")]


def test_the_template_downloads_and_the_group_comes_from_the_address(new_app, app_env):
    other = create_group(app_env, "Thôn Làng Rêu")
    at = trainer_signs_in(new_app())
    at.query_params["nhom"] = "99999"
    at = open_import(at)
    assert "không thuộc phạm vi" in at.warning[0].value
    assert at.selectbox(key="roster_group").value.name == list_groups(app_env)[0].name  # the trainer's own
    assert other.name not in at.selectbox(key="roster_group").options
    assert at.get("download_button")  # "Tải mẫu danh sách"


def test_a_read_only_officer_cannot_import(new_app, app_env):
    group = list_groups(app_env)[0]
    officer = create_trainer(app_env, "canbo", "Cán bộ Đoàn xã", "matkhau-canbo", [group.id])
    with app_env.begin() as session:
        session.execute(update(Trainer).where(Trainer.id == officer.id).values(role="commune_officer"))
    at = trainer_signs_in(new_app(), username="canbo", password="matkhau-canbo")
    assert "Nhập danh sách" not in [link.label for link in at.get("page_link")]
    with pytest.raises(ValueError):  # not registered for a read-only role (ui/trainer/menu.py)
        open_import(at)
