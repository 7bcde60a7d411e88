"""Who is using this session: from session state, else from the sign-in cookie.

The account is checked against the database once per full run of the page: app.py
calls ``check_signin_for_run`` at the top and runs the page through ``run_page``; the
page's own ``current_signin`` / ``signed_in_learner`` within that run reuse the answer
(it was three session-version and three learner queries per tap). A fragment's rerun
does not pass through app.py, so there they ask the database again.
"""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st
from streamlit.navigation.page import StreamlitPage

from access.tokens import COOKIE_NAME, SignIn, issue_token, read_token
from progress.learners import LearnerInfo, get_learner
from progress.scope import Scope, scope_of
from progress.sessions import end_sessions, session_is_current, session_version
from progress.trainers import TrainerInfo, get_trainer
from ui import resources
from ui.cookie_sync import request_cookie

SIGNIN_KEY = "signin"
# this session signed out, or its cookie was refused: ignore the cookie it connected with
SIGNED_OUT_KEY = "signed_out"


def _forget_refused_cookie(cookie: str) -> None:
    """The cookie this tab connected with is refused (expired, forged, an old session
    version): ask the browser to clear it, once, so it is not sent with every page (and
    only it: another tab may have signed in since)."""
    st.session_state[SIGNED_OUT_KEY] = True
    request_cookie(None, clear_only=cookie)


RUN_KEY = "signin_checked_this_run"  # a CheckedRun while app.py runs the page


@dataclass(frozen=True)
class CheckedRun:
    signin: SignIn | None
    learner: LearnerInfo | None  # the signed-in learner's account, read once this run


def check_signin_for_run() -> SignIn | None:
    """app.py, first thing on every full run: who is here, checked against the database;
    the rest of this run (until ``run_page`` returns) reuses the answer."""
    st.session_state.pop(RUN_KEY, None)
    signin = current_signin()
    learner = get_learner(resources.database(), signin.account_id) if signin and signin.role == "learner" else None
    st.session_state[RUN_KEY] = CheckedRun(signin, learner)
    return signin


def run_page(page: StreamlitPage) -> None:
    """Run the page; after it (also when it stops, switches page or fails) the next run,
    a fragment's included, checks the sign-in again."""
    try:
        page.run()
    finally:
        st.session_state.pop(RUN_KEY, None)


def _checked_this_run() -> CheckedRun | None:
    checked = st.session_state.get(RUN_KEY)
    return checked if isinstance(checked, CheckedRun) else None


def _learner(learner_id: int) -> LearnerInfo | None:
    checked = _checked_this_run()
    if checked is not None and checked.learner is not None and checked.learner.id == learner_id:
        return checked.learner
    return get_learner(resources.database(), learner_id)


def current_signin() -> SignIn | None:
    """Checked on every run: a session whose account is gone or whose session version was
    raised since (signed out elsewhere, a new code, cards revoked, a new password) ends here,
    even one already open in this tab."""
    checked = _checked_this_run()
    if checked is not None:
        return checked.signin
    signin: SignIn | None = st.session_state.get(SIGNIN_KEY)
    cookie = None if st.session_state.get(SIGNED_OUT_KEY) else st.context.cookies.get(COOKIE_NAME)
    if not isinstance(cookie, str):  # AppTest's stand-in client can hand back a mock
        cookie = None
    from_cookie = read_token(resources.secret_key(), cookie)
    if signin is None and cookie:
        signin = from_cookie
        if signin is None:
            _forget_refused_cookie(cookie)
    if signin is not None and not session_is_current(
            resources.database(), signin.role, signin.account_id, signin.version):
        st.session_state.pop(SIGNIN_KEY, None)
        if cookie and signin == from_cookie:
            _forget_refused_cookie(cookie)
        return None
    if signin is not None:
        st.session_state[SIGNIN_KEY] = signin
    return signin


