from media.languages import fallback_chain
from progress.recordings import (
    RecordingInfo,
    all_recordings,
    current_recording,
    delete_recording,
    import_recordings,
    save_recording,
)

VOICE = b"ID3 a volunteer's voice"
PACKED = {name: name.encode() for name in ("rec-there.mp3", "rec-hre.mp3", "rec-hai.mp3")}


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
    save_recording(db, rec(file_name="first.mp3"), None, VOICE)
    save_recording(db, rec(file_name="second.mp3"), None, VOICE)
    save_recording(db, rec(language="hre"), None, VOICE)
    save_recording(db, rec(text_hash="v2", file_name="new-text.mp3"), None, VOICE)
    assert sorted((r.language, r.text_hash, r.file_name) for r in all_recordings(db)) == [
        ("hre", "v1", "rec-a.mp3"), ("vi", "v1", "second.mp3"), ("vi", "v2", "new-text.mp3"),
    ]
    assert delete_recording(db, "bai", "mot", "vi") == 2
    assert [r.language for r in all_recordings(db)] == ["hre"]


def test_recordings_from_another_laptop_are_added_but_never_replace_this_ones(db):
    save_recording(db, rec(file_name="rec-here.mp3"), None, VOICE)
    incoming = [rec(file_name="rec-there.mp3"), rec(language="hre", file_name="rec-hre.mp3"),
                rec(step="hai", file_name="rec-hai.mp3")]
    assert import_recordings(db, incoming, PACKED) == (2, 1)
    assert sorted((r.step_id, r.language, r.file_name) for r in all_recordings(db)) == [
        ("hai", "vi", "rec-hai.mp3"), ("mot", "hre", "rec-hre.mp3"), ("mot", "vi", "rec-here.mp3")]
    assert import_recordings(db, incoming, PACKED) == (0, 3)  # unpacking the same pack again changes nothing


def test_the_bytes_are_kept_in_the_database_and_forgotten_when_no_recording_uses_them(db):
    from progress.recordings import recording_audio

    save_recording(db, rec(file_name="rec-old.mp3"), None, b"old take")
    save_recording(db, rec(language="hre", file_name="rec-old.mp3"), None, b"old take")  # the same bytes, twice
    assert recording_audio(db, "rec-old.mp3") == b"old take"
    save_recording(db, rec(file_name="rec-new.mp3"), None, b"new take")  # replaces the vi one only
    assert recording_audio(db, "rec-old.mp3") == b"old take"  # still used by hre
    delete_recording(db, "bai", "mot", "hre")
    assert recording_audio(db, "rec-old.mp3") is None
    assert recording_audio(db, "rec-new.mp3") == b"new take"


def test_a_pack_record_without_its_bytes_is_not_added(db):
    assert import_recordings(db, [rec(file_name="rec-missing.mp3")], {}) == (0, 0)
    assert all_recordings(db) == []


def test_the_process_cache_is_bounded_and_asks_again_for_a_name_it_did_not_find(db):
    from progress.recording_audio_cache import RecordingAudioCache

    cache = RecordingAudioCache(db, max_bytes=25)
    assert cache.audio("rec-later.mp3") is None
    save_recording(db, rec(file_name="rec-later.mp3"), None, b"x" * 10)  # saved by another process
    save_recording(db, rec(step="hai", file_name="rec-two.mp3"), None, b"y" * 10)
    save_recording(db, rec(step="ba", file_name="rec-three.mp3"), None, b"z" * 10)
    assert cache.audio("rec-later.mp3") == b"x" * 10
    assert cache.audio("rec-two.mp3") == b"y" * 10
    assert cache.audio("rec-three.mp3") == b"z" * 10
    assert cache.kept_bytes == 20  # the least recently played was dropped
    delete_recording(db, "bai", "mot", "vi")
    assert cache.audio("rec-two.mp3") == b"y" * 10  # still kept: content-addressed, never stale
