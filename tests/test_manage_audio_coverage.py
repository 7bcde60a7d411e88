"""`manage.py audio-coverage`: per lesson, the share of texts by the voice they play with."""

import manage
from media.audio_cache import AudioCache, audio_key
from media.speech_text import normalise_for_speech
from progress.database import upgrade_to_head
from tests.conftest import FIXTURE_CONTENT


def test_coverage_by_voice_source_with_a_total_and_the_phone_voice_note(tmp_path, monkeypatch, capsys):
    from catalog.loading import load_catalog
    from catalog.narratable import lesson_texts
    from media.engines import offline_voice

    url = f"sqlite:///{tmp_path / 'hoc.db'}"
    upgrade_to_head(url)
    monkeypatch.setenv("BDHVS_DATABASE__URL", url)
    monkeypatch.setenv("BDHVS_CONTENT__LESSONS_DIR", str(FIXTURE_CONTENT / "lessons"))
    monkeypatch.setenv("BDHVS_CONTENT__QUIZZES_DIR", str(FIXTURE_CONTENT / "quizzes"))
    cache = AudioCache(tmp_path / "audio")
    monkeypatch.setattr("commands.audio._audio_cache", lambda: cache)
    catalog = load_catalog(FIXTURE_CONTENT / "lessons", FIXTURE_CONTENT / "quizzes")
    texts = list(dict.fromkeys(normalise_for_speech(t) for t in lesson_texts(catalog, "bai-mau")))
    for text in texts[:2]:  # two gTTS files
        cache.store(audio_key(text, "gtts", "vi", "mp3"), "mp3", b"g")
    machine = offline_voice()
    cache.store(audio_key(texts[2], machine.name, machine.voice, machine.fmt), machine.fmt, b"e")

    assert manage.main(["audio-coverage"]) == 0
    out = capsys.readouterr().out
    lines = {line.split(" | ")[0].strip("| "): line for line in out.splitlines() if line.startswith("| ")}
    n = len(texts)
    others = len(set(normalise_for_speech(t) for t in lesson_texts(catalog, "thuc-hanh-mau")))
    live = machine.available()
    temporary, silent = (n - 2, 0) if live else (1, n - 3)
    assert lines["bai-mau"] == (f"| bai-mau | {n} | 0 | {round(200 / n)} | {round(100 * temporary / n)} "
                                f"| {round(100 * silent / n)} |")
    assert lines["all lessons"].startswith(f"| all lessons | {n + others} | 0 | {round(200 / (n + others))} |")
    assert f"2 of {n + others} texts have a recording or a gTTS file" in out
    assert "Phones with a Vietnamese voice read the temporary-voice and no-audio texts with their own voice" in out