def sign_in(role: str, account_id: int) -> None:
    auth = resources.settings().auth
    lifetime = auth.learner_session_days * 86400 if role == "learner" else auth.trainer_session_hours * 3600
    version = session_version(resources.database(), role, account_id) or 0
    token = issue_token(resources.secret_key(), role, account_id, lifetime, version=version)
    st.session_state[SIGNIN_KEY] = read_token(resources.secret_key(), token)
    st.session_state.pop(SIGNED_OUT_KEY, None)
    st.session_state.pop(RUN_KEY, None)
    request_cookie(token)


def sign_out() -> None:
    """Sign this account out here and on every other phone or browser it is signed in on."""
    signin = current_signin()
    if signin is not None:
        end_sessions(resources.database(), signin.role, signin.account_id)
    for key in list(st.session_state.keys()):
        del st.session_state[key]
    st.session_state[SIGNED_OUT_KEY] = True
    request_cookie(None)


AFTER_SIGN_IN = "after_sign_in"  # (page path, query params) a deep link asked for
SIGNIN_PAGE = "ui/learner/signin.py"
LEARNER_HOME = "ui/learner/home.py"


def _require_learner(page_path: str) -> tuple[SignIn, LearnerInfo | None]:
    signin = current_signin()
    if signin is None or signin.role != "learner":
        st.session_state[AFTER_SIGN_IN] = (page_path, {k: st.query_params[k] for k in st.query_params})
        st.switch_page(SIGNIN_PAGE)
    learner = _learner(signin.account_id)
    if learner is not None and not learner.consented:  # e.g. first sign-in with a QR card
        from ui.consent_gate import consent_screen

        if consent_screen(learner.id):
            st.rerun()
        st.stop()
    return signin, learner


def require_learner(page_path: str) -> SignIn:
    """The signed-in learner; anyone else is sent to sign in and then brought back here."""
    return _require_learner(page_path)[0]


def signed_in_learner(page_path: str) -> LearnerInfo:
    """The signed-in learner's account (as require_learner); one removed meanwhile by a
    trainer is told so in words, and the page stops."""
    learner = _require_learner(page_path)[1]
    if learner is None:
        st.warning("Không tìm thấy tên của bác. Bác hỏi tập huấn viên nhé.")
        st.stop()
    return learner


def signed_in_trainer() -> TrainerInfo:
    """The signed-in trainer's account. Trainer pages are only in a trainer's menu, so
    anyone else here holds an old session: they are told to sign in again. (A staff page
    starts with ``ui.demo_account.staff_page``, which also stops a demo password.)"""
    signin = current_signin()
    trainer = get_trainer(resources.database(), signin.account_id) if signin and signin.role == "trainer" else None
    if trainer is None:
        st.warning("Bác hãy đăng nhập lại bằng tài khoản tập huấn viên.")
        st.stop()
    return trainer


def signed_in_scope() -> tuple[TrainerInfo, Scope]:
    """The signed-in staff account and the area it may see (progress/scope.py). Every
    staff page lists and checks groups through ``Scope``, never ``TrainerInfo.group_ids``."""
    trainer = signed_in_trainer()
    scope = scope_of(resources.database(), trainer.id)
    if scope is None:
        st.warning("Bác hãy đăng nhập lại bằng tài khoản tập huấn viên.")
        st.stop()
    return trainer, scope


def finish_learner_sign_in(learner_id: int) -> None:
    """Sign in, then open the page a link asked for (e.g. a lesson shared on Zalo), else home."""
    sign_in("learner", learner_id)
    target = st.session_state.pop(AFTER_SIGN_IN, None)
    if target:
        st.switch_page(target[0], query_params=target[1])
    st.switch_page(LEARNER_HOME)  # straight there: a rerun would run this page once more to be sent on


def learner_preferences() -> LearnerInfo | None:
    """The signed-in learner's settings (text size, sound, data saving), if a learner."""
    signin = current_signin()
    if signin is None or signin.role != "learner":
        return None
    return _learner(signin.account_id)
