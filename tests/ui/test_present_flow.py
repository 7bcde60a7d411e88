"""Class mode, the trainer's side: start a class for a group, present it (every move is
stored, so phones follow and a reload comes back), a live question with its reveal and
show of hands, the head count, the end and the class held; refusals in plain words."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from progress.classes.attendance import join_as_guest, join_as_learner
from progress.classes.live import answer_live_question
from progress.classes.running import start_class
from progress.classes.state import read_class
from progress.groups import create_group, list_groups
from progress.learners import list_learners
from progress.models import ClassQuestion, ClassSession, ClassTrainer
from progress.trainers import create_trainer
from quizzes.answers import GradedAnswer
from tests.ui.flows import players, texts
from tests.ui.test_trainer_flow import trainer_signs_in


def open_present(new_app, lop: int | None = None, **sign_in):  # type: ignore[no-untyped-def]
    at = trainer_signs_in(new_app(), **sign_in)
    if lop is not None:
        at.query_params["lop"] = str(lop)
    at.switch_page("ui/trainer/present.py").run()
    return at


def start_from_page(at, lessons=("bai-mau",), place="Nhà văn hóa thôn Bờ He"):  # type: ignore[no-untyped-def]
    at.multiselect(key="class_lessons").set_value(list(lessons)).run()
    at.text_input(key="class_place").input(place).run()
    at.button(key="class_start").click().run()
    return at


def the_class(db) -> ClassSession:  # type: ignore[no-untyped-def]
    with db() as session:
        rows = session.scalars(select(ClassSession)).all()
        assert len(rows) == 1
        session.expunge_all()
        return rows[0]


def class_id_shown(at) -> int:  # type: ignore[no-untyped-def]
    return int(at.query_params["lop"][0] if isinstance(at.query_params["lop"], list) else at.query_params["lop"])


def position(db, class_id: int) -> int:  # type: ignore[no-untyped-def]
    state = read_class(db, class_id)
    assert state is not None
    return state.position


def test_starting_a_class_stores_it_and_shows_the_join_code(new_app, app_env):
    at = start_from_page(open_present(new_app))
    row = the_class(app_env)
    group = list_groups(app_env)[0]
    assert (row.group_id, row.lesson_ids, row.place, row.ended_at) == (group.id, "bai-mau", "Nhà văn hóa thôn Bờ He",
                                                                     None)
    with app_env() as session:
        assert session.scalar(select(ClassTrainer.trainer_id).where(ClassTrainer.class_id == row.id)) is not None
    assert class_id_shown(at) == row.id, "the class is in the address, so a reload comes back to it"
    page = texts(at)
    assert "Số vào lớp" in page and " ".join(row.join_code) in page
    said = {p["text"] for p in players(at)}
    assert any(text.startswith("Số vào lớp: ") and text.count(",") == 3 for text in said)
    assert not [b for b in at.button if b.key == "class_start"], "no start form while presenting"
    assert not at.selectbox, "no select boxes on the projector"


def test_next_and_back_move_the_class_and_a_question_opens_live(new_app, app_env):
    at = start_from_page(open_present(new_app))
    class_id = the_class(app_env).id
    at.button(key="present_next").click().run()  # from the join code to the first slide: nothing moves
    assert position(app_env, class_id) == 0 and "Đây là bước một." in texts(at)
    at.button(key="present_next").click().run()
    assert position(app_env, class_id) == 1 and "Đây là bước hai." in texts(at)
    at.button(key="present_back").click().run()
    assert position(app_env, class_id) == 0
    for _ in range(5):
        at.button(key="present_next").click().run()
    state = read_class(app_env, class_id)
    assert state is not None and state.position == 5
    assert state.live_question is not None and state.live_question.question_id == "q-mot"
    page = texts(at)
    assert "Có người hỏi mã OTP. Bác làm gì?" in page and "0 người đã trả lời" in page
    assert "Đáp án" not in page
    assert "Câu một trên năm. Có người hỏi mã OTP. Bác làm gì?" in {p["text"][:50] for p in players(at)}


def go_to_first_question(at) -> None:  # type: ignore[no-untyped-def]
    at.button(key="present_next").click().run()
    for _ in range(5):
        at.button(key="present_next").click().run()


def test_reveal_shows_the_tally_and_hands_add_to_it(new_app, app_env):
    at = start_from_page(open_present(new_app))
    class_id = the_class(app_env).id
    go_to_first_question(at)
    live = read_class(app_env, class_id).live_question  # type: ignore[union-attr]
    assert live is not None
    for answer in ("b", "b", "a"):  # three phones answer
        guest = join_as_guest(app_env, class_id).participant
        answer_live_question(app_env, class_id, live.id, guest.id, GradedAnswer("q-mot", answer, answer == "b"))
    at.run()
    assert "3 người đã trả lời" in texts(at)
    at.number_input(key=next(k.key for k in at.number_input if k.key.endswith("_b"))).set_value(4)
    at.number_input(key=next(k.key for k in at.number_input if k.key.endswith("_a"))).set_value(1)
    next(b for b in at.button if "Lưu số giơ tay" in b.label).click().run()
    with app_env() as session:
        assert session.scalar(select(ClassQuestion.hands).where(ClassQuestion.class_id == class_id)) == "a=1,b=4"
    at.button(key="present_reveal").click().run()
    state = read_class(app_env, class_id)
    assert state is not None and state.live_question is not None and state.live_question.revealed
    page = texts(at)
    assert "✅ Đáp án: Không đưa, gác máy" in page
    assert "tally-right" in page and "6 <small>(📱 2 + ✋ 4)" in page and "2 <small>(📱 1 + ✋ 1)" in page
    assert "Đáp án đúng là: Không đưa, gác máy. Giữ mã cho riêng mình." in {p["text"] for p in players(at)}


def test_hands_typed_then_reveal_at_once_are_kept(new_app, app_env):
    """A trainer types the hands and taps "Xem đáp án" without "Lưu": the numbers count."""
    at = start_from_page(open_present(new_app))
    class_id = the_class(app_env).id
    go_to_first_question(at)
    at.number_input(key=next(k.key for k in at.number_input if k.key.endswith("_b"))).set_value(3)
    at.button(key="present_reveal").click().run()
    with app_env() as session:
        assert session.scalar(select(ClassQuestion.hands).where(ClassQuestion.class_id == class_id)) == "b=3"
    assert "3 <small>(📱 0 + ✋ 3)" in texts(at)


def test_head_count_end_and_the_class_held(new_app, app_env):
    at = start_from_page(open_present(new_app))
    class_id = the_class(app_env).id
    go_to_first_question(at)
    at.button(key="present_reveal").click().run()
    hoa = next(m for m in list_learners(app_env, list_groups(app_env)[0].id) if m.display_name == "Đinh Thị Hoa")
    join_as_learner(app_env, class_id, hoa.id)
    join_as_guest(app_env, class_id)
    at.button(key="present_show_people").click().run()
    page = texts(at)
    assert "Điểm danh" in page and "🌻 Đinh Thị Hoa" in page
    assert "<b>1</b><span>Khách</span>" in page and "<b>2</b><span>Số người dự</span>" in page
    at.number_input(key=f"class_head_count_{class_id}").set_value(12)
    next(b for b in at.button if "Lưu số người dự" in b.label).click().run()
    assert the_class(app_env).head_count == 12
    at.button(key="present_end").click().run()
    assert "Kết thúc buổi học?" in texts(at) and the_class(app_env).ended_at is None, "asked first"
    assert not at.exception, "the question and the bar, with no error under them"
    at.button(key="present_end_yes").click().run()
    row = the_class(app_env)
    assert row.ended_at is not None and row.ended_by == "trainer"
    page = texts(at)
    assert "Đã kết thúc buổi học" in page
    for expected in ("Nhà văn hóa thôn Bờ He", "Thôn Bờ He", "Tập huấn viên Thôn Bờ He", "Bài mẫu",
                     "12 người", "🌻 Đinh Thị Hoa", "1 học viên, 1 khách", "Có người hỏi mã OTP. Bác làm gì?",
                     "0 người trả lời"):
        assert expected in page, expected
    at.button(key="class_back").click().run()
    assert "Các buổi học đã tổ chức" in texts(at)
    assert "🖥️" in texts(at) and "Thôn Bờ He · Nhà văn hóa thôn Bờ He · 12 người" in texts(at), \
        "the class held is listed on the start screen"
    at.button(key=f"held_{class_id}").click().run()
    assert "12 người" in texts(at) and "Bài mẫu" in texts(at), "and opens its record again"


def test_a_reload_comes_back_to_the_class_at_its_slide(new_app, app_env):
    at = start_from_page(open_present(new_app))
    class_id = the_class(app_env).id
    for _ in range(3):
        at.button(key="present_next").click().run()
    assert position(app_env, class_id) == 2
    again = open_present(new_app, lop=class_id)  # a new session, as after a reload
    assert "Đây là bước ba, mã OTP." in texts(again)
    again.button(key="present_next").click().run()
    assert position(app_env, class_id) == 3


def test_an_open_class_is_offered_again_and_can_be_ended(new_app, app_env):
    at = start_from_page(open_present(new_app))
    class_id = the_class(app_env).id
    fresh = open_present(new_app)  # the tab was closed: the address lost the class
    assert "Buổi học đang mở" in texts(fresh)
    fresh.button(key=f"resume_{class_id}").click().run()
    assert class_id_shown(fresh) == class_id and "Số vào lớp" in texts(fresh)
    other = open_present(new_app)
    other.button(key=f"end_open_{class_id}").click().run()
    assert the_class(app_env).ended_at is not None
    assert "Buổi học đang mở" not in texts(other)
    del at


def test_another_groups_class_is_refused(new_app, app_env):
    group = create_group(app_env, "Thôn Khác")
    other = create_trainer(app_env, "khac", "Người khác", "matkhau-khac", [group.id])
    state = start_class(app_env, other.id, group.id, ["bai-mau"], "Nhà văn hóa thôn Khác")
    at = open_present(new_app, lop=state.class_id)
    page = texts(at)
    assert "không trình chiếu được" in page and "Thôn Khác" not in page
    assert not [b for b in at.button if b.key == "present_next"]
    assert position(app_env, state.class_id) == 0


@pytest.mark.parametrize("lop", ["999", "abc"])
def test_an_unknown_class_in_the_address_gets_a_plain_message(new_app, app_env, lop):
    at = trainer_signs_in(new_app())
    at.query_params["lop"] = lop
    at.switch_page("ui/trainer/present.py").run()
    assert not at.exception
    page = texts(at)
    if lop.isdigit():
        assert "Không tìm thấy buổi học này" in page
    else:
        assert "Bắt đầu buổi học mới" in page


def test_an_ended_class_in_the_address_shows_its_record_not_the_presenter(new_app, app_env):
    at = start_from_page(open_present(new_app))
    class_id = the_class(app_env).id
    at.button(key="present_end").click().run()
    at.button(key="present_end_yes").click().run()
    again = open_present(new_app, lop=class_id)
    assert "Buổi học này đã kết thúc." in texts(again)
    assert not [b for b in again.button if b.key == "present_next"]


def test_learners_cannot_open_class_mode(new_app, app_env):
    from tests.ui.flows import learner_signs_in

    at = learner_signs_in(new_app(), app_env)
    with pytest.raises(ValueError):
        at.switch_page("ui/trainer/present.py").run()


def test_another_trainer_of_the_group_who_opens_the_class_is_counted_in_it(new_app, app_env):
    group = list_groups(app_env)[0]
    helper = create_trainer(app_env, "giup", "Người giúp", "matkhau-giup", [group.id])
    state = start_class(app_env, helper.id, group.id, ["bai-mau"], "Nhà văn hóa thôn Bờ He")
    at = open_present(new_app, lop=state.class_id)  # the demo trainer, same group
    at.button(key="present_next").click().run()
    at.button(key="present_next").click().run()
    assert position(app_env, state.class_id) == 1
    with app_env() as session:
        assert session.query(ClassTrainer).filter_by(class_id=state.class_id).count() == 2
