from progress.models import QuizAttempt
from progress.reports import learner_lessons
from progress.tracking import LessonStatus
from tests.ui.flows import button_by_label, learner_signs_in, texts


def test_first_sign_in_asks_consent_and_records_it(new_app, app_env):
    at = learner_signs_in(new_app(), app_env, consent=False)
    assert "Trước khi học" in texts(at)
    assert at.session_state["signin"] is None if "signin" in at.session_state else True
    at.button(key="consent_yes").click().run()
    assert "Chào Đinh Thị Hoa" in texts(at)
    from progress.accounts import list_groups, list_learners
    hoa = next(l for l in list_learners(app_env, list_groups(app_env)[0].id) if l.display_name == "Đinh Thị Hoa")
    assert hoa.consented


def test_wrong_code_is_refused_in_plain_words(new_app, app_env):
    at = learner_signs_in(new_app(), app_env, code="9999")
    assert "Mã chưa đúng" in texts(at)
    assert "signin" not in at.session_state


def test_malformed_code_gets_a_clear_message(new_app, app_env):
    at = learner_signs_in(new_app(), app_env, code="12a")
    assert "đúng 4 chữ số" in texts(at)


def test_lesson_then_quiz_result_is_stored(new_app, app_env):
    at = learner_signs_in(new_app(), app_env)
    assert "Chưa học" in button_by_label(at, "Bài mẫu").label
    at.button(key="lesson_bai-mau").click().run()
    assert "Bước 1 / 3" in at.get("progress")[0].proto.text
    assert "Đây là bước một." in texts(at)
    at.button(key="next").click().run()
    assert "Mẹo nhỏ." in texts(at)
    at.button(key="next").click().run()
    at.button(key="to_quiz").click().run()

    # question 1: single choice, answered wrongly -> explanation of both
    assert "Câu 1 / 3" in at.get("progress")[0].proto.text
    at.button(key="opt_q-mot_a").click().run()
    page = texts(at)
    assert "Chưa đúng" in page and "Không ai được hỏi mã OTP." in page and "Đúng, giữ mã cho riêng mình." in page
    assert "Đáp án đúng: <b>Không đưa, gác máy</b>" in page
    button_by_label(at, "Câu tiếp theo").click().run()
    # question 2: true/false, right
    at.button(key="tf_q-hai_false").click().run()
    assert "Đúng rồi" in texts(at)
    button_by_label(at, "Câu tiếp theo").click().run()
    # question 3: multiple choice; submitting nothing is refused, then right answer
    at.button(key="submit_q-ba").click().run()
    assert "chọn ít nhất một ý" in texts(at)
    at.checkbox(key="chk_q-ba_a").check()
    at.checkbox(key="chk_q-ba_b").check()
    at.button(key="submit_q-ba").click().run()
    button_by_label(at, "Xem kết quả").click().run()
    page = texts(at)
    assert "đúng 2 / 3 câu (67%)" in page and "chưa đạt" in page

    with app_env() as session:
        attempt = session.query(QuizAttempt).one()
        assert (attempt.correct_count, attempt.question_count, attempt.passed) == (2, 3, False)
        assert [(a.question_id, a.answer, a.correct) for a in attempt.answers] == [
            ("q-mot", "a", False), ("q-hai", "false", True), ("q-ba", "a,b", True),
        ]

    # retry and pass
    at.button(key="retry").click().run()
    at.button(key="opt_q-mot_b").click().run()
    button_by_label(at, "Câu tiếp theo").click().run()
    at.button(key="tf_q-hai_false").click().run()
    button_by_label(at, "Câu tiếp theo").click().run()
    at.checkbox(key="chk_q-ba_a").check()
    at.checkbox(key="chk_q-ba_b").check()
    at.button(key="submit_q-ba").click().run()
    button_by_label(at, "Xem kết quả").click().run()
    assert "Bác đã đạt" in texts(at)
    learner_id = at.session_state["signin"].account_id
    assert learner_lessons(app_env, learner_id)["bai-mau"].status == LessonStatus.PASSED
    at.button(key="home_done").click().run()
    assert "Đã đạt (100%)" in button_by_label(at, "Bài mẫu").label


def test_leaving_and_coming_back_resumes_at_the_same_step(new_app, app_env):
    at = learner_signs_in(new_app(), app_env)
    at.button(key="lesson_bai-mau").click().run()
    at.button(key="next").click().run()
    at.button(key="home").click().run()
    assert "Học tiếp: Bài mẫu" in button_by_label(at, "Học tiếp").label

    # a new session (a reload, another day) resumes at step 2 from the database
    again = learner_signs_in(new_app(), app_env)
    button_by_label(again, "Học tiếp").click().run()
    assert "Bước 2 / 3" in again.get("progress")[0].proto.text


def test_lesson_step_has_narration_audio_or_says_there_is_none(new_app, app_env):
    at = learner_signs_in(new_app(), app_env)
    at.button(key="lesson_bai-mau").click().run()
    audio = [el for el in at.get("audio")]
    captions = texts(at)
    assert audio or "Chưa có tiếng đọc" in captions
    if audio:
        assert audio[0].proto.url.startswith("/app/static/audio/")


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
