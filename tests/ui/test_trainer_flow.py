import pytest

from progress.groups import list_groups
from progress.learners import list_learners
from progress.tracking import record_attempt, save_step
from quizzes.answers import GradedAnswer
from tests.ui.flows import button_by_label, texts
from ui.plain_text import as_text


def trainer_signs_in(at, password="hocvuso2025", username="tapsu"):
    at.run()
    at.switch_page("ui/trainer/signin.py").run()
    at.text_input(key="trainer_username").input(username)
    at.text_input(key="trainer_password").input(password)
    button_by_label(at, "Đăng nhập").click().run()
    # the app sends a signed-in trainer on to the dashboard, and a browser stays there;
    # AppTest keeps asking for the page last given to at.switch_page, so follow by hand
    try:
        at.switch_page("ui/trainer/dashboard.py")
    except ValueError:
        return at  # not signed in: the dashboard is not even registered
    return at.run()


def table_with(at, column: str):  # type: ignore[no-untyped-def]
    """The first table on the page that has this column."""
    tables = [frame.value for frame in at.dataframe if column in frame.value.columns]
    assert tables, f"no table with a {column!r} column"
    return tables[0]


def test_wrong_password_is_refused(new_app):
    at = trainer_signs_in(new_app(), password="sai-mat-khau")
    assert "chưa đúng" in texts(at)
    with pytest.raises(ValueError):
        at.switch_page("ui/trainer/dashboard.py").run()


def test_wrong_passwords_lock_the_account_with_a_plain_message(new_app, monkeypatch):
    import streamlit as st

    monkeypatch.setenv("BDHVS_AUTH__TRAINER_MAX_FAILURES", "2")
    st.cache_resource.clear()
    for _ in range(2):
        at = trainer_signs_in(new_app(), password="sai-mat-khau")
    assert "tạm khóa" in texts(at) and "15 phút" in texts(at)
    at = trainer_signs_in(new_app())  # the right password waits too
    assert "tạm khóa" in texts(at)
    with pytest.raises(ValueError):
        at.switch_page("ui/trainer/dashboard.py").run()


def test_changing_the_password_keeps_this_session_and_ends_the_others(new_app, app_env):
    other = trainer_signs_in(new_app())
    at = trainer_signs_in(new_app())
    at.text_input(key="password_current").input("hocvuso2025")
    at.text_input(key="password_new").input("mat-khau-moi-1")
    at.text_input(key="password_again").input("mat-khau-moi-1")
    button_by_label(at, "Đổi mật khẩu").click().run()
    assert "Đã đổi mật khẩu" in texts(at)
    assert "Đăng xuất" in " ".join(b.label for b in at.button)
    other.run()  # the other browser is signed out: back to the sign-in pages
    assert "signin" not in other.session_state
    assert "Bác học ở nhóm nào?" in texts(other)


def test_trainer_sees_learners_by_lessons(new_app, app_env):
    group = list_groups(app_env)[0]
    learners = {member.display_name: member for member in list_learners(app_env, group.id)}
    record_attempt(app_env, learners["Đinh Thị Hoa"].id, "bai-mau", [GradedAnswer("q-mot", "b", True)], 100, True, 80)
    save_step(app_env, learners["Hồ Văn Quý"].id, "bai-mau", 1, 10)
    save_step(app_env, learners["Hồ Văn Quý"].id, "bai-mau", 2, 230)

    at = trainer_signs_in(new_app())
    times = table_with(at, "Thời gian học")
    minutes = dict(zip(times["Học viên"], times["Thời gian học"], strict=True))
    assert minutes["Hồ Văn Quý"] == "4 phút" and minutes["Đinh Văn Lâm"] == "—"
    assert "Tiến độ nhóm" in texts(at)
    table = table_with(at, "Bài mẫu")
    rows = dict(zip(table["Học viên"], table["Bài mẫu"], strict=True))
    assert rows == {
        "Đinh Thị Hoa": "✅ Đã đạt (100%)",
        "Đinh Văn Lâm": "⚪ Chưa học",
        "Hồ Văn Quý": "🟡 Đang học",
        "Phạm Thị Nga": "⚪ Chưa học",
    }
    last = dict(zip(table["Học viên"], table["Hoạt động gần nhất"], strict=True))
    assert last["Đinh Văn Lâm"] == "—" and last["Đinh Thị Hoa"] != "—"


