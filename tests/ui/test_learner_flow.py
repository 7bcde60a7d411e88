import re

from progress.groups import list_groups
from progress.learners import list_learners
from progress.models import QuizAttempt
from progress.reports.lesson_states import learner_lessons
from progress.tracking import LessonStatus
from tests.ui.flows import (
    answer_bai_mau,
    button_by_label,
    component_data,
    learner_signs_in,
    players,
    step_players,
    texts,
    walk_to_quiz,
)


def test_first_sign_in_asks_consent_and_records_it(new_app, app_env):
    at = learner_signs_in(new_app(), app_env, consent=False)
    assert "Trước khi học" in texts(at)
    assert at.session_state["signin"] is None if "signin" in at.session_state else True
    at.button(key="consent_yes").click().run()
    assert "Chào Đinh Thị Hoa" in texts(at)
    from progress.groups import list_groups
    from progress.learners import list_learners
    learners = list_learners(app_env, list_groups(app_env)[0].id)
    hoa = next(learner for learner in learners if learner.display_name == "Đinh Thị Hoa")
    assert hoa.consented


def test_wrong_code_is_refused_in_plain_words(new_app, app_env):
    at = learner_signs_in(new_app(), app_env, code="9999")
    assert "Mã chưa đúng" in texts(at)
    assert "signin" not in at.session_state


def test_keypad_shows_progress_and_can_erase(new_app, app_env):
    at = learner_signs_in(new_app(), app_env, code="12")
    assert "● ● ○ ○" in texts(at)
    at.button(key="code_keypad_xoa").click().run()
    assert "● ○ ○ ○" in texts(at)
    at.button(key="code_keypad_lam-lai").click().run()
    assert "○ ○ ○ ○" in texts(at)
    for digit in "1234":
        at.button(key=f"code_keypad_{digit}").click().run()
    at.button(key="consent_yes").click().run()
    assert "Chào Đinh Thị Hoa" in texts(at)


def test_repeated_wrong_codes_slow_down_then_lock_and_the_trainer_unlocks(new_app, app_env):
    from progress.code_guard import LOCK_AFTER, SLOW_AFTER, locked_learners

    at = learner_signs_in(new_app(), app_env, code="9999")
    assert "Mã chưa đúng" in texts(at)
    for _ in range(SLOW_AFTER - 1):
        for digit in "9999":
            at.button(key=f"code_keypad_{digit}").click().run()
    assert "Bác nhập sai nhiều lần" in texts(at)
    assert not [b for b in at.button if b.key and b.key.startswith("code_keypad_")], "no keypad while waiting"
    # time passes: simulate by clearing the short wait directly in the database
    from progress.models import Learner
    for _ in range(LOCK_AFTER - SLOW_AFTER):
        with app_env.begin() as session:
            session.query(Learner).filter(Learner.display_name == "Đinh Thị Hoa").update({"locked_until": None})
        at.button(key="try_again").click().run() if [b for b in at.button if b.key == "try_again"] else None
        for digit in "9999":
            at.button(key=f"code_keypad_{digit}").click().run()
    assert "nhờ tập huấn viên mở khoá" in texts(at)
    group = list_groups(app_env)[0]
    assert [learner.display_name for learner in locked_learners(app_env, group.id)] == ["Đinh Thị Hoa"]
    # another learner on another phone signs in as usual
    other = learner_signs_in(new_app(), app_env, name="Đinh Văn Lâm", code="2345")
    assert "Chào Đinh Văn Lâm" in texts(other)
    # the trainer sees the lock and opens it; then the right code works
    from tests.ui.test_trainer_flow import trainer_signs_in
    trainer = trainer_signs_in(new_app())
    assert "Đinh Thị Hoa nhập sai mã nhiều lần" in texts(trainer)
    button_by_label(trainer, "Mở khoá cho Đinh Thị Hoa").click().run()
    assert locked_learners(app_env, group.id) == []
    again = learner_signs_in(new_app(), app_env)
    assert "Chào Đinh Thị Hoa" in texts(again)


