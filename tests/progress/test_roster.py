"""Learners in bulk: a roster checked into a preview (errors, duplicates, limits, codes,
pictures), then added all at once or not at all."""

import io
import unicodedata

import pytest
from openpyxl import Workbook

from media.ui_phrases import AVATAR_NAMES
from progress.account_error import AccountError
from progress.groups import create_group
from progress.learners import AVATARS, CODE_PATTERN, create_learner, list_learners, verify_learner_code
from progress.roster import (
    MAX_NAME_LENGTH,
    MAX_ROWS,
    RosterPreview,
    RosterRow,
    check_roster,
    import_roster,
    preview_roster,
)
from progress.roster_file import RosterLine


def lines(*rows: tuple[str, ...], first: int = 1) -> list[RosterLine]:
    return [RosterLine(number, row) for number, row in enumerate(rows, start=first)]


def check(*rows: tuple[str, ...], existing=()) -> RosterPreview:  # type: ignore[no-untyped-def]
    return check_roster(1, lines(("Họ và tên", "Mã", "Hình"), *rows), existing, AVATAR_NAMES)


def csv_bytes(text: str) -> bytes:
    return ("\ufeff" + text).encode()


def test_good_rows_are_ready_with_the_codes_and_pictures_given():
    preview = check(("Đinh Thị Hoa", "0420", "🐃"), ("Hồ Văn Quý", "1234", "con gà"), ("Phạm Thị Nga", "5678", "Lúa"))
    assert preview.to_add == (RosterRow(2, "Đinh Thị Hoa", "0420", "🐃"), RosterRow(3, "Hồ Văn Quý", "1234", "🐓"),
                              RosterRow(4, "Phạm Thị Nga", "5678", "🌾"))
    assert preview.errors == () and preview.duplicates == ()


def test_headers_are_found_without_accents_or_case_under_a_title_and_in_any_order():
    preview = check_roster(1, lines(("DANH SÁCH THÔN BỜ HE",), ("STT", "HINH", "ho va ten", "ma so", "Thôn"),
                                    ("1", "", "Đinh Thị Hoa", "0420", "Bờ He")), (), AVATAR_NAMES)
    assert [(row.line, row.name, row.code) for row in preview.to_add] == [(3, "Đinh Thị Hoa", "0420")]


def test_a_file_without_a_name_column_is_refused():
    with pytest.raises(AccountError, match="Không thấy cột “Họ và tên”"):
        check_roster(1, lines(("Tên thôn", "Mã"), ("Bờ He", "1234")), (), AVATAR_NAMES)
    with pytest.raises(AccountError, match="chỉ có dòng tiêu đề"):
        check_roster(1, lines(("Họ và tên", "Mã")), (), AVATAR_NAMES)


def test_missing_codes_are_made_up_and_marked_for_the_card():
    preview = check(("Đinh Thị Hoa", "", ""), ("Hồ Văn Quý", " 12 34 ", ""))
    made, given = preview.to_add
    assert CODE_PATTERN.match(made.code) and made.code_made
    assert given.code == "1234" and not given.code_made


def test_a_roster_without_a_code_column_gets_codes_for_everyone():
    preview = check_roster(1, lines(("Họ và tên",), ("Đinh Thị Hoa",), ("Hồ Văn Quý",)), (), AVATAR_NAMES)
    assert all(CODE_PATTERN.match(row.code) and row.code_made for row in preview.to_add)


@pytest.mark.parametrize(("code", "words"), [
    ("123", "Dòng 2: mã phải có đúng 4 chữ số (Excel hay bỏ số 0 ở đầu"),
    ("12345", "Dòng 2: mã phải có đúng 4 chữ số."),
    ("12a4", "Dòng 2: mã phải có đúng 4 chữ số."),
    ("１２３４", "Dòng 2: mã phải có đúng 4 chữ số."),  # full-width digits are not the keypad's
])
def test_bad_codes_are_errors_with_the_line_number(code, words):
    preview = check(("Đinh Thị Hoa", code, ""))
    assert preview.to_add == () and len(preview.errors) == 1
    assert preview.errors[0].message.startswith(words)


