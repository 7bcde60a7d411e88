"""Pre-rendering audio ahead of time (the gTTS voice needs internet).

Each call runs in a child process that is killed at a hard deadline: gTTS's own
timeout is per read, so a link that trickles bytes would otherwise hang forever.
"""

from __future__ import annotations

import multiprocessing
import re
import threading
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field

from media.audio_cache import AudioCache, audio_key
from media.speech_engine import EngineError, EngineUnreachable, SpeechEngine
from media.speech_text import normalise_for_speech


class DeadlineExceeded(EngineError):
    """The engine did not finish before the deadline; its worker was killed."""


def _worker(engine: SpeechEngine, text: str, conn) -> None:  # type: ignore[no-untyped-def]
    try:
        conn.send(("ok", engine.render(text)))
    except EngineUnreachable as exc:
        conn.send(("unreachable", str(exc)))
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
    if status == "unreachable":
        raise EngineUnreachable(str(payload))
    if status != "ok" or not isinstance(payload, bytes):
        raise EngineError(str(payload))
    return payload


@dataclass
class PrerenderSummary:
    rendered: int = 0
    cached: int = 0
    retried: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)
    not_tried: int = 0  # texts left alone after the engine could not be reached
    unreachable: bool = False  # stopped early: the engine could not be reached, again and again


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
            if attempt == retries or isinstance(exc, EngineUnreachable) or not RETRYABLE.search(str(exc)):
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
    give_up_after_unreachable: int = 3,
) -> PrerenderSummary:
    """Render every text that has no file yet, ``workers`` at a time, retrying 429/5xx
    answers and stalls with exponential backoff. Each file is stored as soon as it is
    made, so an interrupted run resumes where it stopped; a second run renders nothing.
    After ``give_up_after_unreachable`` texts in a row could not reach the engine (an
    offline laptop), the rest are not tried and ``summary.unreachable`` is set."""
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

    give_up = threading.Event()
    unreachable_in_a_row = 0
    lock = threading.Lock()

    def count_unreachable(unreachable: bool) -> None:
        """Counted where each call ends, so no further text starts once the limit is met."""
        nonlocal unreachable_in_a_row
        with lock:
            unreachable_in_a_row = unreachable_in_a_row + 1 if unreachable else 0
            if unreachable_in_a_row >= give_up_after_unreachable:
                give_up.set()

    def work(text: str) -> tuple[str, str] | None:
        if give_up.is_set():
            return None
        started = time.monotonic()
        try:
            data, attempts = _render_with_retries(render, engine, text, deadline_seconds, retries, backoff_seconds,
                                                  sleep)
        except EngineError as exc:
            count_unreachable(isinstance(exc, EngineUnreachable))
            raise
        count_unreachable(False)
        cache.store(audio_key(text, engine.name, engine.voice, engine.fmt), engine.fmt, data)
        retried = f" after {attempts} retries" if attempts else ""
        return text, f"rendered in {time.monotonic() - started:.1f} s{retried}"

    with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
        futures = {pool.submit(work, text): text for text in todo}
        for future in as_completed(futures):
            try:
                result = future.result()
                if result is None:
                    summary.not_tried += 1
                    continue
                outcome = result[1]
                summary.rendered += 1
                if "retries" in outcome:
                    summary.retried += 1
            except EngineError as exc:
                summary.failed.append((futures[future], str(exc)))
                outcome = f"failed: {futures[future][:50]!r}: {exc}"
            done += 1
            if on_progress:
                on_progress(done, len(unique), outcome)
    summary.unreachable = give_up.is_set()
    return summary