def test_lesson_then_quiz_result_is_stored(new_app, app_env):
    at = learner_signs_in(new_app(), app_env)
    assert "⚪" in button_by_label(at, "Bài mẫu").label
    at.button(key="lesson_bai-mau").click().run()
    assert "Bước 1 / 5" in at.get("progress")[0].proto.text
    assert "Đây là bước một." in texts(at)
    assert "alt='Điện thoại hiện một mã số.'" in texts(at) and "/app/static/images/" in texts(at)
    at.button(key="next").click().run()
    assert "Mẹo nhỏ." in texts(at)
    for _ in range(3):
        at.button(key="next").click().run()
    at.button(key="to_quiz").click().run()

    # question 1: single choice, answered wrongly -> explanation of both
    assert "Câu 1 / 5" in at.get("progress")[0].proto.text
    at.button(key="opt_q-mot_a").click().run()
    page = texts(at)
    assert "Chưa đúng" in page and "Không ai được hỏi mã OTP." in page and "Giữ mã cho riêng mình." in page
    assert "Đáp án đúng: <b>Không đưa, gác máy</b>" in page
    (sound,) = component_data(at, "bdhvs_feedback_sound")
    assert sound["correct"] is False  # a low note, not only a red box
    button_by_label(at, "Câu tiếp theo").click().run()
    # question 2: true/false, right
    at.button(key="tf_q-hai_false").click().run()
    assert "Đúng rồi" in texts(at)
    assert component_data(at, "bdhvs_feedback_sound")[0]["correct"] is True
    button_by_label(at, "Câu tiếp theo").click().run()
    # question 3: multiple choice; submitting nothing is refused, then right answer
    at.button(key="submit_q-ba").click().run()
    assert "chọn ít nhất một ý" in texts(at)
    at.checkbox(key="chk_q-ba_a").check()
    at.checkbox(key="chk_q-ba_b").check()
    at.button(key="submit_q-ba").click().run()
    button_by_label(at, "Câu tiếp theo").click().run()
    # question 4: image choice, wrong picture
    page = texts(at)
    assert "alt='Màn hình màu đỏ ghi chữ Giả.'" in page and "alt='Màn hình màu xanh ghi chữ Thật.'" in page
    at.button(key="img_q-bon_gia").click().run()
    assert "Đáp án đúng: <b>Màn hình xanh</b>" in texts(at)
    button_by_label(at, "Câu tiếp theo").click().run()
    # question 5: ordering by tapping; items are shown mixed, tapped ones listed in order
    shown = [b.key for b in at.button if b.key and b.key.startswith("ord_q-nam_")]
    assert sorted(shown) == ["ord_q-nam_bam", "ord_q-nam_mo", "ord_q-nam_nhap"]
    assert shown != ["ord_q-nam_mo", "ord_q-nam_nhap", "ord_q-nam_bam"]
    at.button(key="ord_q-nam_mo").click().run()
    assert "<li>Mở ứng dụng</li>" in texts(at)
    assert not [b for b in at.button if b.key == "submit_q-nam"], "no answer before every item is placed"
    at.button(key="ord_q-nam_bam").click().run()
    at.button(key="ord_q-nam_nhap").click().run()
    at.button(key="submit_q-nam").click().run()
    assert "Đáp án đúng: <b>Mở ứng dụng → Nhập số → Bấm Đăng nhập</b>" in texts(at)
    button_by_label(at, "Xem kết quả").click().run()
    page = texts(at)
    assert "đúng 2 / 5 câu (40%)" in page and "chưa đạt" in page

    with app_env() as session:
        attempt = session.query(QuizAttempt).one()
        assert (attempt.correct_count, attempt.question_count, attempt.passed) == (2, 5, False)
        assert [(a.question_id, a.answer, a.correct) for a in attempt.answers] == [
            ("q-mot", "a", False), ("q-hai", "false", True), ("q-ba", "a,b", True),
            ("q-bon", "gia", False), ("q-nam", "mo>bam>nhap", False),
        ]

    # retry and pass
    at.button(key="retry").click().run()
    answer_bai_mau(at)
    assert "Bác đã đạt" in texts(at)
    learner_id = at.session_state["signin"].account_id
    assert learner_lessons(app_env, learner_id)["bai-mau"].status == LessonStatus.PASSED
    at.button(key="home_done").click().run()
    assert "✅ 100%" in button_by_label(at, "Bài mẫu").label