def test_empty_names_long_names_and_unknown_pictures_are_errors():
    preview = check(("", "1234", ""), ("Đinh Thị Hoa", "1234", "con mèo"), ("A" * (MAX_NAME_LENGTH + 1), "", ""),
                    ("Hồ V?n Quý", "", ""), ("", "12", "con mèo"))
    assert preview.to_add == ()
    assert [problem.message for problem in preview.errors] == [
        "Dòng 2: thiếu họ và tên.",
        "Dòng 3: không có hình “con mèo” trong danh sách hình; để trống để ứng dụng tự chọn.",
        f"Dòng 4: tên dài quá {MAX_NAME_LENGTH} ký tự.",
        "Dòng 5: tên có dấu “?”: có thể tệp bị lưu sai bảng mã, trong Excel hãy lưu thành “CSV UTF-8”.",
        "Dòng 6: thiếu họ và tên; mã phải có đúng 4 chữ số (Excel hay bỏ số 0 ở đầu: đặt cột Mã là “Văn bản” "
        "(Text) rồi gõ lại, hoặc để trống để ứng dụng tạo mã); không có hình “con mèo” trong danh sách hình; "
        "để trống để ứng dụng tự chọn.",
    ]


def test_duplicates_within_the_file_ignore_case_spaces_and_how_accents_were_typed():
    nfd = unicodedata.normalize("NFD", "Đinh Thị Hoa")
    assert nfd != "Đinh Thị Hoa"
    preview = check(("Đinh Thị Hoa", "1234", ""), (nfd, "2345", ""), ("đinh  THỊ hoa", "", ""), ("Hồ Văn Quý", "", ""))
    assert [row.name for row in preview.to_add] == ["Đinh Thị Hoa", "Hồ Văn Quý"]
    assert [problem.message for problem in preview.duplicates] == [
        "Dòng 3: Đinh Thị Hoa trùng tên với dòng 2. Nếu là hai người, thêm tên đệm hoặc tên thôn.",
        "Dòng 4: đinh THỊ hoa trùng tên với dòng 2. Nếu là hai người, thêm tên đệm hoặc tên thôn.",
    ]


def test_a_name_with_an_error_still_claims_its_name_in_the_file():
    preview = check(("Đinh Thị Hoa", "12", ""), ("Đinh Thị Hoa", "1234", ""))
    assert preview.to_add == ()
    assert [p.line for p in preview.errors] == [2] and [p.line for p in preview.duplicates] == [3]


def test_duplicates_against_the_group_are_left_out():
    existing = [(unicodedata.normalize("NFD", "Đinh Thị Hoa"), "🌻")]
    preview = check(("ĐINH THỊ HOA", "1234", ""), ("Hồ Văn Quý", "", ""), existing=existing)
    assert [row.name for row in preview.to_add] == ["Hồ Văn Quý"]
    assert [problem.message for problem in preview.duplicates] == ["Dòng 2: ĐINH THỊ HOA đã có trong nhóm."]


def test_pictures_are_chosen_least_used_first():
    existing = [("Người Cũ", "🌻"), ("Người Khác", "🐃")]
    preview = check(("A Một", "", ""), ("A Hai", "", "🐓"), ("A Ba", "", ""), existing=existing)
    assert [(row.avatar, row.avatar_made) for row in preview.to_add] == [("🌽", True), ("🐓", False), ("🍌", True)]
    many = check(*((f"Người {n:02d}", "", "") for n in range(20)))
    assert [row.avatar for row in many.to_add] == [*AVATARS, *AVATARS[:4]]


def test_a_picture_by_its_emoji_with_or_without_the_variation_selector():
    preview = check(("A Một", "", "🌶"), ("A Hai", "", "🌶️"), ("A Ba", "", "Ngọn Núi"))
    assert [row.avatar for row in preview.to_add] == ["🌶️", "🌶️", "🏔️"]


def test_row_limit():
    rows = [("Họ và tên",), *((f"Người {n}",) for n in range(MAX_ROWS))]
    assert len(check_roster(1, lines(*rows), (), AVATAR_NAMES).to_add) == MAX_ROWS
    with pytest.raises(AccountError, match=f"hơn {MAX_ROWS} người"):
        check_roster(1, lines(*rows, ("Người thừa",)), (), AVATAR_NAMES)


