"""Narration coverage: for each lesson, how much of what it says plays with which voice.

Each text counts once, under the voice the narrator (media/narration.py) would give it:
a volunteer's recording, a pre-rendered gTTS file, the temporary machine voice
(espeak-ng: a cached file, or rendered the first time it is played when espeak-ng runs
on this machine), or nothing. A phone with its own Vietnamese voice speaks the last
two kinds with that voice instead (ui/audio_player.py); only the phone can tell, so
the counts here are what a phone without one hears.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

from catalog.loading import Catalog
from catalog.narratable import lesson_texts
from media.audio_cache import AudioCache, audio_key, text_fingerprint
from media.speech_text import normalise_for_speech


# Read-only members (properties), so frozen dataclasses such as PrerenderedVoice and
# RecordingInfo fit as well as engines with plain attributes.
class Voice(Protocol):
    @property
    def name(self) -> str: ...
    @property
    def voice(self) -> str: ...
    @property
    def fmt(self) -> str: ...


class RecordingRef(Protocol):
    @property
    def lesson_id(self) -> str: ...
    @property
    def step_id(self) -> str: ...
    @property
    def text_hash(self) -> str: ...


@dataclass(frozen=True)
class LessonCoverage:
    lesson_id: str
    title: str
    texts: int
    recorded: int
    prerendered: int
    fallback: int  # the temporary machine voice
    missing: int

    def percent(self, count: int) -> int:
        return round(100 * count / self.texts) if self.texts else 0


def _has(cache: AudioCache, text: str, voice: Voice) -> bool:
    return cache.find(audio_key(text, voice.name, voice.voice, voice.fmt), voice.fmt) is not None


def catalogue_coverage(
    catalog: Catalog, cache: AudioCache, prerendered: Voice, fallback: Voice | None,
    recordings: Iterable[RecordingRef], fallback_live: bool = False,
) -> list[LessonCoverage]:
    """Each text counts once, under its best voice: recorded > pre-rendered > fallback > none.
    A recording counts only if it matches the step's current text. ``fallback_live``: the
    fallback engine works on this machine, so a text with no file yet is rendered when it
    is first played, and counts as the fallback voice rather than as nothing."""
    current = {(r.lesson_id, r.step_id, r.text_hash) for r in recordings}
    rows = []
    for lesson in catalog.lessons_in_order():
        recorded_texts = {
            normalise_for_speech(step.narrated) for step in lesson.steps
            if (lesson.id, step.id, text_fingerprint(step.narrated)) in current
        }
        counts = {"recorded": 0, "prerendered": 0, "fallback": 0, "missing": 0}
        texts = list(dict.fromkeys(normalise_for_speech(t) for t in lesson_texts(catalog, lesson.id) if t.strip()))
        for text in texts:
            if text in recorded_texts:
                counts["recorded"] += 1
            elif _has(cache, text, prerendered):
                counts["prerendered"] += 1
            elif fallback is not None and (fallback_live or _has(cache, text, fallback)):
                counts["fallback"] += 1
            else:
                counts["missing"] += 1
        rows.append(LessonCoverage(lesson.id, lesson.title, len(texts), **counts))
    return rows


def total_coverage(rows: Iterable[LessonCoverage], title: str) -> LessonCoverage:
    """The sum of several lessons' rows, as one row (``lesson_id`` empty)."""
    rows = list(rows)
    return LessonCoverage(
        "", title, sum(r.texts for r in rows), sum(r.recorded for r in rows), sum(r.prerendered for r in rows),
        sum(r.fallback for r in rows), sum(r.missing for r in rows),
    )
