from catalog.loading import load_catalog
from catalog.narratable import lesson_texts
from media.audio_cache import AudioCache, audio_key, text_fingerprint
from media.coverage import catalogue_coverage
from media.narration import PrerenderedVoice
from progress.recordings import RecordingInfo
from tests.conftest import FIXTURE_CONTENT

CATALOG = load_catalog(FIXTURE_CONTENT / "lessons", FIXTURE_CONTENT / "quizzes")
GTTS = PrerenderedVoice("gtts", "vi", "mp3")
ESPEAK = PrerenderedVoice("espeak-ng", "vi", "mp3")


def test_each_text_counts_once_under_its_best_voice(tmp_path):
    cache = AudioCache(tmp_path)
    lesson = CATALOG.lessons["bai-mau"]
    texts = list(dict.fromkeys(lesson_texts(CATALOG, "bai-mau")))
    step1, step2 = lesson.steps[:2]
    cache.store(audio_key(lesson.title, "gtts", "vi", "mp3"), "mp3", b"g")
    cache.store(audio_key(step1.narrated, "gtts", "vi", "mp3"), "mp3", b"g")  # also recorded
    cache.store(audio_key(step2.narrated, "espeak-ng", "vi", "mp3"), "mp3", b"e")
    recordings = [
        RecordingInfo("bai-mau", step1.id, "hre", text_fingerprint(step1.narrated), "rec.mp3", 1, 1),
        RecordingInfo("bai-mau", "hai", "vi", "old-version", "old.mp3", 1, 1),  # stale: not counted
    ]
    rows = {row.lesson_id: row for row in catalogue_coverage(CATALOG, cache, GTTS, ESPEAK, recordings)}
    row = rows["bai-mau"]
    assert (row.recorded, row.prerendered, row.fallback) == (1, 1, 1)
    assert row.missing == row.texts - 3 and row.texts == len(texts)
    assert rows["thuc-hanh-mau"].missing == rows["thuc-hanh-mau"].texts
    assert row.percent(row.missing) == round(100 * (row.texts - 3) / row.texts)


def test_with_espeak_on_this_machine_a_text_without_a_file_counts_as_the_temporary_voice(tmp_path):
    """The narrator renders espeak-ng when a text is first played, so nothing is silent."""
    from media.coverage import total_coverage

    cache = AudioCache(tmp_path)
    texts = list(dict.fromkeys(lesson_texts(CATALOG, "bai-mau")))
    cache.store(audio_key(texts[0], "gtts", "vi", "mp3"), "mp3", b"g")
    rows = catalogue_coverage(CATALOG, cache, GTTS, ESPEAK, [], fallback_live=True)
    row = next(r for r in rows if r.lesson_id == "bai-mau")
    assert (row.prerendered, row.fallback, row.missing) == (1, row.texts - 1, 0)
    no_machine_voice = catalogue_coverage(CATALOG, cache, GTTS, None, [], fallback_live=True)
    assert next(r for r in no_machine_voice if r.lesson_id == "bai-mau").missing == row.texts - 1
    total = total_coverage(rows, "Tất cả")
    assert total.texts == sum(r.texts for r in rows) and total.prerendered == 1
    assert total.fallback == total.texts - 1 and total.missing == 0 and total.title == "Tất cả"
