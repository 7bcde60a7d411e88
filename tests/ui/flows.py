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
    parts += [h.value for h in at.html if not h.value.startswith("<style")]  # the page's text in st.html
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


QUESTIONS = ("q-mot", "q-hai", "q-ba", "q-bon", "q-nam")


def answer_bai_mau(
    at: AppTest, q_mot: str = "b", q_hai: bool = False, q_ba: tuple[str, ...] = ("a", "b"), q_bon: str = "that",
    q_nam: tuple[str, ...] = ("mo", "nhap", "bam"), start: str = "q-mot", stop_before: str | None = None,
) -> None:
    """Answer the fixture quiz "Bài mẫu" (right by default) from question ``start``,
    moving on after each, and open the result — or stop on question ``stop_before``."""
    for question in QUESTIONS[QUESTIONS.index(start):]:
        if question == stop_before:
            return
        if question == "q-mot":
            at.button(key=f"opt_q-mot_{q_mot}").click().run()
        elif question == "q-hai":
            at.button(key=f"tf_q-hai_{'true' if q_hai else 'false'}").click().run()
        elif question == "q-ba":
            for option in q_ba:
                at.checkbox(key=f"chk_q-ba_{option}").check()
            at.button(key="submit_q-ba").click().run()
        elif question == "q-bon":
            at.button(key=f"img_q-bon_{q_bon}").click().run()
        else:
            for item in q_nam:
                at.button(key=f"ord_q-nam_{item}").click().run()
            at.button(key="submit_q-nam").click().run()
        button_by_label(at, "Xem kết quả" if question == QUESTIONS[-1] else "Câu tiếp theo").click().run()
