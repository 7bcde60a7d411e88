from media.languages import fallback_chain
from progress.recordings import (
    RecordingInfo,
    all_recordings,
    current_recording,
    delete_recording,
    import_recordings,
    save_recording,
)


def rec(step="mot", language="vi", text_hash="v1", file_name="rec-a.mp3") -> RecordingInfo:
    return RecordingInfo("bai", step, language, text_hash, file_name, 2000, 8000)


def test_language_fallback_chain():
    assert fallback_chain("hre") == ["hre", "vi"]
    assert fallback_chain("vi") == ["vi"]
    assert fallback_chain("klingon") == ["vi"]


def test_current_recording_prefers_the_learners_language_and_ignores_old_text_versions():
    recordings = [rec(language="vi", file_name="vi.mp3"), rec(language="hre", text_hash="old", file_name="hre-old.mp3")]
    assert current_recording(recordings, "mot", "v1", ["hre", "vi"]).file_name == "vi.mp3"
    recordings.append(rec(language="hre", file_name="hre.mp3"))
    assert current_recording(recordings, "mot", "v1", ["hre", "vi"]).file_name == "hre.mp3"
    # the author changed the text: no recording matches the new version
    assert current_recording(recordings, "mot", "v2", ["hre", "vi"]) is None
    assert current_recording(recordings, "hai", "v1", ["vi"]) is None


def test_saving_replaces_the_same_version_and_keeps_others(db):
    save_recording(db, rec(file_name="first.mp3"), None)
    save_recording(db, rec(file_name="second.mp3"), None)
    save_recording(db, rec(language="hre"), None)
    save_recording(db, rec(text_hash="v2", file_name="new-text.mp3"), None)
    assert sorted((r.language, r.text_hash, r.file_name) for r in all_recordings(db)) == [
        ("hre", "v1", "rec-a.mp3"), ("vi", "v1", "second.mp3"), ("vi", "v2", "new-text.mp3"),
    ]
    assert delete_recording(db, "bai", "mot", "vi") == 2
    assert [r.language for r in all_recordings(db)] == ["hre"]


def test_recordings_from_another_laptop_are_added_but_never_replace_this_ones(db):
    save_recording(db, rec(file_name="rec-here.mp3"), trainer_id=None)
    incoming = [rec(file_name="rec-there.mp3"), rec(language="hre", file_name="rec-hre.mp3"),
                rec(step="hai", file_name="rec-hai.mp3")]
    assert import_recordings(db, incoming) == (2, 1)
    assert sorted((r.step_id, r.language, r.file_name) for r in all_recordings(db)) == [
        ("hai", "vi", "rec-hai.mp3"), ("mot", "hre", "rec-hre.mp3"), ("mot", "vi", "rec-here.mp3")]
    assert import_recordings(db, incoming) == (0, 3)  # unpacking the same pack again changes nothing
