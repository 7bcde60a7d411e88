"""`manage.py pack-audio` / `unpack-audio` from one laptop to another, recordings included."""

import manage
import settings
from progress.database import connect, upgrade_to_head
from progress.recordings import RecordingInfo, all_recordings, recording_audio, save_recording

RECORDED = "rec-" + "a" * 32 + ".mp3"


def laptop(tmp_path, name: str, monkeypatch, migrated: bool = True):  # type: ignore[no-untyped-def]
    """Point the commands at this laptop's folder and database."""
    root = tmp_path / name
    (root / "static" / "audio").mkdir(parents=True)
    url = f"sqlite:///{root / 'hoc.db'}"
    if migrated:
        upgrade_to_head(url)
    monkeypatch.setattr(settings, "PROJECT_ROOT", root)
    monkeypatch.setenv("BDHVS_DATABASE__URL", url)
    return root, url


def test_a_volunteer_recording_moves_to_another_laptop(tmp_path, monkeypatch, capsys):
    root, url = laptop(tmp_path, "laptop-a", monkeypatch)
    save_recording(connect(url), RecordingInfo("bai", "mot", "hre", "v1", RECORDED, 2000, 19), trainer_id=None,
                   audio=b"a volunteer's voice")  # in the database only: the pack takes it from there
    pack = tmp_path / "pack.zip"
    assert manage.main(["pack-audio", str(pack)]) == 0
    assert "1 recordings' records" in capsys.readouterr().out

    root_b, url_b = laptop(tmp_path, "laptop-b", monkeypatch)
    assert manage.main(["unpack-audio", str(pack)]) == 0
    assert "1 added" in capsys.readouterr().out
    assert (root_b / "static" / "audio" / RECORDED).read_bytes() == b"a volunteer's voice"
    assert [(r.language, r.file_name) for r in all_recordings(connect(url_b))] == [("hre", RECORDED)]
    assert recording_audio(connect(url_b), RECORDED) == b"a volunteer's voice"  # every process of B plays it


def test_unpacking_recordings_without_a_database_says_what_to_do(tmp_path, monkeypatch, capsys):
    root, url = laptop(tmp_path, "laptop-a", monkeypatch)
    save_recording(connect(url), RecordingInfo("bai", "mot", "hre", "v1", RECORDED, 2000, 5), trainer_id=None,
                   audio=b"voice")
    pack = tmp_path / "pack.zip"
    manage.main(["pack-audio", str(pack)])
    laptop(tmp_path, "laptop-b", monkeypatch, migrated=False)
    assert manage.main(["unpack-audio", str(pack)]) == 1
    assert "dev.py manage migrate" in capsys.readouterr().err