def test_trainer_adds_a_learner_and_bad_input_is_explained(new_app, app_env):
    at = trainer_signs_in(new_app())
    at.text_input(key="new_learner_name").input("Đinh Văn Mới")
    at.text_input(key="new_learner_code").input("12")
    button_by_label(at, "Thêm").click().run()
    assert "đúng 4 chữ số" in texts(at)
    at.text_input(key="new_learner_name").input("Đinh Văn Mới")
    at.text_input(key="new_learner_code").input("5678")
    button_by_label(at, "Thêm").click().run()
    assert "Đã thêm Đinh Văn Mới." in texts(at)
    group = list_groups(app_env)[0]
    assert "Đinh Văn Mới" in [member.display_name for member in list_learners(app_env, group.id)]
    assert "Đinh Văn Mới" in list(table_with(at, "Học viên")["Học viên"])


def test_anonymous_visitor_cannot_open_the_dashboard(new_app):
    at = new_app()
    at.run()
    with pytest.raises(ValueError):
        at.switch_page("ui/trainer/dashboard.py").run()


def test_trainer_deletes_a_learner_only_when_sure(new_app, app_env):
    group = list_groups(app_env)[0]
    at = trainer_signs_in(new_app())
    at.selectbox(key="delete_who").select_index(0)
    first = list_learners(app_env, group.id)[0].display_name
    button_by_label(at, "Xoá").click().run()
    assert "Tôi chắc chắn muốn xoá" in texts(at)
    assert first in [member.display_name for member in list_learners(app_env, group.id)]
    at.selectbox(key="delete_who").select_index(0)
    at.checkbox(key="delete_sure").check()
    button_by_label(at, "Xoá").click().run()
    assert f"Đã xoá {first}" in texts(at)
    assert first not in [member.display_name for member in list_learners(app_env, group.id)]
    assert first not in list(table_with(at, "Học viên")["Học viên"])


def test_learners_find_their_name_card_by_its_picture(new_app, app_env):
    at = trainer_signs_in(new_app())
    at.text_input(key="new_learner_name").input("Bùi Thị Mai")
    at.text_input(key="new_learner_code").input("7777")
    at.selectbox(key="new_learner_avatar").set_value("🐓")
    button_by_label(at, "Thêm").click().run()
    group = list_groups(app_env)[0]
    mai = next(member for member in list_learners(app_env, group.id) if member.display_name == "Bùi Thị Mai")
    assert mai.avatar == "🐓"
    at.selectbox(key="avatar_who").set_value(mai)
    at.selectbox(key="avatar_new").set_value("🦋")
    button_by_label(at, "Đổi hình").click().run()
    assert "Đã đổi hình của Bùi Thị Mai thành 🦋." in texts(at)

    learner = new_app()
    learner.run()
    learner.button(key=f"group_{group.id}").click().run()
    assert learner.button(key=f"learner_{mai.id}").label.endswith(". 🦋  Bùi Thị Mai")  # numbered as it is read


def test_trainer_downloads_a_learners_data(new_app, app_env):
    at = trainer_signs_in(new_app())
    group = list_groups(app_env)[0]
    hoa = next(member for member in list_learners(app_env, group.id) if member.display_name == "Đinh Thị Hoa")
    at.selectbox(key="export_who").set_value(hoa).run()
    download = at.get("download_button")
    assert download and any("Tải dữ liệu" in d.proto.label for d in download)


