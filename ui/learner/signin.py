"""Learner sign-in: pick the group, tap your name, type your 4-digit code, consent once."""

from __future__ import annotations

import streamlit as st

from progress.accounts import list_groups, list_learners, record_consent, verify_learner_code
from media.ui_phrases import CONSENT
from ui import resources
from ui.narration_widget import narrate
from ui.signin_state import sign_in

STATE = "learner_signin"  # {"group": id, "learner": id, "name": str, "consent_for": id}

CONSENT_TEXT = CONSENT

db = resources.database()
state = st.session_state.setdefault(STATE, {})

st.title("📱 Bình dân học vụ số")

if state.get("consent_for"):
    st.subheader("Trước khi học")
    st.markdown(f"<p class='step-text'>{CONSENT_TEXT}</p>", unsafe_allow_html=True)
    narrate(CONSENT_TEXT, "consent")
    if st.button("✅ Tôi đồng ý", type="primary", key="consent_yes", width="stretch"):
        record_consent(db, state["consent_for"])
        learner_id = state["consent_for"]
        st.session_state.pop(STATE, None)
        sign_in("learner", learner_id)
        st.rerun()
    if st.button("Quay lại", key="consent_no", width="stretch"):
        st.session_state.pop(STATE, None)
        st.rerun()
    st.stop()

if "group" not in state:
    st.subheader("Bác học ở nhóm nào?")
    groups = list_groups(db)
    if not groups:
        st.info("Chưa có nhóm học nào. Nhờ tập huấn viên tạo nhóm trước.")
    for group in groups:
        if st.button(f"🏠 {group.name}", key=f"group_{group.id}", width="stretch"):
            state["group"] = group.id
            st.rerun()
    st.divider()
    st.page_link("ui/trainer/signin.py", label="Tập huấn viên đăng nhập", icon="🧑‍🏫")
    st.stop()

if "learner" not in state:
    st.subheader("Bác tên là gì? Bấm vào tên của bác.")
    learners = list_learners(db, state["group"])
    if not learners:
        st.info("Nhóm này chưa có học viên.")
    for learner in learners:
        if st.button(f"👤 {learner.display_name}", key=f"learner_{learner.id}", width="stretch"):
            state["learner"], state["name"] = learner.id, learner.display_name
            st.rerun()
    if st.button("⬅️ Chọn nhóm khác", key="back_to_groups", width="stretch"):
        st.session_state.pop(STATE, None)
        st.rerun()
    st.stop()

st.subheader(f"Chào {state['name']}!")
st.write("Nhập mã 4 số của bác.")
with st.form("code_form", clear_on_submit=True, border=False):
    code = st.text_input("Mã 4 số", max_chars=4, type="password", key="code_input", placeholder="• • • •")
    submitted = st.form_submit_button("Vào học ➡️", type="primary", width="stretch")
if submitted:
    code = code.strip()
    if len(code) != 4 or not code.isdigit():
        st.error("Mã phải có đúng 4 chữ số. Bác thử lại nhé.")
    else:
        learner = verify_learner_code(db, state["learner"], code)
        if learner is None:
            st.error("Mã chưa đúng. Bác thử lại, hoặc hỏi tập huấn viên.")
        elif not learner.consented:
            state["consent_for"] = learner.id
            st.rerun()
        else:
            st.session_state.pop(STATE, None)
            sign_in("learner", learner.id)
            st.rerun()
if st.button("⬅️ Không phải tôi", key="not_me", width="stretch"):
    state.pop("learner", None)
    st.rerun()
