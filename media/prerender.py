"""Pre-rendering audio ahead of time (the gTTS voice needs internet).

Each call runs in a child process that is killed at a hard deadline: gTTS's own
timeout is per read, so a link that trickles bytes would otherwise hang forever.
"""

from __future__ import annotations

import multiprocessing
import time
from dataclasses import dataclass, field
from typing import Callable, Iterable

from media.audio_cache import AudioCache, audio_key
from media.engines import EngineError, SpeechEngine
from media.speech_text import normalise_for_speech


class DeadlineExceeded(EngineError):
    """The engine did not finish before the deadline; its worker was killed."""


def _worker(engine: SpeechEngine, text: str, conn) -> None:  # type: ignore[no-untyped-def]
    try:
        conn.send(("ok", engine.render(text)))
    except Exception as exc:  # noqa: BLE001 - reported to the parent as text
        conn.send(("error", f"{type(exc).__name__}: {exc}"))
    finally:
        conn.close()


def _context() -> multiprocessing.context.BaseContext:
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


def render_with_deadline(engine: SpeechEngine, text: str, deadline_seconds: float) -> bytes:
    """Render in a child process; kill it if it is still running at the deadline."""
    ctx = _context()
    receiver, sender = ctx.Pipe(duplex=False)
    process = ctx.Process(target=_worker, args=(engine, text, sender), daemon=True)
    process.start()
    sender.close()
    try:
        if not receiver.poll(deadline_seconds):
            raise DeadlineExceeded(f"{engine.name} gave no audio within {deadline_seconds:g} s")
        status, payload = receiver.recv()
    except EOFError as exc:
        raise EngineError(f"{engine.name} worker ended without an answer") from exc
    finally:
        receiver.close()
        if process.is_alive():
            process.kill()
        process.join(timeout=5)
    if status != "ok":
        raise EngineError(payload)
    return payload


@dataclass
class PrerenderSummary:
    rendered: int = 0
    cached: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)


def prerender(
    texts: Iterable[str],
    engine: SpeechEngine,
    cache: AudioCache,
    deadline_seconds: float,
    on_progress: Callable[[int, int, str], None] | None = None,
) -> PrerenderSummary:
    """Render every text that has no file yet; running it again renders nothing new."""
    unique = list(dict.fromkeys(normalise_for_speech(t) for t in texts if t.strip()))
    summary = PrerenderSummary()
    for index, text in enumerate(unique, start=1):
        key = audio_key(text, engine.name, engine.voice, engine.fmt)
        if cache.find(key, engine.fmt):
            summary.cached += 1
            outcome = "cached"
        else:
            started = time.monotonic()
            try:
                cache.store(key, engine.fmt, render_with_deadline(engine, text, deadline_seconds))
                summary.rendered += 1
                outcome = f"rendered in {time.monotonic() - started:.1f} s"
            except EngineError as exc:
                summary.failed.append((text, str(exc)))
                outcome = f"failed: {exc}"
        if on_progress:
            on_progress(index, len(unique), outcome)
    return summary
