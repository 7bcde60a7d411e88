"""A phone in a live class (ui/learner/class_follow.py): joining by QR code or number,
as a guest or as oneself, following the trainer, answering a live question, the end."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from access.class_guest import GUEST_PARAM, guest_token
from app_services import app_services
from media.class_phrases import (
    ANSWER_SENT,
    BAD_GUEST_PLACE,
    CLASS_ENDED,
    CLASS_OVER,
    JOINED,
    JOINED_AGAIN,
    NOT_ANSWERED,
    UNKNOWN_CLASS_CODE,
    WRONG_QR,
)
from progress.classes.attendance import attendance, join_as_guest
from progress.classes.live import given_answer
from progress.classes.running import end_class, move_to, reveal_answer, start_class
from progress.classes.state import ClassState
from progress.demo import DEMO_TRAINER
from progress.groups import create_group, list_groups
from progress.learners import create_learner, list_learners
from progress.trainers import verify_trainer
from tests.ui.flows import learner_signs_in, players
from tests.ui.flows import texts as shown_texts
from ui.plain_text import as_text

PAGE = "ui/learner/class_follow.py"
Q_MOT = 5  # the fixture lesson "Bài mẫu" has five steps, then its quiz: slide 5 is question q-mot


def start(db, group_id: int | None = None) -> ClassState:  # type: ignore[no-untyped-def]
    username, _, password = DEMO_TRAINER
    trainer = verify_trainer(db, username, password)
    assert trainer is not None
    return start_class(db, trainer.id, group_id or list_groups(db)[0].id, ["bai-mau"], place="Nhà văn hóa thôn")


def changed(state: ClassState) -> None:
    """The trainer's change is seen at once (the per-process cache keeps a read for half a poll)."""
    app_services().class_states.forget(state.class_id)


def fresh(new_app) -> AppTest:  # type: ignore[no-untyped-def]
    """A phone that opened the app (not signed in)."""
    return new_app().run()


def open_class_page(at: AppTest, state: ClassState | None = None, code: str | None = None, **params: str) -> AppTest:
    if state is not None:
        at.query_params["lop"] = str(state.class_id)
        at.query_params["so"] = code or state.join_code
    for name, value in params.items():
        at.query_params[name] = value
    return at.switch_page(PAGE).run()


def type_code(at: AppTest, code: str) -> None:
    for digit in code:
        at.button(key=f"class_code_{digit}").click().run()


def guest_phone(new_app, state: ClassState) -> AppTest:  # type: ignore[no-untyped-def]
    at = open_class_page(fresh(new_app), state)
    at.button(key="class_join_guest").click().run()
    return at


def texts(at: AppTest) -> str:
    """What the page shows, with its step counter ("🏫 Lớp học · Bước 3 / 5")."""
    return "\n".join([shown_texts(at), *(element.proto.text for element in at.get("progress"))])


def heard(at: AppTest) -> set[str]:
    return {player["text"] for player in players(at)}


def test_a_guest_types_the_number_and_follows_the_class(new_app, app_env):
    state = start(app_env)
    at = fresh(new_app).switch_page(PAGE).run()
    assert "Bác bấm số vào lớp trên màn hình lớn" in texts(at)
    type_code(at, state.join_code)
    assert at.query_params["lop"] == str(state.class_id)
    assert "Thôn Bờ He" in texts(at) and "Nhà văn hóa thôn" in texts(at)
    at.button(key="class_join_guest").click().run()
    assert not at.exception
    page = texts(at)
    assert "Bác đã vào lớp · Khách 1" in page and "Bước 1 / 5" in page and "Đây là bước một." in page
    assert JOINED in heard(at) and "Đây là bước một." in " ".join(heard(at))
    assert attendance(app_env, state.class_id).guests == 1

    changed(move_to(app_env, state.class_id, 2))
    at.run()  # the fragment's poll, seen from here: the class moved
    page = texts(at)
    assert "Bước 3 / 5" in page and "Đây là bước ba" in page
    assert "Bác đã vào lớp" not in page and JOINED not in heard(at)  # the welcome until the class moved


def test_a_guest_reloading_or_back_on_the_wifi_finds_the_same_place(new_app, app_env):
    state = start(app_env)
    first = guest_phone(new_app, state)
    token = first.query_params[GUEST_PARAM]
    changed(move_to(app_env, state.class_id, 3))
    again = open_class_page(fresh(new_app), state, **{GUEST_PARAM: token})  # a new session, the same address
    page = texts(again)
    assert "Bước 4 / 5" in page and JOINED_AGAIN in heard(again) and "Khách 1" in page
    assert attendance(app_env, state.class_id).guests == 1  # not counted twice


