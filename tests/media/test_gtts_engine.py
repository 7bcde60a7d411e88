"""The real gTTS code against a faked HTTP layer; never the network."""

import time

import pytest
import requests
import responses

from media.audio_cache import AudioCache, audio_key
from media.engines import EngineError, GttsEngine
from media.prerender import DeadlineExceeded, prerender, render_with_deadline
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
def test_connection_error_becomes_engine_error():
    responses.add(responses.POST, URL, body=requests.ConnectionError("no route to host"))
    with pytest.raises(EngineError, match="gTTS"):
        GttsEngine().render("Xin chào bà con.")


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
