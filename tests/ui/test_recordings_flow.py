"""A volunteer records a step; bad files are refused in plain words; learners hear it."""

import io
import math
import wave

import pytest

from progress.groups import list_groups
from progress.learners import list_learners, set_narration_language
from progress.recordings import all_recordings, recording_audio
from tests.ui.flows import button_by_label, learner_signs_in, step_players, texts
from tests.ui.test_trainer_flow import trainer_signs_in


def wav(seconds: float, rate: int = 8000) -> bytes:
    frames = b"".join(
        int(8000 * math.sin(2 * math.pi * 440 * i / rate)).to_bytes(2, "little", signed=True)
        for i in range(int(seconds * rate))
    )
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(frames)
    return buffer.getvalue()


@pytest.fixture
def limits(monkeypatch):
    monkeypatch.setenv("BDHVS_NARRATION__MAX_RECORDING_SECONDS", "5")
    monkeypatch.setenv("BDHVS_NARRATION__MAX_UPLOAD_MB", "0.5")


def open_recorder(new_app, language="vi"):  # type: ignore[no-untyped-def]
    at = trainer_signs_in(new_app())
    at.switch_page("ui/trainer/recordings.py").run()
    at.selectbox(key="rec_language").set_value(language).run()
    return at


def upload_key(language: str = "vi") -> str:
    return f"rec_upload_bai-mau_mot_{language}"


@pytest.mark.parametrize(
    "data, name, message",
    [
        (b"", "rong.mp3", "Tệp trống."),
        ("Đây là chữ, không phải tiếng".encode(), "chu.mp3", "Tệp không phải âm thanh MP3 hoặc WAV."),
        (b"RIFF" + b"\x00" * 40, "hong.wav", None),  # broken WAV: some clear refusal
        ("WAV_TOO_LONG", "dai.wav", "Đoạn ghi âm dài quá"),
        (b"\x00" * (600 * 1024), "to.mp3", "Tệp lớn quá"),
    ],
)
def test_bad_files_are_refused_and_nothing_changes(new_app, app_env, limits, data, name, message):
    data = wav(6) if data == "WAV_TOO_LONG" else data
    at = open_recorder(new_app)
    at.file_uploader(key=upload_key()).set_value((name, data, "audio/mpeg")).run()
    if data:
        button_by_label(at, "Lưu bản ghi").click().run()
        errors = [e.value for e in at.error]
        assert errors, "a refusal must be shown"
        if message:
            assert any(message in e for e in errors), errors
    assert all_recordings(app_env) == []


def test_recording_is_saved_and_learners_hear_it_with_language_fallback(new_app, app_env, limits):
    at = open_recorder(new_app)
    at.audio_input(key="rec_input_bai-mau_mot_vi").upload("ghi-am.wav", wav(2)).run()
    button_by_label(at, "Lưu bản ghi").click().run()
    assert "Đã lưu bản ghi Tiếng Việt cho bước 1." in texts(at)
    (saved,) = all_recordings(app_env)
    assert (saved.lesson_id, saved.step_id, saved.language) == ("bai-mau", "mot", "vi")
    assert 1800 <= saved.duration_ms <= 2300 and saved.file_name.startswith("rec-")

    # a Hrê speaker with no Hrê recording yet hears the Vietnamese recording
    group = list_groups(app_env)[0]
    hoa = next(member for member in list_learners(app_env, group.id) if member.display_name == "Đinh Thị Hoa")
    set_narration_language(app_env, hoa.id, "hre")
    learner = learner_signs_in(new_app(), app_env)
    learner.button(key="lesson_bai-mau").click().run()
    (player,) = step_players(learner)
    assert player["url"] == "/recordings/" + saved.file_name and player["natural"] is True
    assert len(recording_audio(app_env, saved.file_name) or b"") == saved.size_bytes  # the MP3, in the database
    assert "giọng ghi âm" in player["meta"] and "2 giây" in player["meta"]

    # once a volunteer records it in Hrê, that is what she hears
    hre = open_recorder(new_app, language="hre")
    hre.file_uploader(key=upload_key("hre")).set_value(("hre.wav", wav(3), "audio/wav")).run()
    button_by_label(hre, "Lưu bản ghi").click().run()
    hre_file = next(r.file_name for r in all_recordings(app_env) if r.language == "hre")
    learner = learner_signs_in(new_app(), app_env)
    learner.button(key="lesson_bai-mau").click().run()
    assert step_players(learner)[0]["url"].endswith(hre_file)


def test_recording_again_replaces_and_delete_removes(new_app, app_env, limits):
    at = open_recorder(new_app)
    for seconds in (1, 2):
        at.file_uploader(key=upload_key()).set_value(("a.wav", wav(seconds), "audio/wav")).run()
        button_by_label(at, "Lưu bản ghi").click().run()
    (only,) = all_recordings(app_env)
    assert only.duration_ms >= 1800
    at.button(key="rec_delete").click().run()
    assert "Đã xoá bản ghi." in texts(at) and all_recordings(app_env) == []
