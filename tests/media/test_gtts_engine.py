"""The real gTTS code against a faked HTTP layer; never the network."""

import time

import pytest
import requests
import responses

from media.audio_cache import AudioCache, audio_key
from media.engines import GttsEngine
from media.prerender import DeadlineExceeded, prerender, render_with_deadline
from media.speech_engine import EngineError, EngineUnreachable
from tests.media.fake_google import FAKE_MP3, URL, reply_body, sent_text_and_lang

LONG_TEXT = (
    "Không ai được hỏi mã OTP của bác, kể cả công an và ngân hàng. Khi có người gọi tự xưng công an, "
    "bác gác máy, rồi đến Công an xã để hỏi trực tiếp. Bác nhớ báo cho con cháu biết nữa nhé."
)


@responses.activate
def test_renders_vietnamese_in_chunks_and_joins_the_audio():
    seen = []

    def reply(request):
        seen.append(sent_text_and_lang(request))
        return (200, {}, reply_body())

    responses.add_callback(responses.POST, URL, callback=reply)
    audio = GttsEngine().render(LONG_TEXT)
    assert len(seen) >= 2, "gTTS splits long texts into chunks of at most 100 characters"
    assert all(lang == "vi" for _, lang in seen)
    assert all(len(text) <= 100 for text, _ in seen)
    assert " ".join(text for text, _ in seen).replace("  ", " ").startswith("Không ai được hỏi mã OTP")
    assert audio == FAKE_MP3 * len(seen)


@pytest.mark.parametrize(
    "status, body, message",
    [
        (429, "", "429"),
        (500, "", "500"),
        (503, "", "503"),
        (403, "", "403"),
        (200, ")]}'\n\n[]", "no audio"),
        (200, ')]}\'\n\n[["wrb.fr","jQ1olc",null]]', "200"),
    ],
)
@responses.activate
def test_upstream_errors_become_engine_errors(status, body, message):
    responses.add(responses.POST, URL, status=status, body=body)
    with pytest.raises(EngineError, match=message):
        GttsEngine().render("Xin chào bà con.")


@responses.activate
def test_connection_error_says_the_engine_is_unreachable_and_why():
    responses.add(responses.POST, URL, body=requests.ConnectionError("no route to host"))
    with pytest.raises(EngineUnreachable, match="could not connect to translate.google.com: no route to host"):
        GttsEngine().render("Xin chào bà con.")


@responses.activate
def test_an_offline_machine_stops_after_three_unreachable_texts_in_a_row(tmp_path):
    responses.add(responses.POST, URL, body=requests.ConnectionError("Failed to resolve 'translate.google.com'"))
    texts = [f"Câu số {i}." for i in range(20)]
    summary = prerender(texts, GttsEngine(), AudioCache(tmp_path), deadline_seconds=20, retries=3,
                        sleep=lambda s: pytest.fail("a connection failure is not retried"))
    assert summary.unreachable
    assert (len(summary.failed), summary.not_tried, summary.rendered) == (3, 17, 0)
    assert "Failed to resolve 'translate.google.com'" in summary.failed[0][1]


def test_other_failures_between_connection_failures_do_not_stop_the_run(tmp_path):
    answers = iter([EngineUnreachable("offline"), EngineUnreachable("offline"), EngineError("gTTS: 403"),
                    EngineUnreachable("offline"), EngineUnreachable("offline"), b"mp3"])

    def render(engine, text, deadline):  # type: ignore[no-untyped-def]
        answer = next(answers)
        if isinstance(answer, Exception):
            raise answer
        return answer

    summary = prerender([f"Câu {i}." for i in range(6)], GttsEngine(), AudioCache(tmp_path), deadline_seconds=5,
                        render=render)
    assert not summary.unreachable and (len(summary.failed), summary.rendered) == (5, 1)


@responses.activate
def test_a_stalled_call_is_killed_at_the_deadline():
    def stall(request):
        time.sleep(60)
        return (200, {}, reply_body())

    responses.add_callback(responses.POST, URL, callback=stall)
    started = time.monotonic()
    with pytest.raises(DeadlineExceeded):
        render_with_deadline(GttsEngine(), "Xin chào bà con.", deadline_seconds=1.0)
    assert time.monotonic() - started < 30  # killed, not waited out (generous bound for busy machines)


@responses.activate
def test_render_with_deadline_returns_audio_from_the_worker():
    responses.add(responses.POST, URL, body=reply_body())
    assert render_with_deadline(GttsEngine(), "Xin chào bà con.", deadline_seconds=20) == FAKE_MP3


