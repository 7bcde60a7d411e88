"""Steps a person takes, for AppTest flows."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from progress.groups import list_groups
from progress.learners import list_learners


def button_by_label(at: AppTest, text: str):  # type: ignore[no-untyped-def]
    matches = [b for b in at.button if text in b.label]
    assert matches, f"no button with {text!r}; have {[b.label for b in at.button]}"
    return matches[0]


def learner_signs_in(at: AppTest, db, name: str = "Đinh Thị Hoa", code: str = "1234", consent: bool = True) -> AppTest:  # type: ignore[no-untyped-def]
    group = list_groups(db)[0]
    learner = next(member for member in list_learners(db, group.id) if member.display_name == name)
    at.run()
    at.button(key=f"group_{group.id}").click().run()
    at.button(key=f"learner_{learner.id}").click().run()
    for digit in code:
        at.button(key=f"code_keypad_{digit}").click().run()
    if consent and any(b.key == "consent_yes" for b in at.button):
        at.button(key="consent_yes").click().run()
    return at


def texts(at: AppTest) -> str:
    """Everything readable on the page, as one string."""
    parts = [m.value for m in at.markdown] + [t.value for t in at.title] + [s.value for s in at.subheader]
    parts += [e.value for e in at.error] + [s.value for s in at.success] + [w.value for w in at.warning]
    parts += [c.value for c in at.caption] + [i.value for i in at.info]
    return "\n".join(str(p) for p in parts)


def component_data(at: AppTest, name: str) -> list[dict]:
    """The data sent to every instance of one of our custom components on the page."""
    import json

    return [json.loads(e.proto.json) for e in at.get("bidi_component") if e.proto.component_name == name]


def players(at: AppTest) -> list[dict]:
    """The data of every "Nghe" button on the page."""
    return component_data(at, "bdhvs_audio_player")


def step_players(at: AppTest) -> list[dict]:
    """The "Nghe" buttons of a lesson step, without the one that says the lesson's name
    and the step counter (catalog.narratable.step_heading)."""
    return [player for player in players(at) if not player["text"].startswith("Bài: ")]


def walk_to_quiz(at: AppTest) -> None:
    """From home, through the fixture lesson "Bài mẫu", to its quiz."""
    at.button(key="lesson_bai-mau").click().run()
    for _ in range(4):
        at.button(key="next").click().run()
    at.button(key="to_quiz").click().run()


def answer_bai_mau_quiz(at: AppTest, first_option: str = "b", true_false: bool = False) -> None:
    """Answer the fixture quiz: q-mot and q-hai as given (right by default), the rest right."""
    at.button(key=f"opt_q-mot_{first_option}").click().run()
    button_by_label(at, "Câu tiếp theo").click().run()
    at.button(key=f"tf_q-hai_{'true' if true_false else 'false'}").click().run()
    button_by_label(at, "Câu tiếp theo").click().run()
    answer_bai_mau_from_question_3(at)


def answer_bai_mau_from_question_3(at: AppTest) -> None:
    """The fixture quiz's questions 3 to 5, answered right, then its result."""
    at.checkbox(key="chk_q-ba_a").check()
    at.checkbox(key="chk_q-ba_b").check()
    at.button(key="submit_q-ba").click().run()
    button_by_label(at, "Câu tiếp theo").click().run()
    at.button(key="img_q-bon_that").click().run()
    button_by_label(at, "Câu tiếp theo").click().run()
    for item in ("mo", "nhap", "bam"):
        at.button(key=f"ord_q-nam_{item}").click().run()
    at.button(key="submit_q-nam").click().run()
    button_by_label(at, "Xem kết quả").click().run()
