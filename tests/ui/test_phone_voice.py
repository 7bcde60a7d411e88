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
