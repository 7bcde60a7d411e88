"""Joining a live class from a phone: the class comes from the projector's QR code
(``?lop=<id>&so=<number>``) or from the 4-digit number typed on a big keypad; then a
signed-in learner of the group joins as themselves with no tap, anyone else taps
"👤 Vào lớp (khách)" or "🔑 Vào bằng tên của tôi".

Where this phone sits in the class is kept in the session and, for a guest, in the
address as a signed token (access/class_guest.py), so a reload or a lost Wi-Fi (a new
session, the same address) finds the same place. Every refusal is a plain sentence,
said aloud, with a way on."""

from __future__ import annotations

import datetime as dt
import html
from dataclasses import dataclass
from typing import NoReturn

import streamlit as st

from access.class_guest import GUEST_PARAM, guest_token, read_guest_token
from media.class_phrases import (
    ASK_CLASS_CODE,
    BAD_GUEST_PLACE,
    CLASS_ENDED,
    HOW_TO_JOIN,
    OTHER_GROUP_JOIN,
    UNKNOWN_CLASS_CODE,
    WRONG_QR,
)
from progress.classes.attendance import Joined, find_participant, join_as_guest, join_as_learner
from progress.classes.errors import ClassError
from progress.classes.running import find_open_class
from progress.classes.state import ClassState
from progress.learners import LearnerInfo
from ui import resources
from ui.code_keypad import code_keypad
from ui.narration_widget import narrate
from ui.plain_text import as_text
from ui.signin_state import AFTER_SIGN_IN, SIGNIN_PAGE, current_signin, signed_in_learner

PAGE = "ui/learner/class_follow.py"
CLASS_PARAM, CODE_PARAM = "lop", "so"  # as access/class_links.py writes them
PLACE_KEY = "class_place"  # this session's ClassPlace
NOTE_KEY = "class_join_note"  # a refusal to show once, above the keypad or the join buttons
KEYPAD_KEY = "class_code"  # the keypad's buttons: class_code_0 … class_code_9, class_code_xoa, class_code_lam-lai
CODE_DONE_KEY = "class_code_done"


@dataclass(frozen=True)
class ClassPlace:
    """This phone in this class: who it is and when it joined."""

    class_id: int
    participant_id: int
    name: str
    is_guest: bool
    joined_version: int  # the class's version when this phone joined: the welcome shows until the class moves
    again: bool  # joined before (a second phone, a reload, a lost Wi-Fi)


def say(text: str, slot: str, kind: str = "markdown", icon: str = "") -> None:
    """Show a sentence (as a note of ``kind``: markdown, info, success, warning, error) and
    give it a "Nghe". ``text`` is plain (a refusal may quote a group's name): it is shown
    as typed and read as it is."""
    shown = f"{icon} {text}" if icon else text
    if kind == "markdown":
        st.html(f"<p class='step-text'><b>{html.escape(shown)}</b></p>")
    else:
        getattr(st, kind)(as_text(shown))
    narrate(text, slot)


def idle_after() -> dt.timedelta:
    return dt.timedelta(minutes=resources.settings().class_mode.idle_end_minutes)


def _remember(joined: Joined, state: ClassState) -> ClassPlace:
    who = joined.participant
    place = ClassPlace(state.class_id, who.id, who.name, who.is_guest, state.version, joined.again)
    st.session_state[PLACE_KEY] = place
    return place


# --- which class: the QR code's address, or the number typed -----------------------------

def _code_typed(code: str) -> None:
    found = find_open_class(resources.database(), code, idle_after())
    if found is None:
        st.session_state[NOTE_KEY] = UNKNOWN_CLASS_CODE
        return
    st.session_state.pop(NOTE_KEY, None)
    st.query_params.clear()
    st.query_params[CLASS_PARAM] = str(found.class_id)
    st.query_params[CODE_PARAM] = found.join_code
    st.session_state[CODE_DONE_KEY] = True


@st.fragment
def _keypad(refusal: str) -> None:
    """A digit tap reruns the keypad alone; the right number opens the class (the whole
    page). One sentence above it — the last refusal, which says what to do, or the
    question — so the whole keypad stays on a 360×640 screen."""
    note = st.session_state.get(NOTE_KEY) or refusal
    if note:
        say(note, "class_note", "error", "❌")
    else:
        say(ASK_CLASS_CODE, "class_ask_code", icon="🔢")
    code_keypad(KEYPAD_KEY, _code_typed)
    if st.session_state.pop(CODE_DONE_KEY, False):
        st.rerun()


def ask_for_code(refusal: str = "") -> NoReturn:
    """The keypad, under ``refusal`` if the address was refused; the page stops here."""
    if not refusal:  # a refusal's sentence says it all: the keypad keeps the room
        st.subheader("🏫 Vào lớp học")
    _keypad(refusal)
    st.stop()


