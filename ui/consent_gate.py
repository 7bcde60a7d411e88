"""Consent, asked once, read aloud, before anything about a learner is stored."""

from __future__ import annotations

import streamlit as st

from media.ui_phrases import CONSENT
from progress.learners import record_consent
from ui import resources
from ui.narration_widget import narrate


def consent_screen(learner_id: int) -> bool:
    """Shows the consent text with "Tôi đồng ý"; True once the learner has agreed."""
    st.subheader("Trước khi học")
    st.html(f"<p class='step-text'><b>{CONSENT}</b></p>")
    narrate(CONSENT, "consent")
    if st.button("✅ Tôi đồng ý", type="primary", key="consent_yes", width="stretch"):
        record_consent(resources.database(), learner_id)
        return True
    return False
