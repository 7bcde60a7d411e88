"""Pre-rendering audio ahead of time (the gTTS voice needs internet).

Each call runs in a child process that is killed at a hard deadline: gTTS's own
timeout is per read, so a link that trickles bytes would otherwise hang forever.
"""

from __future__ import annotations

import multiprocessing
import re
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field

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
    # the stub of BaseContext has no Process; every real start method's context has one
    process = ctx.Process(target=_worker, args=(engine, text, sender), daemon=True)  # type: ignore[attr-defined]
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
    if status != "ok" or not isinstance(payload, bytes):
        raise EngineError(str(payload))
    return payload


@dataclass
class PrerenderSummary:
    rendered: int = 0
    cached: int = 0
    retried: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)


Render = Callable[[SpeechEngine, str, float], bytes]
RETRYABLE = re.compile(r"\b(429|5\d\d)\b|gave no audio within")  # rate limit, server error, stall


def _render_with_retries(
    render: Render, engine: SpeechEngine, text: str, deadline: float, retries: int, backoff: float,
    sleep: Callable[[float], None],
) -> tuple[bytes, int]:
    for attempt in range(retries + 1):
        try:
            return render(engine, text, deadline), attempt
        except EngineError as exc:
            if attempt == retries or not RETRYABLE.search(str(exc)):
                raise
            sleep(backoff * 2 ** attempt)
    raise AssertionError("unreachable")


def prerender(
    texts: Iterable[str],
    engine: SpeechEngine,
    cache: AudioCache,
    deadline_seconds: float,
    on_progress: Callable[[int, int, str], None] | None = None,
    workers: int = 1,
    retries: int = 0,
    backoff_seconds: float = 2.0,
    render: Render = render_with_deadline,
    sleep: Callable[[float], None] = time.sleep,
) -> PrerenderSummary:
    """Render every text that has no file yet, ``workers`` at a time, retrying 429/5xx
    answers and stalls with exponential backoff. Each file is stored as soon as it is
    made, so an interrupted run resumes where it stopped; a second run renders nothing."""
    unique = list(dict.fromkeys(normalise_for_speech(t) for t in texts if t.strip()))
    summary = PrerenderSummary()
    todo = []
    done = 0
    for text in unique:
        if cache.find(audio_key(text, engine.name, engine.voice, engine.fmt), engine.fmt):
            summary.cached += 1
            done += 1
            if on_progress:
                on_progress(done, len(unique), "cached")
        else:
            todo.append(text)

    def work(text: str) -> tuple[str, str]:
        started = time.monotonic()
        data, attempts = _render_with_retries(render, engine, text, deadline_seconds, retries, backoff_seconds, sleep)
        cache.store(audio_key(text, engine.name, engine.voice, engine.fmt), engine.fmt, data)
        return text, f"rendered in {time.monotonic() - started:.1f} s" + (f" after {attempts} retries" if attempts else "")

    with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
        futures = {pool.submit(work, text): text for text in todo}
        for future in as_completed(futures):
            done += 1
            try:
                _, outcome = future.result()
                summary.rendered += 1
                if "retries" in outcome:
                    summary.retried += 1
            except EngineError as exc:
                summary.failed.append((futures[future], str(exc)))
                outcome = f"failed: {exc}"
            if on_progress:
                on_progress(done, len(unique), outcome)
    return summary