def test_ordering_can_be_started_again(new_app, app_env):
    at = learner_signs_in(new_app(), app_env)
    walk_to_quiz(at)
    answer_bai_mau(at, q_ba=("a",), stop_before="q-nam")
    at.button(key="ord_q-nam_nhap").click().run()
    at.button(key="reset_q-nam").click().run()
    assert "<li>" not in texts(at)
    assert len([b for b in at.button if b.key and b.key.startswith("ord_q-nam_")]) == 3


def test_practice_step_gives_hints_and_moves_on_only_after_the_right_tap(new_app, app_env):
    at = learner_signs_in(new_app(), app_env)
    at.button(key="lesson_thuc-hanh-mau").click().run()
    at.button(key="next").click().run()
    assert "Bấm vào nút Đăng nhập." in texts(at)
    assert not [b for b in at.button if b.key == "next"], "no Next before the practice tap"
    # the buttons carry the numbers the step's one "Nghe" says with them
    assert [b.label for b in at.button if b.key.startswith("practice_")] == ["1. Đăng ký", "2. Đăng nhập"]
    assert step_players(at)[0]["text"].endswith("Chọn một trong hai nút. Nút một: Đăng ký. Nút hai: Đăng nhập.")
    # the picture is a pretend screen with a tap zone over each place it draws
    (screen,) = component_data(at, "bdhvs_practice_hotspots")
    assert screen["view"] == [0, 0, 360, 240] and screen["url"].startswith("/app/static/images/")
    assert [(a["id"], a["label"], a["area"]) for a in screen["areas"]] == [
        ("dang-ky", "Đăng ký", [115, 60, 130, 50]), ("dang-nhap", "Đăng nhập", [115, 140, 130, 50])]
    at.button(key="practice_thuc-hanh-mau_chon-that_dang-ky").click().run()
    assert "Đó là nút Đăng ký. Hãy tìm nút Đăng nhập." in texts(at)
    assert "Gợi ý: bấm vào" not in texts(at)
    hint = next(p for p in players(at) if p["text"] == "Chưa đúng. Đó là nút Đăng ký. Hãy tìm nút Đăng nhập.")
    assert hint["autoplay"] is False  # autoplay is off in this learner's settings: the "Nghe gợi ý" is there
    at.button(key="practice_thuc-hanh-mau_chon-that_dang-ky").click().run()
    assert "Gợi ý: bấm vào <b>“2. Đăng nhập”</b>" in texts(at)
    at.button(key="practice_thuc-hanh-mau_chon-that_dang-nhap").click().run()
    assert "Đúng rồi, bác đã bấm Đăng nhập." in texts(at)
    at.button(key="next").click().run()
    assert "Có tin nhắn kèm đường link lạ." in texts(at)


def test_with_autoplay_a_wrong_tap_reads_its_hint_and_the_right_tap_the_success_once(new_app, app_env):
    from progress.learners import update_learner_settings

    at = learner_signs_in(new_app(), app_env)
    update_learner_settings(app_env, at.session_state["signin"].account_id, autoplay=True)
    at = learner_signs_in(new_app(), app_env)
    at.button(key="lesson_thuc-hanh-mau").click().run()
    at.button(key="next").click().run()
    at.button(key="practice_thuc-hanh-mau_chon-that_dang-ky").click().run()
    hint = next(p for p in players(at) if p["text"] == "Chưa đúng. Đó là nút Đăng ký. Hãy tìm nút Đăng nhập.")
    assert hint["autoplay"] is True and hint["label"] == "Nghe gợi ý"
    at.button(key="practice_thuc-hanh-mau_chon-that_dang-nhap").click().run()
    success = next(p for p in players(at) if p["text"] == "Đúng rồi, bác đã bấm Đăng nhập.")
    assert success["autoplay"] is True
    at.run()  # the page drawn again (not a tap): the success is not read over the step again
    success = next(p for p in players(at) if p["text"] == "Đúng rồi, bác đã bấm Đăng nhập.")
    assert success["autoplay"] is False


