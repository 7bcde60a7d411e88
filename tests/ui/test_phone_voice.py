"""The phone's own voice says what the audio files say: the text normalised for speech."""

from media.speech_text import normalise_for_speech
from tests.ui.flows import learner_signs_in, players, walk_to_quiz


def test_every_nghe_button_carries_the_text_normalised_for_the_phone_voice(new_app, app_env):
    at = learner_signs_in(new_app(), app_env)
    walk_to_quiz(at)
    buttons = players(at)
    assert buttons and all(b["speech"] == normalise_for_speech(b["text"]) for b in buttons)
    prompt = next(b for b in buttons if b["label"] == "Nghe câu hỏi")
    assert "Có người hỏi mã OTP." in prompt["text"]  # shown as written ...
    assert "mã ô tê pê" in prompt["speech"] and "OTP" not in prompt["speech"]  # ... said as the lexicon says


def voice_checks(at):  # type: ignore[no-untyped-def]
    from tests.ui.flows import component_data

    return component_data(at, "bdhvs_voice_check")


def test_settings_has_the_voice_check_with_every_sentence_it_may_say(new_app, app_env):
    from media.ui_phrases import VOICE_IS_MACHINE, VOICE_NONE, VOICE_TEST
    from ui.voice_check import INSTALL_STEPS

    at = learner_signs_in(new_app(), app_env)
    at.button(key="open_settings").click().run()
    [check] = voice_checks(at)
    assert check["label"] == "🔊 Thử giọng đọc"
    assert check["test"]["text"] == VOICE_TEST and "vê en e ai đi" in check["test"]["speech"]
    # the test machine has espeak-ng and no gTTS files: the sentences play as the temporary voice
    assert check["test"]["url"] and check["test"]["natural"] is False
    assert check["verdicts"]["machine"]["text"] == VOICE_IS_MACHINE and check["verdicts"]["none"]["text"] == VOICE_NONE
    assert check["install_steps"] == list(INSTALL_STEPS)
    assert any(step.startswith("Android: Cài đặt →") for step in INSTALL_STEPS)
    assert any(step.startswith("iPhone: Cài đặt → Trợ năng") for step in INSTALL_STEPS)


def test_the_class_day_checklist_sends_trainers_to_the_voice_check(new_app, app_env):
    from tests.ui.flows import texts
    from tests.ui.test_trainer_flow import trainer_signs_in

    at = trainer_signs_in(new_app())
    at.switch_page("ui/trainer/qr_cards.py").run()
    assert "Cài đặt → 🔊 Thử giọng đọc" in texts(at)
    assert len(voice_checks(at)) == 1


def test_the_coverage_page_shows_each_voice_source_with_a_total_and_the_phone_voice_note(new_app, app_env):
    from tests.ui.flows import texts
    from tests.ui.test_trainer_flow import trainer_signs_in

    at = trainer_signs_in(new_app())
    at.switch_page("ui/trainer/audio_coverage.py").run()
    table = at.dataframe[0].value
    assert list(table.columns) == ["Bài học", "Số câu", "Ghi âm %", "Google %", "Giọng máy tạm %", "Chưa có %"]
    total = table.iloc[-1]
    assert total["Bài học"] == "Tất cả các bài" and total["Số câu"] == table["Số câu"].iloc[:-1].sum()
    # espeak-ng runs here (the pip wheel at least): every text without a file plays as the temporary voice
    assert total["Chưa có %"] == 0
    assert "Điện thoại có giọng tiếng Việt thì đọc phần “giọng máy tạm” và “chưa có”" in texts(at)
