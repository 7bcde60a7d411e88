"""Which volunteer recordings exist, for which step, language and text version, and
their MP3 bytes (kept in the database, so every process and server can play them)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import CursorResult, delete, select
from sqlalchemy.orm import Session, sessionmaker

from progress.database import add_unless_taken
from progress.models import Recording, RecordingAudio
from progress.sync.tombstones import RECORDING, record_deletions


@dataclass(frozen=True)
class RecordingInfo:
    lesson_id: str
    step_id: str
    language: str
    text_hash: str
    file_name: str
    duration_ms: int
    size_bytes: int


def _info(row: Recording) -> RecordingInfo:
    return RecordingInfo(row.lesson_id, row.step_id, row.language, row.text_hash, row.file_name,
                         row.duration_ms, row.size_bytes)


def _row(info: RecordingInfo, trainer_id: int | None) -> Recording:
    return Recording(
        lesson_id=info.lesson_id, step_id=info.step_id, language=info.language, text_hash=info.text_hash,
        file_name=info.file_name, duration_ms=info.duration_ms, size_bytes=info.size_bytes, recorded_by=trainer_id,
    )


def _keep_audio(session: Session, file_name: str, audio: bytes) -> None:
    """Store a recording's bytes under their content-addressed name, once (a process
    storing the same bytes at the same moment is fine: same name, same bytes)."""
    if not audio:
        raise ValueError("refusing to store an empty recording")
    if session.get(RecordingAudio, file_name) is None:
        add_unless_taken(session, RecordingAudio(file_name=file_name, data=audio),
                         lambda: session.get(RecordingAudio, file_name))


def forget_unused_audio(session: Session) -> None:
    """Bytes no recording uses any more (a recording deleted or replaced) are deleted."""
    session.flush()
    session.execute(delete(RecordingAudio).where(
        RecordingAudio.file_name.not_in(select(Recording.file_name))))


def save_recording(db: sessionmaker[Session], info: RecordingInfo, trainer_id: int | None, audio: bytes) -> None:
    """Keep one recording per step, language and text version: a new one replaces it.
    ``audio`` is its MP3, named ``info.file_name``."""
    with db.begin() as session:
        session.execute(delete(Recording).where(
            Recording.lesson_id == info.lesson_id, Recording.step_id == info.step_id,
            Recording.language == info.language, Recording.text_hash == info.text_hash,
        ))
        _keep_audio(session, info.file_name, audio)
        session.add(_row(info, trainer_id))
        forget_unused_audio(session)


def import_recordings(
    db: sessionmaker[Session], infos: list[RecordingInfo], audio: Mapping[str, bytes]
) -> tuple[int, int]:
    """Recordings from another laptop (an audio pack), with their bytes by file name:
    add those this one lacks, keep this laptop's own for the same step, language and
    text version. (added, kept)."""
    added = kept = 0
    with db.begin() as session:
        for info in infos:
            exists = session.scalar(select(Recording.id).where(
                Recording.lesson_id == info.lesson_id, Recording.step_id == info.step_id,
                Recording.language == info.language, Recording.text_hash == info.text_hash,
            ))
            if exists is not None:
                kept += 1
                continue
            if not audio.get(info.file_name):
                continue  # a record whose bytes did not come with it: nothing to play
            _keep_audio(session, info.file_name, audio[info.file_name])
            session.add(_row(info, None))
            added += 1
    return added, kept


def delete_recording(db: sessionmaker[Session], lesson_id: str, step_id: str, language: str) -> int:
    with db.begin() as session:
        which = (Recording.lesson_id == lesson_id, Recording.step_id == step_id, Recording.language == language)
        record_deletions(session, RECORDING, list(session.scalars(select(Recording.uid).where(*which))))
        result = session.execute(delete(Recording).where(*which))
        forget_unused_audio(session)
        # a DELETE gives a CursorResult; Session.execute is typed with the Result it subclasses
        return cast("CursorResult[*tuple[Any, ...]]", result).rowcount or 0


def lesson_recordings(db: sessionmaker[Session], lesson_id: str) -> list[RecordingInfo]:
    """Every recording of a lesson, any language and text version."""
    with db() as session:
        rows = session.scalars(select(Recording).where(Recording.lesson_id == lesson_id))
        return [_info(row) for row in rows]


def all_recordings(db: sessionmaker[Session]) -> list[RecordingInfo]:
    with db() as session:
        return [_info(row) for row in session.scalars(select(Recording))]


def current_recording(
    recordings: list[RecordingInfo], step_id: str, text_hash: str, languages: list[str]
) -> RecordingInfo | None:
    """The first recording, in the order of ``languages``, made for this text version."""
    for language in languages:
        for rec in recordings:
            if rec.step_id == step_id and rec.language == language and rec.text_hash == text_hash:
                return rec
    return None


def recording_audio(db: sessionmaker[Session], file_name: str) -> bytes | None:
    """A recording's MP3 bytes, or None when no recording has that name."""
    with db() as session:
        return session.scalar(select(RecordingAudio.data).where(RecordingAudio.file_name == file_name))