def test_preview_reads_csv_and_xlsx_and_stores_nothing(db):
    group = create_group(db, "Thôn Bờ He")
    create_learner(db, group.id, "Đinh Thị Hoa", "1111")
    preview = preview_roster(db, group.id, "ds.csv", csv_bytes("Họ và tên;Mã\nđinh thị hoa;1234\nHồ Văn Quý;2345\n"),
                             AVATAR_NAMES)
    assert [row.name for row in preview.to_add] == ["Hồ Văn Quý"] and len(preview.duplicates) == 1
    workbook = Workbook()
    for row in (["Họ và tên", "Mã"], ["Hồ Văn Quý", 2345], ["Phạm Thị Nga", None]):
        workbook.active.append(row)
    out = io.BytesIO()
    workbook.save(out)
    preview = preview_roster(db, group.id, "ds.xlsx", out.getvalue(), AVATAR_NAMES)
    assert [(row.name, row.code_made) for row in preview.to_add] == [("Hồ Văn Quý", False), ("Phạm Thị Nga", True)]
    assert [member.display_name for member in list_learners(db, group.id)] == ["Đinh Thị Hoa"]


def test_import_adds_every_row_with_its_code_and_picture(db):
    group = create_group(db, "Thôn Bờ He")
    preview = preview_roster(db, group.id, "ds.csv",
                             csv_bytes("Họ và tên,Mã,Hình\nĐinh Thị Hoa,0420,con trâu\nHồ Văn Quý,,\n"), AVATAR_NAMES)
    added = import_roster(db, group.id, preview)
    assert [learner.display_name for learner in added] == ["Đinh Thị Hoa", "Hồ Văn Quý"]
    members = {member.display_name: member for member in list_learners(db, group.id)}
    assert members["Đinh Thị Hoa"].avatar == "🐃" and members["Hồ Văn Quý"].avatar == preview.to_add[1].avatar
    assert verify_learner_code(db, members["Đinh Thị Hoa"].id, "0420") is not None
    assert verify_learner_code(db, members["Hồ Văn Quý"].id, preview.to_add[1].code) is not None


def test_import_saves_nothing_when_a_name_was_added_meanwhile(db):
    group = create_group(db, "Thôn Bờ He")
    preview = preview_roster(db, group.id, "ds.csv", csv_bytes("Họ và tên\nĐinh Thị Hoa\nHồ Văn Quý\nPhạm Thị Nga\n"),
                             AVATAR_NAMES)
    create_learner(db, group.id, "hồ văn quý", "1111")  # another trainer, between preview and confirm
    with pytest.raises(AccountError, match="nhóm đã có thêm Hồ Văn Quý.*chưa ai được thêm"):
        import_roster(db, group.id, preview)
    assert [member.display_name for member in list_learners(db, group.id)] == ["hồ văn quý"]


def test_import_is_all_or_nothing_when_the_database_refuses_one_row(db):
    group = create_group(db, "Thôn Bờ He")
    rows = (RosterRow(2, "Đinh Thị Hoa", "1234", "🌻"), RosterRow(3, "Đinh Thị Hoa", "2345", "🐃"))
    twice = RosterPreview(group.id, rows, (), ())
    with pytest.raises(AccountError, match="chưa ai được thêm"):
        import_roster(db, group.id, twice)
    assert list_learners(db, group.id) == []


def test_import_refuses_a_preview_of_another_group_or_an_empty_one(db):
    one, other = create_group(db, "Nhóm Một"), create_group(db, "Nhóm Hai")
    preview = preview_roster(db, one.id, "ds.csv", csv_bytes("Họ và tên\nĐinh Thị Hoa\n"), AVATAR_NAMES)
    with pytest.raises(AccountError, match="nhóm khác"):
        import_roster(db, other.id, preview)
    with pytest.raises(AccountError, match="Không có học viên nào"):
        import_roster(db, one.id, RosterPreview(one.id, (), (), ()))
    with pytest.raises(AccountError, match="Dòng 2 chưa đúng"):
        import_roster(db, one.id, RosterPreview(one.id, (RosterRow(2, "A", "12", "🌻"),), (), ()))
    assert list_learners(db, one.id) == [] and list_learners(db, other.id) == []


def test_import_refuses_a_name_too_long_that_did_not_come_from_the_preview(db):
    group = create_group(db, "Thôn Bờ He")
    forged = RosterPreview(group.id, (RosterRow(2, "Đinh " * 2000, "1234", "🐃"),), (), ())
    with pytest.raises(AccountError, match="Dòng 2 chưa đúng"):
        import_roster(db, group.id, forged)
    assert list_learners(db, group.id) == []
