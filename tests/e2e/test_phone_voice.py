"""The phone's own Vietnamese voice (Web Speech API), faked by a voice that logs what it says."""

from __future__ import annotations

import pytest

from tests.e2e.conftest import server_database, tap_sign_in, wait_for_consent_or_home

pytestmark = pytest.mark.e2e


def fake_voices(langs: list[str], late: bool = False) -> str:
    """A speechSynthesis that logs each utterance and ends it at once. ``late``: the voice
    list is empty at first and arrives with "voiceschanged", as on many Android phones."""
    voices = ", ".join(f'{{ lang: "{lang}", name: "Giọng {lang}" }}' for lang in langs)
    return """
window.__spoken = [];
window.SpeechSynthesisUtterance = class { constructor(text) { this.text = text; } };
const voices = [%s];
let loaded = %s;
const listeners = [];
Object.defineProperty(window, "speechSynthesis", { value: {
    getVoices: () => (loaded ? voices : []),
    speak: (u) => { window.__spoken.push({ text: u.text, lang: u.lang }); setTimeout(() => u.onend && u.onend(), 50); },
    cancel: () => {},
    addEventListener: (name, f) => { if (name === "voiceschanged") { listeners.push(f); } },
    removeEventListener: () => {},
}});
if (!loaded) { setTimeout(() => { loaded = true; listeners.forEach((f) => f()); }, 500); }
""" % (voices, "false" if late else "true")


def sign_in(page, server, name: str, code: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(server)
    tap_sign_in(page, name, code)
    wait_for_consent_or_home(page)
    consent = page.get_by_role("button", name="Tôi đồng ý")
    if consent.count():
        consent.click()
    page.get_by_text(f"Chào {name}").wait_for()


def test_the_phone_voice_says_the_question_as_the_lexicon_reads_it(phone, server):
    """The quiz's first question reads "mã OTP" on screen; the phone must say "mã ô tê pê"
    (media/pronunciation.yaml), as the audio files do, not spell O-T-P."""
    from progress.groups import list_groups
    from progress.learners import list_learners
    from progress.quiz_runs import restart_run

    db = server_database()
    lam = next(m for m in list_learners(db, list_groups(db)[0].id) if m.display_name == "Đinh Văn Lâm")
    restart_run(db, lam.id, "bai-mau")  # at the first question, whatever other tests did
    page = phone
    page.add_init_script(fake_voices(["vi-VN"]))
    sign_in(page, server, "Đinh Văn Lâm", "2345")
    page.goto(server + "/kiem-tra?bai=bai-mau")
    page.get_by_text("Câu 1 / 5").wait_for()
    page.get_by_role("button", name="🔊 Nghe câu hỏi").click()
    page.wait_for_function("() => window.__spoken.length > 0")
    said = page.evaluate("() => window.__spoken")[0]["text"]
    assert "mã ô tê pê" in said and "OTP" not in said