def test_a_forged_or_foreign_guest_token_is_refused_with_a_way_on(new_app, app_env):
    state = start(app_env)
    other = start(app_env)
    foreign_guest = join_as_guest(app_env, other.class_id).participant
    for token in ("1.1.forged", guest_token("another-secret", state.class_id, 1),
                  guest_token("apptest-secret", other.class_id, foreign_guest.id),
                  guest_token("apptest-secret", state.class_id, foreign_guest.id)):
        at = open_class_page(fresh(new_app), state, **{GUEST_PARAM: token})
        assert not at.exception
        assert as_text(BAD_GUEST_PLACE) in texts(at), token
        assert GUEST_PARAM not in at.query_params
        at.button(key="class_join_guest").click().run()
        assert "Bước 1 / 5" in texts(at)


def test_an_unknown_number_a_mismatched_qr_and_an_ended_class_are_told(new_app, app_env):
    state = start(app_env)
    at = fresh(new_app).switch_page(PAGE).run()
    type_code(at, "0000" if state.join_code != "0000" else "1111")
    assert as_text(UNKNOWN_CLASS_CODE) in texts(at) and at.button(key="class_code_5")  # the keypad again
    type_code(at, state.join_code)
    assert at.button(key="class_join_guest")

    wrong = open_class_page(fresh(new_app), state, code="9999" if state.join_code != "9999" else "8888")
    assert as_text(WRONG_QR) in texts(wrong) and wrong.button(key="class_code_1")
    unknown = open_class_page(fresh(new_app), lop="abc", so="12")
    assert as_text(WRONG_QR) in texts(unknown) and not unknown.exception

    changed(end_class(app_env, state.class_id))
    ended = open_class_page(fresh(new_app), state)
    assert as_text(CLASS_ENDED) in texts(ended) and CLASS_ENDED in heard(ended)
    ended.button(key="class_other").click().run()
    assert "Bác bấm số vào lớp" in texts(ended) and not ended.query_params.get("lop")


def test_a_signed_in_learner_joins_as_themselves_without_a_tap(new_app, app_env):
    state = start(app_env)
    at = open_class_page(learner_signs_in(new_app(), app_env), state)
    page = texts(at)
    assert "Bác đã vào lớp" in page and JOINED in heard(at) and "Bước 1 / 5" in page
    assert not [b for b in at.button if b.key == "class_join_guest"]
    assert [p.name for p in attendance(app_env, state.class_id).learners] == ["Đinh Thị Hoa"]

    second_phone = open_class_page(learner_signs_in(new_app(), app_env), state)
    assert JOINED_AGAIN in heard(second_phone) and "Bác đã vào lớp rồi" in texts(second_phone)
    assert "Bước 1 / 5" in texts(second_phone)
    assert len(attendance(app_env, state.class_id).learners) == 1


def test_signing_in_from_the_class_page_comes_back_to_the_class(new_app, app_env):
    state = start(app_env)
    at = open_class_page(fresh(new_app), state)
    at.button(key="class_join_signin").click().run()
    group = list_groups(app_env)[0]
    assert at.button(key=f"group_{group.id}")  # the sign-in page, which will come back here
    assert at.session_state["after_sign_in"] == (PAGE, {"lop": str(state.class_id), "so": state.join_code})
    at.switch_page("ui/learner/signin.py")  # AppTest reruns the page it last opened itself, not the app's
    learner = next(m for m in list_learners(app_env, group.id) if m.display_name == "Đinh Thị Hoa")
    at.button(key=f"group_{group.id}").click().run()
    at.button(key=f"learner_{learner.id}").click().run()
    for digit in "1234":
        at.button(key=f"code_keypad_{digit}").click().run()
    if any(b.key == "consent_yes" for b in at.button):
        at.button(key="consent_yes").click().run()
    assert JOINED in heard(at) and "Bước 1 / 5" in texts(at)
    assert [p.name for p in attendance(app_env, state.class_id).learners] == ["Đinh Thị Hoa"]


def test_a_learner_of_another_group_is_told_and_can_join_as_a_guest(new_app, app_env):
    other_group = create_group(app_env, "Thôn Gò **mới**")  # the refusal quotes its name as typed
    create_learner(app_env, other_group.id, "Hồ Thị Lan", "1111")
    state = start(app_env, other_group.id)
    at = open_class_page(learner_signs_in(new_app(), app_env), state)
    assert "không phải nhóm của bác" in texts(at) and not at.exception
    assert as_text("Lớp này là của nhóm “Thôn Gò **mới**”") in [w.value for w in at.warning][0]
    at.button(key="class_join_guest").click().run()
    assert "Bước 1 / 5" in texts(at) and "Khách 1" in texts(at)
    assert attendance(app_env, state.class_id).guests == 1


