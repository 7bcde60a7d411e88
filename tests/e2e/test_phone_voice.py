"""The phone's own Vietnamese voice (Web Speech API), faked by a voice that logs what it says."""

from __future__ import annotations

import pytest

from tests.e2e.conftest import server_database, shot, tap_sign_in, wait_for_consent_or_home

pytestmark = pytest.mark.e2e


def fake_voices(langs: list[str], late: bool = False) -> str:
    """A speechSynthesis that logs each utterance and ends it at once. ``late``: the voice
    list is empty at first and arrives with "voiceschanged", as on many Android phones."""
    voices = ", ".join(f'{{ lang: "{lang}", name: "Giọng {lang}" }}' for lang in langs)
    script = """
window.__spoken = [];
window.SpeechSynthesisUtterance = class { constructor(text) { this.text = text; } };
const voices = [VOICES];
let loaded = LOADED;
const listeners = [];
Object.defineProperty(window, "speechSynthesis", { value: {
    getVoices: () => (loaded ? voices : []),
    speak: (u) => { window.__spoken.push({ text: u.text, lang: u.lang }); setTimeout(() => u.onend && u.onend(), 50); },
    cancel: () => {},
    addEventListener: (name, f) => { if (name === "voiceschanged") { listeners.push(f); } },
    removeEventListener: () => {},
}});
if (!loaded) { setTimeout(() => { loaded = true; listeners.forEach((f) => f()); }, 500); }
"""
    return script.replace("VOICES", voices).replace("LOADED", "false" if late else "true")


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


def open_voice_check(page, server):  # type: ignore[no-untyped-def]
    sign_in(page, server, "Đinh Thị Hoa", "1234")
    page.goto(server + "/cai-dat")
    button = page.get_by_role("button", name="🔊 Thử giọng đọc")
    button.wait_for()
    return button


def test_the_voice_check_says_the_phone_voice_when_the_phone_has_one(phone, server):
    """The voice list arrives late ("voiceschanged"), as on many Android phones."""
    from media.speech_text import normalise_for_speech
    from media.ui_phrases import VOICE_IS_PHONE, VOICE_TEST

    page = phone
    page.add_init_script(fake_voices(["en-US", "vi-VN"], late=True))
    open_voice_check(page, server).click()
    result = page.locator(".voice-check-result")
    result.filter(has_text=VOICE_IS_PHONE).wait_for()
    page.wait_for_function("() => window.__spoken.length >= 2")
    assert [s["text"] for s in page.evaluate("() => window.__spoken")] == [
        normalise_for_speech(VOICE_TEST), normalise_for_speech(VOICE_IS_PHONE)]
    assert page.locator(".voice-check-install").is_hidden()
    page.wait_for_timeout(1000)  # the verdict went back to Python (a rerun): still shown
    assert result.inner_text() == VOICE_IS_PHONE


def test_the_voice_check_says_the_temporary_voice_and_how_to_install_one(phone, server):
    from media.ui_phrases import VOICE_INSTALL, VOICE_IS_MACHINE

    page = phone
    page.add_init_script(fake_voices(["en-US"]))
    button = open_voice_check(page, server)
    with page.expect_response(lambda r: "/app/static/audio/" in r.url) as audio:
        button.click()  # the test sentence, as the espeak-ng file
    assert audio.value.status in (200, 206)
    page.locator(".voice-check-result").filter(has_text=VOICE_IS_MACHINE).wait_for()
    assert page.locator(".voice-check-result").inner_text() == f"{VOICE_IS_MACHINE} {VOICE_INSTALL}"
    steps = page.locator(".voice-check-install")
    steps.wait_for()
    assert "tên mục có thể hơi khác trên từng máy" in steps.inner_text()
    assert "Chuyển văn bản thành giọng nói" in steps.inner_text()
    assert "Trợ năng → Nội dung được đọc" in steps.inner_text()
    assert page.evaluate("() => window.__spoken") == []
    steps.scroll_into_view_if_needed()
    shot(page, "voice-check-temporary")
