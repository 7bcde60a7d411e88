"""A fake of Google Translate's TTS endpoint for the real gTTS code (via `responses`)."""

from __future__ import annotations

import base64
import json
import re
import urllib.parse

URL = re.compile(r"https://translate\.google\.com/_/TranslateWebserverUi/data/batchexecute.*")
FAKE_MP3 = b"\xff\xf3\x44\xc4" + b"\x00" * 60  # bytes only need to round-trip


def reply_body(audio: bytes = FAKE_MP3) -> str:
    inner = json.dumps([base64.b64encode(audio).decode()], separators=(",", ":"))
    payload = json.dumps([["wrb.fr", "jQ1olc", inner, None, None, None, "generic"]], separators=(",", ":"))
    return f")]}}'\n\n{len(payload)}\n{payload}"


def sent_text_and_lang(request) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    """Decode what gTTS posted: [[["jQ1olc","[\\"text\\",\\"vi\\",null,\\"null\\"]",null,"generic"]]]."""
    form = urllib.parse.parse_qs(request.body if isinstance(request.body, str) else request.body.decode())
    rpc = json.loads(form["f.req"][0])
    text, lang = json.loads(rpc[0][0][1])[:2]
    return text, lang
