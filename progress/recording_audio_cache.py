"""Recordings' bytes as a process serves them: read from the database once, then kept
in memory up to a bound (least recently played dropped first). Names are content
addressed, so a kept copy is never stale; a name not found is asked again next time
(another process may have just saved it)."""

from __future__ import annotations

import threading
from collections import OrderedDict

from progress.database import Database
from progress.recordings import recording_audio

DEFAULT_MAX_BYTES = 32 * 1024 * 1024  # about a thousand recordings of ~30 KB


class RecordingAudioCache:
    def __init__(self, db: Database, max_bytes: int = DEFAULT_MAX_BYTES) -> None:
        self.db = db
        self.max_bytes = max_bytes
        self._kept: OrderedDict[str, bytes] = OrderedDict()
        self._size = 0
        self._lock = threading.Lock()

    @property
    def kept_bytes(self) -> int:
        return self._size

    def audio(self, file_name: str) -> bytes | None:
        with self._lock:
            data = self._kept.get(file_name)
            if data is not None:
                self._kept.move_to_end(file_name)
                return data
        data = recording_audio(self.db, file_name)  # outside the lock: other names keep being served
        if data is not None and len(data) <= self.max_bytes:
            with self._lock:
                if file_name not in self._kept:
                    self._kept[file_name] = data
                    self._size += len(data)
                while self._size > self.max_bytes:
                    _, dropped = self._kept.popitem(last=False)
                    self._size -= len(dropped)
        return data
