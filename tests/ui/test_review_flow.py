"""Ôn tập: wrong quiz answers come back a day later as a card on the home screen, one
question per screen; and the trainer sees who keeps failing a lesson."""

import datetime as dt

import pytest
from streamlit.testing.v1 import AppTest

import progress.review
from media.ui_phrases import SPOKEN_UI_PHRASES
from progress.groups import list_groups
from progress.learners import list_learners
from progress.models import ReviewItem
from progress.review import schedule_wrong_answers
from progress.tracking import record_attempt
from quizzes.answers import GradedAnswer
from tests.ui.flows import answer_bai_mau, learner_signs_in, texts, walk_to_quiz

REVIEW_PAGE = "ui/learner/review.py"


@pytest.fixture
def clock(monkeypatch):
    """Move the review clock: clock(days=1) is a day from now."""
    start = dt.datetime.now(dt.UTC)

    def move(days: float = 0) -> None:
        monkeypatch.setattr(progress.review, "current_time", lambda: start + dt.timedelta(days=days))

    move(0)
    return move


def quiz_with_two_wrong(at: AppTest) -> None:
    """bai-mau's quiz: q-mot and q-hai wrong, the rest right (3 / 5, not passed)."""
    walk_to_quiz(at)
    answer_bai_mau(at, q_mot="a", q_hai=True)
    assert "đúng 3 / 5 câu" in texts(at)


def stages(db) -> dict[str, int]:  # type: ignore[no-untyped-def]
    with db() as session:
        return {item.question_id: item.stage for item in session.query(ReviewItem)}


def test_wrong_answers_come_back_the_next_day_one_per_screen(new_app, app_env, clock):
    at = learner_signs_in(new_app(), app_env)
    quiz_with_two_wrong(at)
    assert stages(app_env) == {"q-mot": 0, "q-hai": 0}

    # the same day: no card, and the review page has nothing to do
    at.button(key="home_done").click().run()
    assert "Chào Đinh Thị Hoa" in texts(at) and "cần ôn lại" not in texts(at)
    other_phone = learner_signs_in(new_app(), app_env)
    assert "không có câu nào cần ôn" in texts(other_phone.switch_page(REVIEW_PAGE).run())

    # the next day: the card on the home page opens the review
    clock(days=1.01)
    assert "📚 Có 2 câu cần ôn lại" in texts(at.run())
    at.button(key="open_review").click().run()
    assert "Còn 2 câu cần ôn" in at.get("progress")[0].proto.text
    page = texts(at)
    assert "Có người hỏi mã OTP. Bác làm gì?" in page and "Ôn lại bài: Bài mẫu" in page

    # right this time: back in 3 days; a second tap on the same screen counts once
    at.button(key="opt_q-mot_b").click().run()
    page = texts(at)
    assert "Đúng rồi" in page and "Bác sẽ ôn lại câu này sau 3 ngày." in page
    assert not [b for b in at.button if b.key == "opt_q-mot_b"]
    at.button(key="review_next").click().run()

    # wrong again: the right answer and its reason, back tomorrow
    assert "Công an có thể hỏi mã OTP qua điện thoại." in texts(at)
    at.button(key="tf_q-hai_true").click().run()
    page = texts(at)
    assert "Chưa đúng" in page and "Đáp án đúng: <b>Sai</b>" in page
    assert "Công an không bao giờ hỏi mã OTP qua điện thoại." in page
    assert "Ngày mai bác ôn lại câu này nhé." in page
    at.button(key="review_next").click().run()
    assert "Xong! Bác đã ôn hết các câu hôm nay." in texts(at)
    assert stages(app_env) == {"q-mot": 1, "q-hai": 0}

    at.button(key="review_finished").click().run()
    assert "Chào Đinh Thị Hoa" in texts(at) and "cần ôn lại" not in texts(at)

    # two days later only q-hai is due; then both, right each time, until they are learnt
    clock(days=2.02)
    assert "📚 Có 1 câu cần ôn lại" in texts(at.run())
    at.button(key="open_review").click().run()
    at.button(key="tf_q-hai_false").click().run()
    assert "Bác sẽ ôn lại câu này sau 3 ngày." in texts(at)
    at.button(key="review_home").click().run()
    for day, expected in ((5.03, "sau 7 ngày"), (12.04, "Bác đã nhớ câu này")):
        clock(days=day)
        at.run()
        at.button(key="open_review").click().run()
        at.button(key="opt_q-mot_b").click().run()
        assert expected in texts(at)
        at.button(key="review_next").click().run()
        at.button(key="tf_q-hai_false").click().run()
        assert expected in texts(at)
        at.button(key="review_next").click().run()
        assert "Xong!" in texts(at)
        at.button(key="review_finished").click().run()
    assert stages(app_env) == {}


