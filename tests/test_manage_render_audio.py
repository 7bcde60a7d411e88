"""`manage.py render-audio` on a laptop without internet: it stops early and says what to do."""

import requests
import responses

import manage
from media.audio_cache import AudioCache
from tests.media.fake_google import URL

OFFLINE = ("HTTPSConnectionPool(host='translate.google.com', port=443): Max retries exceeded with url: "
           "/_/TranslateWebserverUi/data/batchexecute (Caused by NameResolutionError: Failed to resolve)")


@responses.activate
def test_gtts_without_internet_stops_early_with_the_whole_error_and_a_hint(tmp_path, monkeypatch, capsys):
    responses.add(responses.POST, URL, body=requests.ConnectionError(OFFLINE))
    monkeypatch.setattr("commands.audio._audio_cache", lambda: AudioCache(tmp_path))
    assert manage.main(["render-audio"]) == 1
    captured = capsys.readouterr()
    assert OFFLINE in captured.out  # the whole reason, not its first 60 characters
    failed = int(captured.out.split("failed ")[-1].split(",")[0])
    not_tried = int(captured.out.split("not tried ")[-1].split()[0])
    assert 3 <= failed <= 5 and not_tried > 100  # three in a row, plus the calls already under way
    assert "no internet" in captured.err and "--engine espeak" in captured.err and "unpack-audio" in captured.err