def test_a_live_question_is_answered_once_and_the_verdict_shows_on_reveal(new_app, app_env):
    state = start(app_env)
    hoa = open_class_page(learner_signs_in(new_app(), app_env), state)
    hoa_again = open_class_page(learner_signs_in(new_app(), app_env), state)  # her second phone
    guest = guest_phone(new_app, state)
    moved = move_to(app_env, state.class_id, Q_MOT, live_question=("bai-mau", "q-mot"))
    changed(moved)
    for phone in (hoa, hoa_again, guest):
        phone.run()
        assert "Câu 1 / 5" in texts(phone) and "Có người hỏi mã OTP" in texts(phone)
        assert phone.button(key="opt_q-mot_b")
    assert any("Có người hỏi mã OTP" in said for said in heard(hoa))

    hoa.button(key="opt_q-mot_b").click().run()
    assert as_text(ANSWER_SENT) in texts(hoa) and not [b for b in hoa.button if b.key == "opt_q-mot_a"]
    hoa_again.button(key="opt_q-mot_a").click().run()  # the other phone, still showing the choices
    assert as_text(ANSWER_SENT) in texts(hoa_again) and not hoa_again.exception  # refused quietly
    live = moved.live_question
    participant = attendance(app_env, state.class_id).learners[0]
    assert given_answer(app_env, live.id, participant.id).correct  # the first answer stands

    changed(reveal_answer(app_env, state.class_id))
    hoa.run()
    assert "Đúng rồi" in " ".join(s.value for s in hoa.success)
    assert "Giữ mã cho riêng mình." in texts(hoa)
    guest.run()  # did not answer: the right answer and why
    assert as_text(NOT_ANSWERED) in texts(guest) and "Không đưa, gác máy" in texts(guest)
    assert not [b for b in guest.button if b.key.startswith("opt_q-mot")]


def test_an_answer_after_the_reveal_is_refused_in_words(new_app, app_env):
    state = start(app_env)
    guest = guest_phone(new_app, state)
    changed(move_to(app_env, state.class_id, Q_MOT, live_question=("bai-mau", "q-mot")))
    guest.run()
    revealed = reveal_answer(app_env, state.class_id)  # this phone has not seen it yet
    changed(revealed)
    guest.button(key="opt_q-mot_a").click().run()
    assert not guest.exception
    assert as_text(NOT_ANSWERED) in texts(guest)  # the reveal shown; nothing stored
    participant_id = int(guest.query_params[GUEST_PARAM].split(".")[1])
    assert given_answer(app_env, revealed.live_question.id, participant_id) is None


@pytest.mark.parametrize("as_guest", [True, False])
def test_the_end_of_the_class_thanks_the_phone(new_app, app_env, as_guest):
    state = start(app_env)
    at = guest_phone(new_app, state) if as_guest else open_class_page(learner_signs_in(new_app(), app_env), state)
    changed(end_class(app_env, state.class_id))
    at.run()
    assert CLASS_OVER in texts(at) and not at.exception
    if as_guest:
        at.button(key="class_over_signin").click().run()
        assert at.button(key=f"group_{list_groups(app_env)[0].id}")  # the sign-in page
    else:
        at.button(key="class_over_home").click().run()
        assert "Chào Đinh Thị Hoa" in texts(at)


def test_home_offers_the_groups_class_in_progress(new_app, app_env):
    at = learner_signs_in(new_app(), app_env)
    assert not [b for b in at.button if b.key == "join_open_class"]
    state = start(app_env)
    at.run()
    at.button(key="join_open_class").click().run()
    assert JOINED in heard(at) and "Bước 1 / 5" in texts(at)
    assert at.query_params["so"] == state.join_code


def test_everything_a_class_phone_says_is_pre_rendered(new_app, app_env):
    from media.ui_phrases import texts_to_prerender
    from ui import resources

    state = start(app_env)
    said: set[str] = set()
    at = fresh(new_app).switch_page(PAGE).run()
    said |= heard(at)
    type_code(at, "0000" if state.join_code != "0000" else "1111")  # an unknown number
    said |= heard(at)
    type_code(at, state.join_code)
    said |= heard(at)
    at.button(key="class_join_guest").click().run()
    said |= heard(at)
    for position, live in ((1, None), (Q_MOT, ("bai-mau", "q-mot"))):
        changed(move_to(app_env, state.class_id, position, live_question=live))
        said |= heard(at.run())
    at.button(key="opt_q-mot_a").click().run()
    said |= heard(at)
    changed(reveal_answer(app_env, state.class_id))
    said |= heard(at.run())
    changed(end_class(app_env, state.class_id))
    said |= heard(at.run())
    said |= heard(open_class_page(fresh(new_app), state))  # the ended class, from its QR code
    assert len(said) >= 10
    assert said <= set(texts_to_prerender(resources.catalog())), said - set(texts_to_prerender(resources.catalog()))