def test_a_later_quiz_clears_what_it_got_right_and_retired_questions_are_not_counted(
    new_app, app_env, clock
):
    at = learner_signs_in(new_app(), app_env)
    learner_id = at.session_state["signin"].account_id
    quiz_with_two_wrong(at)
    schedule_wrong_answers(app_env, learner_id, "bai-mau", [GradedAnswer("q-da-bo", "a", False)])
    schedule_wrong_answers(app_env, learner_id, "bai-da-bo", [GradedAnswer("q-mot", "a", False)])
    # the quiz again, q-mot right this time
    record_attempt(app_env, learner_id, "bai-mau", [GradedAnswer("q-mot", "b", True),
                                                    GradedAnswer("q-hai", "true", False)], 50, False, 80)
    at.button(key="home_done").click().run()
    clock(days=1.01)
    assert "📚 Có 1 câu cần ôn lại" in texts(at.run())
    at.button(key="open_review").click().run()
    assert "Công an có thể hỏi mã OTP qua điện thoại." in texts(at)


def test_the_trainer_sees_who_needs_support(app_env):
    group = list_groups(app_env)[0]
    learners = {member.display_name: member.id for member in list_learners(app_env, group.id)}
    wrong = [GradedAnswer("q-mot", "a", False)]
    for _ in range(3):
        record_attempt(app_env, learners["Đinh Văn Lâm"], "bai-mau", wrong, 0, False, 80)
        record_attempt(app_env, learners["Đinh Văn Lâm"], "bai-da-bo", wrong, 0, False, 80)  # retired lesson
    for _ in range(2):
        record_attempt(app_env, learners["Phạm Thị Nga"], "bai-mau", wrong, 0, False, 80)

    def dashboard_top() -> None:
        from progress.groups import list_groups
        from progress.reports.lesson_states import group_progress
        from ui import resources
        from ui.trainer.support_badges import support_badges

        db = resources.database()
        support_badges(group_progress(db, list_groups(db)[0].id))

    at = AppTest.from_function(dashboard_top, default_timeout=30).run()
    assert [(w.icon, w.value) for w in at.warning] == [
        ("⚠️", "Cần hỗ trợ: Đinh Văn Lâm — làm bài kiểm tra «Bài mẫu» từ 3 lần trở lên mà chưa đạt")]
    assert "3 lần trở lên mà chưa đạt" in at.caption[0].value

    record_attempt(app_env, learners["Đinh Văn Lâm"], "bai-mau", [GradedAnswer("q-mot", "b", True)], 100, True, 80)
    assert not AppTest.from_function(dashboard_top, default_timeout=30).run().warning


def test_the_review_speaks_its_count_the_verdict_and_when_again(new_app, app_env, clock):
    from catalog.narratable import home_texts
    from tests.ui.flows import players
    from ui import resources

    at = learner_signs_in(new_app(), app_env)
    quiz_with_two_wrong(at)
    at.button(key="home_done").click().run()
    clock(days=1.01)
    at.run()
    heard = {player["text"] for player in players(at)}
    assert "Có hai câu bác cần ôn lại. Bấm nút chồng sách, Ôn tập ngay." in heard
    pre_rendered = set(home_texts(resources.catalog())) | set(SPOKEN_UI_PHRASES)
    assert heard <= pre_rendered, "the home screen's texts are all pre-renderable"
    at.button(key="open_review").click().run()
    assert "Còn hai câu cần ôn." in {player["text"] for player in players(at)}
    at.button(key="opt_q-mot_a").click().run()
    heard = {player["text"] for player in players(at)}
    assert ("Chưa đúng. Đáp án đúng là: Không đưa, gác máy. Không ai được hỏi mã OTP. "
            "Giữ mã cho riêng mình.") in heard
    assert "Ngày mai bác ôn lại câu này nhé." in heard
