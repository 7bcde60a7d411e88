"""Bundles arriving over the network in pieces, on the commune server:
``<folder>/<bundle uid>.part`` grows by one chunk at a time, only at the offset the
laptop names, so a connection dropped mid-way resumes where the server stopped
(the laptop asks how much arrived). When the import is done its answer is kept
beside it (``<uid>.done.json``): a laptop that lost that answer asks again and gets it,
instead of sending the whole file once more."""

from __future__ import annotations

import json
import os
import re
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

try:  # the commune server runs Linux; elsewhere two processes appending at once are not guarded
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

BUNDLE_UID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
KEEP_SECONDS = 2 * 86400  # unfinished uploads and kept answers older than this are deleted


class OffsetMismatch(Exception):
    """The chunk does not start where the file ends; ``received`` is where it does."""

    def __init__(self, received: int) -> None:
        super().__init__(f"the server holds {received} bytes")
        self.received = received


class UploadTooLarge(Exception):
    """The upload would grow past the largest bundle accepted (``sync.max_bundle_mb``)."""


def is_bundle_uid(uid: str) -> bool:
    return bool(BUNDLE_UID.match(uid))


@contextmanager
def _locked(handle: IO[bytes]) -> Iterator[None]:
    if fcntl is not None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
    try:
        yield
    finally:
        if fcntl is not None:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


class UploadStore:
    """Files of one folder (``data/sync-incoming``); ``max_bytes`` is the largest bundle."""

    def __init__(self, folder: Path, max_bytes: int) -> None:
        self.folder = folder
        self.max_bytes = max_bytes

    def _path(self, uid: str, suffix: str) -> Path:
        if not is_bundle_uid(uid):
            raise ValueError("not a bundle uid")
        return self.folder / f"{uid}{suffix}"

    def received(self, uid: str) -> int:
        """How many bytes of this bundle the server holds (0: none yet)."""
        path = self._path(uid, ".part")
        return path.stat().st_size if path.exists() else 0

    def append(self, uid: str, offset: int, chunk: bytes) -> int:
        """Add ``chunk`` if it starts at the end of what arrived; the new size."""
        self.folder.mkdir(parents=True, exist_ok=True)
        with open(self._path(uid, ".part"), "ab") as handle, _locked(handle):
            size = os.fstat(handle.fileno()).st_size
            if offset != size:
                raise OffsetMismatch(size)
            if size + len(chunk) > self.max_bytes:
                raise UploadTooLarge()
            handle.write(chunk)
            handle.flush()
            return size + len(chunk)

    def whole(self, uid: str) -> bytes:
        return self._path(uid, ".part").read_bytes()

    def finish(self, uid: str, answer: dict[str, Any]) -> None:
        """The import's answer is kept; the file's bytes are not needed any more."""
        self._path(uid, ".done.json").write_text(json.dumps(answer, ensure_ascii=False), encoding="utf-8")
        self._path(uid, ".part").unlink(missing_ok=True)

    def discard(self, uid: str) -> None:
        """A refused file: the laptop starts again from nothing after exporting anew."""
        self._path(uid, ".part").unlink(missing_ok=True)

    def answer(self, uid: str) -> dict[str, Any] | None:
        """The kept answer of a finished upload, if there is one."""
        path = self._path(uid, ".done.json")
        if not path.exists():
            return None
        loaded: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
        return loaded

    def prune(self, now: float | None = None) -> None:
        """Delete unfinished uploads and kept answers nobody asked for in two days."""
        if not self.folder.exists():
            return
        limit = (now or time.time()) - KEEP_SECONDS
        for path in self.folder.iterdir():
            if path.suffix in (".part", ".json") and path.stat().st_mtime < limit:
                path.unlink(missing_ok=True)
