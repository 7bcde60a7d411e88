"""Learner sign-in: tap the group, tap your name, tap your 4-digit code, consent once.

Every step is read aloud. Wrong codes slow down, then lock that learner only."""

from __future__ import annotations

import streamlit as st

from media.ui_phrases import (
    ASK_CODE,
    ASK_GROUP,
    ASK_NAME,
    LOCKED_CODE,
    WAIT_CODE,
    WRONG_CODE,
    groups_spoken,
    learners_spoken,
)
from progress.code_guard import check_learner_code
from progress.groups import list_groups
from progress.learners import list_learners
from ui import resources
from ui.code_keypad import code_keypad
from ui.consent_gate import consent_screen
from ui.narration_widget import narrate
from ui.plain_text import as_text
from ui.signin_state import finish_learner_sign_in

STATE = "learner_signin"  # {"group": id, "learner": id, "name": str, "consent_for": id, "result": CodeCheck}

db = resources.database()
state = st.session_state.setdefault(STATE, {})


def _say(text: str, slot: str, spoken: str = "") -> None:
    """Show ``text`` and read it (or ``spoken``, which may go on to name the choices)."""
    st.html(f"<p class='step-text'><b>{text}</b></p>")
    narrate(spoken or text, slot)


def _check(code: str) -> None:
    state["result"] = check_learner_code(db, state["learner"], code)


def _choose(field: str, value: int, name: str = "") -> None:
    state[field] = value
    if name:
        state["name"] = name


@st.fragment
def _code_entry() -> None:
    """The keypad alone reruns on a digit tap (a phone gets the dots and keys, not the
    whole page); after the 4th digit the whole page shows what the code led to."""
    code_keypad("code_keypad", _check)
    if "result" in state:
        st.rerun()


def _restart(*fields: str) -> None:
    for field in fields:
        state.pop(field, None)


if state.get("consent_for"):
    if consent_screen(state["consent_for"]):
        learner_id = state["consent_for"]
        st.session_state.pop(STATE, None)
        finish_learner_sign_in(learner_id)
    st.button("Quay lại", key="consent_no", width="stretch", on_click=st.session_state.pop, args=(STATE, None))
    st.stop()

if "group" not in state:
    st.title("📱 Bình dân học vụ số")  # on the first screens only: the keypad needs the room
    groups = list_groups(db, with_learners_only=True)
    _say(ASK_GROUP, "ask_group", spoken=groups_spoken([group.name for group in groups]))
    if not groups:
        st.info("Chưa có nhóm học nào. Nhờ tập huấn viên tạo nhóm trước.")
    for number, group in enumerate(groups, start=1):  # numbered as the voice reads them
        st.button(f"{number}. 🏘️ {as_text(group.name)}", key=f"group_{group.id}", width="stretch",
                  on_click=_choose, args=("group", group.id))
    st.divider()
    st.page_link("ui/trainer/signin.py", label="Tập huấn viên đăng nhập", icon="🧑‍🏫")
    st.stop()

if "learner" not in state:
    st.title("📱 Bình dân học vụ số")
    learners = list_learners(db, state["group"])
    _say(ASK_NAME, "ask_name", spoken=learners_spoken([(learner.avatar, learner.display_name) for learner in learners]))
    if not learners:
        st.info("Nhóm này chưa có học viên.")
    for number, learner in enumerate(learners, start=1):
        st.button(f"{number}. {learner.avatar or '👤'}  {as_text(learner.display_name)}", key=f"learner_{learner.id}",
                  width="stretch", on_click=_choose, args=("learner", learner.id, learner.display_name))
    st.button("⬅️ Chọn nhóm khác", key="back_to_groups", width="stretch", on_click=_restart, args=("group",))
    st.stop()

st.subheader(f"Chào {as_text(state['name'])}!")
result = state.pop("result", None)
if result is None or result.outcome in ("wrong", "unknown"):
    if result is not None:
        st.error(f"❌ {WRONG_CODE}")
        narrate(WRONG_CODE, "wrong_code")
    else:
        _say(ASK_CODE, "ask_code")
    _code_entry()
elif result.outcome == "wait":
    st.warning(f"⏳ {WAIT_CODE} (khoảng {result.wait_seconds} giây)")
    narrate(WAIT_CODE, "wait_code")
    st.button("🔄 Thử lại", key="try_again", width="stretch")
elif result.outcome == "locked":
    st.error(f"🔒 {LOCKED_CODE}")
    narrate(LOCKED_CODE, "locked_code")
elif not result.learner.consented:
    state["consent_for"] = result.learner.id
    st.rerun()
else:
    st.session_state.pop(STATE, None)
    finish_learner_sign_in(result.learner.id)
st.button("⬅️ Không phải tôi", key="not_me", width="stretch", on_click=_restart, args=("learner",))