def test_trainer_finds_a_learners_latest_quiz_and_what_they_missed(new_app, app_env):
    group = list_groups(app_env)[0]
    learners = {member.display_name: member for member in list_learners(app_env, group.id)}
    quy = learners["Hồ Văn Quý"].id
    record_attempt(app_env, quy, "bai-mau", [GradedAnswer("q-mot", "a", False), GradedAnswer("q-hai", "false", True)],
                   50, False, 80)
    record_attempt(app_env, quy, "bai-mau", [GradedAnswer("q-mot", "b", True), GradedAnswer("q-hai", "true", False)],
                   50, False, 80)
    record_attempt(app_env, learners["Đinh Thị Hoa"].id, "bai-mau", [GradedAnswer("q-mot", "b", True)], 100, True, 80)

    at = trainer_signs_in(new_app())
    recent = table_with(at, "Kết quả")
    assert list(recent["Học viên"]) == ["Đinh Thị Hoa", "Hồ Văn Quý", "Hồ Văn Quý"]  # newest first
    assert list(recent["Bài"]) == ["Bài mẫu"] * 3
    assert recent["Kết quả"][0] == "✅ Đạt 1/1 (100%)"
    assert recent["Kết quả"][1] == "❌ Chưa đạt 1/2 (50%)"

    summary = table_with(at, "Đã đạt")
    passed = dict(zip(summary["Học viên"], summary["Đã đạt"], strict=True))
    assert passed["Đinh Thị Hoa"] == "1/2" and passed["Hồ Văn Quý"] == "0/2"
    time_spent = dict(zip(summary["Học viên"], summary["Thời gian học"], strict=True))
    assert time_spent["Hồ Văn Quý"] == "—"  # only quizzes, no steps

    detail = at.selectbox(key="detail_who")
    detail.select_index(detail.options.index("Hồ Văn Quý")).run()
    shown = texts(at)
    assert "lần gần nhất: ❌ Chưa đạt 1/2 (50%)" in shown and "đã làm 2 lần" in shown
    assert "Công an có thể hỏi mã OTP qua điện thoại." in shown  # missed in the latest attempt
    assert "Có người hỏi mã OTP. Bác làm gì?" not in shown       # missed only in the earlier one


def test_the_lessons_table_opens_on_the_module_the_class_worked_in_last(new_app, app_env):
    at = trainer_signs_in(new_app())
    module = at.selectbox(key="dashboard_module")
    assert module.value == "an-toan"  # the fixture's only module; "Tất cả các bài" is last
    module.set_value("Tất cả các bài").run()
    assert {"Bài mẫu", "Thực hành mẫu"} <= set(table_with(at, "Bài mẫu").columns)


def test_trainer_starts_a_new_group_and_it_opens(new_app, app_env):
    at = trainer_signs_in(new_app())
    button_by_label(at, "Thêm nhóm").click().run()
    assert as_text("Tên nhóm không được để trống.") in texts(at)
    at.text_input(key="new_group_name").input("Thôn Làng Rê")
    button_by_label(at, "Thêm nhóm").click().run()
    assert "Đã thêm nhóm Thôn Làng Rê." in texts(at)
    assert at.selectbox(key="dashboard_group").value.name == "Thôn Làng Rê"
    assert "Nhóm chưa có học viên" in texts(at)
    at.text_input(key="new_group_name").input("Thôn Làng Rê")
    button_by_label(at, "Thêm nhóm").click().run()
    assert as_text("Đã có nhóm tên “Thôn Làng Rê”.") in texts(at)
    # learners see the new group on the sign-in screen once it has a learner
    learner = new_app()
    learner.run()
    assert not any("Thôn Làng Rê" in b.label for b in learner.button)
    at.text_input(key="new_learner_name").input("Đinh Thị Rê")
    at.text_input(key="new_learner_code").input("1357")
    button_by_label(at, "Thêm").click().run()
    assert "Đã thêm Đinh Thị Rê." in texts(at)
    assert any("Thôn Làng Rê" in b.label for b in learner.run().button)


def change_password(at, current: str, new: str, again: str) -> str:  # type: ignore[no-untyped-def]
    at.text_input(key="password_current").input(current)
    at.text_input(key="password_new").input(new)
    at.text_input(key="password_again").input(again)
    button_by_label(at, "Đổi mật khẩu").click().run()
    return texts(at)


def test_trainer_changes_the_demo_password(new_app, app_env):
    from progress.trainers import verify_trainer

    at = trainer_signs_in(new_app())
    assert "không giống nhau" in change_password(at, "hocvuso2025", "mat-khau-rieng", "mat-khau-khac")
    wrong = change_password(at, "sai-roi-nhe", "mat-khau-rieng", "mat-khau-rieng")
    assert as_text("Mật khẩu hiện tại chưa đúng.") in wrong
    assert verify_trainer(app_env, "tapsu", "hocvuso2025") is not None
    assert "Đã đổi mật khẩu." in change_password(at, "hocvuso2025", "mat-khau-rieng", "mat-khau-rieng")
    assert verify_trainer(app_env, "tapsu", "mat-khau-rieng") is not None
    assert verify_trainer(app_env, "tapsu", "hocvuso2025") is None