def test_leaving_and_coming_back_resumes_at_the_same_step(new_app, app_env):
    at = learner_signs_in(new_app(), app_env)
    at.button(key="lesson_bai-mau").click().run()
    at.button(key="next").click().run()
    at.button(key="home").click().run()
    assert "Học tiếp: Bài mẫu" in button_by_label(at, "Học tiếp").label

    # a new session (a reload, another day) resumes at step 2 from the database
    again = learner_signs_in(new_app(), app_env)
    button_by_label(again, "Học tiếp").click().run()
    assert "Bước 2 / 5" in again.get("progress")[0].proto.text


def test_every_step_has_a_listen_button_with_length_and_size(new_app, app_env):
    at = learner_signs_in(new_app(), app_env)
    at.button(key="lesson_bai-mau").click().run()
    at.button(key="next").click().run()
    (player,) = step_players(at)
    assert player["text"] == "Đây là bước hai. Mẹo nhỏ."  # the tip is read with its step
    assert player["label"] == "Nghe"
    if player["url"]:  # espeak-ng is installed: a cached file with what a tap costs
        assert player["url"].startswith("/app/static/audio/") and player["url"].endswith(".mp3")
        assert player["natural"] is False and "giọng máy tạm thời" in player["meta"]
        assert re.search(r"\d+ giây · \d+ KB", player["meta"])
    else:  # no voice on this machine: the phone's own voice may still read it
        assert player["natural"] is False


def test_unknown_lesson_link_shows_a_way_home(new_app, app_env):
    at = learner_signs_in(new_app(), app_env)
    at.query_params["bai"] = "khong-co-bai-nay"
    at.switch_page("ui/learner/lesson.py").run()
    assert "Không tìm thấy bài học này" in texts(at)


def test_learner_cannot_open_trainer_pages(new_app, app_env):
    import pytest

    at = learner_signs_in(new_app(), app_env)
    with pytest.raises(ValueError):
        at.switch_page("ui/trainer/dashboard.py").run()


def test_sign_out_returns_to_group_choice(new_app, app_env):
    at = learner_signs_in(new_app(), app_env)
    at.button(key="sign_out").click().run()
    assert "Bác học ở nhóm nào?" in texts(at)


def _position_of_title(at) -> int:  # type: ignore[no-untyped-def]
    """Where, among the page's top-level elements, the greeting title sits."""
    for index, node in at.main.children.items():
        if node.type == "title" and "Chào" in node.value:
            return index
    raise AssertionError("no greeting title on the page")


def test_elements_keep_their_place_when_the_cookie_is_done(new_app, app_env):
    """The rerun after the sign-in cookie is stored must not shift the page: a shift
    makes the browser show every element twice for a moment (seen as two "Bài mẫu")."""
    at = learner_signs_in(new_app(), app_env)
    assert component_data(at, "bdhvs_cookie_sync"), "sign-in asks the browser to store the cookie"
    before = _position_of_title(at)
    del at.session_state["cookie_action"]  # what the component's "done" callback does
    at.run()
    assert not component_data(at, "bdhvs_cookie_sync")
    assert _position_of_title(at) == before


def test_a_learner_who_cannot_read_hears_the_home_screen(new_app, app_env):
    from catalog.narratable import continue_text, module_lessons_text, modules_text
    from media.ui_phrases import NAVIGATION_ICONS, WELCOME, texts_to_prerender
    from ui import resources

    at = learner_signs_in(new_app(), app_env)
    catalog = resources.catalog()
    heard = {player["text"] for player in players(at)}
    assert modules_text(catalog) in heard
    assert module_lessons_text(catalog, catalog.modules[0]) in heard
    assert WELCOME in heard  # says what each navigation and status icon means
    assert all(meaning in WELCOME for meaning in NAVIGATION_ICONS.values())
    at.button(key="lesson_bai-mau").click().run()
    at.button(key="home").click().run()  # back home with a lesson in progress
    heard = {player["text"] for player in players(at)}
    assert continue_text(catalog.lessons["bai-mau"]) in heard
    pre_rendered = set(texts_to_prerender(catalog))
    assert heard <= pre_rendered | {t for t in heard if t.startswith("Có ")}, "all pre-renderable"