def other_class() -> None:
    """Leave this class's address and type another number."""
    st.query_params.clear()
    st.session_state.pop(PLACE_KEY, None)
    st.session_state.pop(NOTE_KEY, None)


def requested_class() -> ClassState:
    """The class in the address (checked against its number), or the keypad until one is
    typed; an unknown or mismatched one is told in words."""
    class_param, code = st.query_params.get(CLASS_PARAM, ""), st.query_params.get(CODE_PARAM, "")
    if not class_param and not code:
        ask_for_code()
    state = resources.class_states().get(int(class_param)) if class_param.isdigit() else None
    if state is None or state.join_code != code:
        ask_for_code(WRONG_QR)
    return state


# --- who joins: the signed-in learner, a guest, or the buttons to choose -----------------

def signed_in_member() -> LearnerInfo | None:
    """The signed-in learner (through the consent gate if they never consented), if any."""
    signin = current_signin()
    if signin is None or signin.role != "learner":
        return None
    return signed_in_learner(PAGE)


def known_place(state: ClassState) -> ClassPlace | None:
    """This phone's place without joining anew: from this session, or a guest's signed
    token in the address. A token that is not ours (or not a guest of this class) is refused."""
    place: ClassPlace | None = st.session_state.get(PLACE_KEY)
    if place is not None and place.class_id == state.class_id:
        return place
    token = st.query_params.get(GUEST_PARAM)
    if not token:
        return None
    participant_id = read_guest_token(resources.secret_key(), token, state.class_id)
    participant = (find_participant(resources.database(), state.class_id, participant_id)
                   if participant_id is not None else None)
    if participant is None or not participant.is_guest:
        del st.query_params[GUEST_PARAM]
        st.session_state[NOTE_KEY] = BAD_GUEST_PLACE
        return None
    return _remember(Joined(participant, again=True), state)


def _join_as_guest(class_id: int) -> None:
    try:
        joined = join_as_guest(resources.database(), class_id)
    except ClassError as refused:
        st.session_state[NOTE_KEY] = str(refused)
        return
    state = resources.class_states().get(class_id)
    if state is None:
        return
    st.query_params[GUEST_PARAM] = guest_token(resources.secret_key(), class_id, joined.participant.id)
    st.session_state.pop(NOTE_KEY, None)
    _remember(joined, state)


def _guest_button(class_id: int) -> None:
    st.button("👤 Vào lớp (khách)", key="class_join_guest", type="primary", width="stretch",
              on_click=_join_as_guest, args=(class_id,))


def _class_title(state: ClassState) -> None:
    st.subheader(f"🏫 Lớp học · {as_text(state.group_name)}")
    if state.place:
        st.caption(f"📍 {as_text(state.place)}")


def joined_place(state: ClassState) -> ClassPlace:
    """This phone's place in the open class ``state``; the page stops on the join screen
    until it has one."""
    place = known_place(state)
    if place is not None:
        return place
    learner = signed_in_member()
    if learner is not None:
        st.session_state.pop(NOTE_KEY, None)
        try:
            return _remember(join_as_learner(resources.database(), state.class_id, learner.id), state)
        except ClassError as refused:  # another group's learner, a class ended a moment ago
            _class_title(state)
            say(str(refused), "class_refused", "warning", "⚠️")
            narrate(OTHER_GROUP_JOIN, "class_other_group", label="Nghe cách vào")
            _guest_button(state.class_id)
            st.stop()
    _class_title(state)
    note = st.session_state.pop(NOTE_KEY, None)
    if note:  # says which button to tap, so the buttons stay on the first screen
        say(note, "class_note", "error", "❌")
    else:
        say(HOW_TO_JOIN, "class_how_to_join")
    _guest_button(state.class_id)
    if st.button("🔑 Vào bằng tên của tôi", key="class_join_signin", width="stretch"):
        st.session_state[AFTER_SIGN_IN] = (PAGE, {CLASS_PARAM: str(state.class_id), CODE_PARAM: state.join_code})
        st.switch_page(SIGNIN_PAGE)
    st.stop()


def ended_class(state: ClassState) -> ClassPlace:
    """For a class that has ended: this phone's place if it was in it (the page thanks
    it), else the ended message, a way to another class, and the page stops."""
    place = known_place(state)
    if place is not None:
        return place
    learner = signed_in_member()
    if learner is not None and learner.group_id == state.group_id:  # thanked, though not joined anew
        return ClassPlace(state.class_id, 0, learner.display_name, False, state.version, True)
    _class_title(state)
    say(CLASS_ENDED, "class_ended", "warning", "🏁")
    st.button("🔢 Bấm số lớp khác", key="class_other", width="stretch", on_click=other_class)
    st.stop()