@responses.activate
def test_prerender_reports_failures_and_a_second_run_renders_nothing(tmp_path):
    calls = []

    def reply(request):
        text, _ = sent_text_and_lang(request)
        calls.append(text)
        return (500, {}, "") if "hỏng" in text else (200, {}, reply_body())

    responses.add_callback(responses.POST, URL, callback=reply)
    cache = AudioCache(tmp_path)
    engine = GttsEngine()
    texts = ["Bước một.", "Bước hai.", "Bước một.", "Câu này hỏng."]
    first = prerender(texts, engine, cache, deadline_seconds=20)
    assert (first.rendered, first.cached, len(first.failed)) == (2, 0, 1)
    assert first.failed[0][0] == "Câu này hỏng."
    assert cache.find(audio_key("Bước hai.", "gtts", "vi", "mp3"), "mp3").read_bytes() == FAKE_MP3

    second = prerender(texts[:3], engine, cache, deadline_seconds=20)
    assert (second.rendered, second.cached, second.failed) == (0, 2, [])


def in_process(engine, text, deadline):  # type: ignore[no-untyped-def]
    """The real gTTS call without the child process, so the faked HTTP answers can
    change from one call to the next (a forked child cannot report back its state)."""
    return engine.render(text)


@responses.activate
def test_rate_limited_and_server_errors_are_retried_with_backoff(tmp_path):
    answers = iter([(429, {}, ""), (503, {}, ""), (200, {}, reply_body())])
    responses.add_callback(responses.POST, URL, callback=lambda request: next(answers))
    waits = []
    summary = prerender(["Xin chào bà con."], GttsEngine(), AudioCache(tmp_path), deadline_seconds=20,
                        retries=3, backoff_seconds=1.5, sleep=waits.append, render=in_process)
    assert (summary.rendered, summary.retried, summary.failed) == (1, 1, [])
    assert waits == [1.5, 3.0]  # exponential backoff


@responses.activate
def test_a_refused_request_is_not_retried(tmp_path):
    calls = []
    responses.add_callback(responses.POST, URL, callback=lambda request: calls.append(1) or (403, {}, ""))
    summary = prerender(["Xin chào bà con."], GttsEngine(), AudioCache(tmp_path), deadline_seconds=20,
                        retries=3, sleep=lambda s: None, render=in_process)
    assert len(summary.failed) == 1 and "403" in summary.failed[0][1]
    assert len(calls) == 1


def test_no_more_than_the_worker_limit_render_at_once(tmp_path):
    import threading

    active, peak, lock = [0], [0], threading.Lock()

    def slow_render(engine, text, deadline):  # type: ignore[no-untyped-def]
        with lock:
            active[0] += 1
            peak[0] = max(peak[0], active[0])
        time.sleep(0.05)
        with lock:
            active[0] -= 1
        return b"mp3:" + text.encode()

    progress = []
    texts = [f"Câu số {i}." for i in range(12)]
    summary = prerender(texts, GttsEngine(), AudioCache(tmp_path), deadline_seconds=5, workers=3,
                        render=slow_render, on_progress=lambda done, total, outcome: progress.append((done, total)))
    assert summary.rendered == 12 and peak[0] == 3
    assert progress[-1] == (12, 12) and [d for d, _ in progress] == list(range(1, 13))


@pytest.fixture
def trickling_server():
    """A local server that answers gTTS one byte every 0.3 s: gTTS's per-read timeout
    never fires, so only the killed worker ends the call."""
    import http.server
    import threading

    stop = threading.Event()

    class Trickle(http.server.BaseHTTPRequestHandler):
        def do_POST(self):  # noqa: N802
            self.rfile.read(int(self.headers.get("Content-Length", 0)))
            self.send_response(200)
            self.send_header("Content-Length", "100000")
            self.end_headers()
            for _ in range(200):
                if stop.is_set():
                    return
                try:
                    self.wfile.write(b")")
                    self.wfile.flush()
                except OSError:
                    return
                time.sleep(0.3)

        def log_message(self, *args):  # silence
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Trickle)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/batchexecute"
    stop.set()
    server.shutdown()


def test_a_trickling_link_is_ended_at_the_deadline_and_reported(tmp_path, monkeypatch, trickling_server):
    import gtts.tts

    monkeypatch.setattr(gtts.tts, "_translate_url", lambda tld="com", path="": trickling_server)
    started = time.monotonic()
    summary = prerender(["Xin chào bà con."], GttsEngine(timeout=5), AudioCache(tmp_path), deadline_seconds=1.5)
    assert time.monotonic() - started < 15
    assert summary.rendered == 0 and len(summary.failed) == 1
    assert "within 1.5 s" in summary.failed[0][1]