def test_a_trainer_without_a_group_is_offered_to_start_one(new_app, app_env):
    from progress.trainers import create_trainer

    create_trainer(app_env, "moi", "Tập huấn viên mới", "mat-khau-du-dai", [])
    at = trainer_signs_in(new_app(), username="moi", password="mat-khau-du-dai")
    assert "chưa có nhóm nào" in texts(at)
    at.text_input(key="new_group_name").input("Lớp tối thứ Bảy")
    button_by_label(at, "Thêm nhóm").click().run()
    assert at.selectbox(key="dashboard_group").value.name == "Lớp tối thứ Bảy"


def test_the_support_threshold_comes_from_the_settings(new_app, app_env, monkeypatch):
    monkeypatch.setenv("BDHVS_QUIZ__SUPPORT_AFTER_FAILED_ATTEMPTS", "1")
    group = list_groups(app_env)[0]
    nga = next(member for member in list_learners(app_env, group.id) if member.display_name == "Phạm Thị Nga")
    record_attempt(app_env, nga.id, "bai-mau", [GradedAnswer("q-mot", "a", False)], 0, False, 80)
    monkeypatch.setenv("BDHVS_SUPPORT__STUCK_LESSON_DAYS", "5")
    monkeypatch.setenv("BDHVS_SUPPORT__INACTIVE_DAYS", "20")
    at = trainer_signs_in(new_app())
    assert "Cần hỗ trợ: Phạm Thị Nga — làm bài kiểm tra «Bài mẫu» từ 1 lần trở lên mà chưa đạt" in [
        w.value for w in at.warning]
    assert ("Ngồi cùng người làm bài kiểm tra 1 lần trở lên mà chưa đạt; hỏi thăm người bỏ dở bài 5 ngày "
            "hoặc không vào học 20 ngày.") in texts(at)


def test_an_empty_group_can_be_removed_and_one_with_learners_cannot(new_app, app_env):
    from progress.account_error import AccountError
    from progress.groups import delete_empty_group
    from progress.trainers import get_trainer, verify_trainer

    at = trainer_signs_in(new_app())
    assert not [b for b in at.button if b.key == "delete_empty_group"]  # Thôn Bờ He has learners
    with pytest.raises(AccountError, match="còn học viên"):
        delete_empty_group(app_env, list_groups(app_env)[0].id)
    at.text_input(key="new_group_name").input("Nhóm lập nhầm")
    button_by_label(at, "Thêm nhóm").click().run()
    at.button(key="delete_empty_group").click().run()
    assert "Đã xoá nhóm Nhóm lập nhầm." in texts(at)
    assert [g.name for g in list_groups(app_env)] == ["Thôn Bờ He"]
    assert at.selectbox(key="dashboard_group").value.name == "Thôn Bờ He"
    trainer = verify_trainer(app_env, "tapsu", "hocvuso2025")
    assert get_trainer(app_env, trainer.id).group_ids == (list_groups(app_env)[0].id,)


def test_trainer_gives_a_forgetful_learner_a_new_code_and_corrects_a_name(new_app, app_env):
    from progress.learners import verify_learner_code

    group = list_groups(app_env)[0]
    lam = next(member for member in list_learners(app_env, group.id) if member.display_name == "Đinh Văn Lâm")
    at = trainer_signs_in(new_app())
    at.selectbox(key="edit_who").set_value(lam)
    at.text_input(key="edit_code").input("12")
    button_by_label(at, "Lưu").click().run()
    assert "đúng 4 chữ số" in texts(at)
    assert verify_learner_code(app_env, lam.id, "2345") is not None  # nothing changed
    at.selectbox(key="edit_who").set_value(lam)
    at.text_input(key="edit_name").input("Đinh Văn Lâm (Bờ He)")
    at.text_input(key="edit_code").input("8642")
    button_by_label(at, "Lưu").click().run()
    # the markdown source escapes the brackets (ui/plain_text.py); the screen shows "(Bờ He)"
    assert "Đã lưu cho Đinh Văn Lâm: tên mới Đinh Văn Lâm \\(Bờ He\\), mã mới" in texts(at)
    assert verify_learner_code(app_env, lam.id, "8642") is not None
    assert "Đinh Văn Lâm (Bờ He)" in list(table_with(at, "Đã đạt")["Học viên"])


def test_the_dashboard_leads_to_the_report_page(new_app, app_env):
    at = trainer_signs_in(new_app())
    links = [link for link in at.get("page_link") if "Báo cáo" in link.proto.label]
    assert links and all(link.proto.page.endswith("bao-cao") or "reports" in link.proto.page for link in links)