def test_a_reload_mid_quiz_resumes_at_the_same_question_with_earlier_answers_kept(new_app, app_env):
    at = learner_signs_in(new_app(), app_env)
    walk_to_quiz(at)
    at.button(key="opt_q-mot_a").click().run()  # wrong
    button_by_label(at, "Câu tiếp theo").click().run()
    at.button(key="tf_q-hai_false").click().run()  # right; feedback on screen, not moved on

    # the phone reloads: a new session, the same learner, the same quiz address
    again = learner_signs_in(new_app(), app_env)
    again.query_params["bai"] = "bai-mau"
    again.switch_page("ui/learner/quiz.py").run()
    assert "Câu 2 / 5" in again.get("progress")[0].proto.text
    assert "Đúng rồi" in texts(again)  # the answer given before the reload, with its feedback
    with app_env() as session:
        assert session.query(QuizAttempt).count() == 0, "an unfinished run is not an attempt"
    button_by_label(again, "Câu tiếp theo").click().run()
    answer_bai_mau(again, start="q-ba")
    assert "đúng 4 / 5 câu (80%)" in texts(again)  # q-mot's wrong answer from before the reload counts
    with app_env() as session:
        attempt = session.query(QuizAttempt).one()
        assert [a.question_id for a in attempt.answers] == ["q-mot", "q-hai", "q-ba", "q-bon", "q-nam"]


def test_a_double_tap_on_an_answer_counts_once(new_app, app_env):
    at = learner_signs_in(new_app(), app_env)
    walk_to_quiz(at)
    first = at.button(key="opt_q-mot_b")
    first.click().run()
    # a second tap that arrives from a stale screen (slow phone): the first answer stands
    second = learner_signs_in(new_app(), app_env)
    second.query_params["bai"] = "bai-mau"
    second.switch_page("ui/learner/quiz.py").run()
    assert "Đúng rồi" in texts(second)
    assert not [b for b in second.button if b.key and b.key.startswith("opt_q-mot_")]


def test_sign_in_reads_every_group_and_every_name_card_with_its_number_and_picture(new_app, app_env):
    from media.ui_phrases import AVATAR_NAMES, groups_spoken
    from progress.learners import AVATARS, set_avatar

    assert set(AVATAR_NAMES) == set(AVATARS), "every name-card picture can be said"
    group = list_groups(app_env)[0]
    learners = list_learners(app_env, group.id)
    set_avatar(app_env, learners[0].id, "🐃")
    at = new_app()
    at.run()
    assert groups_spoken([group.name]) in {player["text"] for player in players(at)}
    assert at.button(key=f"group_{group.id}").label.startswith("1. ")
    at.button(key=f"group_{group.id}").click().run()
    (heard,) = [player["text"] for player in players(at)]
    assert f"Số một, hình con trâu: {learners[0].display_name}." in heard
    assert "Số hai" in heard and at.button(key=f"learner_{learners[1].id}").label.startswith("2. ")


def test_signing_out_on_one_phone_signs_out_everywhere(new_app, app_env):
    phone = learner_signs_in(new_app(), app_env)
    laptop = learner_signs_in(new_app(), app_env)
    laptop.button(key="sign_out").click().run()
    phone.run()
    assert "Bác học ở nhóm nào?" in texts(phone)
    assert "signin" not in phone.session_state


def test_an_open_session_ends_when_cards_are_revoked_or_the_code_changes(new_app, app_env):
    from progress.learners import revoke_cards, update_learner

    at = learner_signs_in(new_app(), app_env)
    revoke_cards(app_env, at.session_state["signin"].account_id)
    at.run()
    assert "Bác học ở nhóm nào?" in texts(at)
    at = learner_signs_in(new_app(), app_env)  # signing in again works, with the new version
    assert "Chào" in texts(at)
    update_learner(app_env, at.session_state["signin"].account_id, code="4321")
    at.run()
    assert "Bác học ở nhóm nào?" in texts(at)
