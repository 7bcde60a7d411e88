"""The signing key on a fresh install: created once, even when processes start together."""

from __future__ import annotations

import multiprocessing
from pathlib import Path

from settings import Settings, ensure_secret_key, secret_key_warning

PROCESSES = 8


def _key_after_barrier(barrier, key_file: str, results) -> None:  # type: ignore[no-untyped-def]
    barrier.wait()
    results.put(ensure_secret_key(Settings(), Path(key_file)))


def test_processes_starting_together_keep_one_key(tmp_path: Path) -> None:
    context = multiprocessing.get_context("spawn")
    for attempt in range(3):  # three fresh installs: the race is run more than once
        key_file = tmp_path / f"install-{attempt}" / "data" / "secret.key"
        barrier = context.Barrier(PROCESSES)
        results = context.Queue()
        workers = [context.Process(target=_key_after_barrier, args=(barrier, str(key_file), results))
                   for _ in range(PROCESSES)]
        for worker in workers:
            worker.start()
        keys = [results.get(timeout=60) for _ in workers]
        for worker in workers:
            worker.join(timeout=30)
            assert worker.exitcode == 0
        assert len(set(keys)) == 1 and len(keys[0]) >= 40
        assert key_file.read_text(encoding="utf-8") == keys[0]
        assert [p.name for p in key_file.parent.iterdir()] == ["secret.key"]  # no temporary file left


def test_an_existing_key_is_kept(tmp_path: Path) -> None:
    key_file = tmp_path / "secret.key"
    key_file.write_text("kept-key\n", encoding="utf-8")
    assert ensure_secret_key(Settings(), key_file) == "kept-key"


def test_an_empty_key_file_is_never_a_key(tmp_path: Path) -> None:
    import pytest

    from settings import SettingsError

    key_file = tmp_path / "secret.key"
    key_file.write_text("", encoding="utf-8")
    with pytest.raises(SettingsError, match="empty"):
        ensure_secret_key(Settings(), key_file)


def test_a_configured_key_wins_and_no_file_is_made(tmp_path: Path) -> None:
    settings = Settings(auth={"secret_key": "configured"})  # type: ignore[arg-type]
    assert ensure_secret_key(settings, tmp_path / "secret.key") == "configured"
    assert not (tmp_path / "secret.key").exists()


def test_a_server_on_a_shared_database_without_a_key_is_warned() -> None:
    shared = {"url": "postgresql+psycopg://db.example/hoc"}
    assert "auth.secret_key" in (secret_key_warning(Settings(database=shared)) or "")  # type: ignore[arg-type]
    assert secret_key_warning(Settings(database=shared, auth={"secret_key": "k"})) is None  # type: ignore[arg-type]
    assert secret_key_warning(Settings()) is None  # the laptop's SQLite file
