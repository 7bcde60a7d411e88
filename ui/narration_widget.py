"""Narration on a page: the best clip for a text, shown as a big "Nghe" button."""

from __future__ import annotations

import hashlib

from lessons.models import Step
from media.audio_cache import text_fingerprint
from media.languages import fallback_chain
from media.narration import RECORDED, AudioClip
from media.speech_text import normalise_for_speech
from progress.learners import LearnerInfo
from progress.recordings import RecordingInfo, current_recording
from ui import resources
from ui.audio_player import audio_button


def describe(clip: AudioClip) -> str:
    """'12 giây · 45 KB · giọng máy tạm thời': what a tap will cost and sound like."""
    parts = []
    if clip.duration_seconds:
        parts.append(f"{max(1, round(clip.duration_seconds))} giây")
    parts.append(f"{max(1, round(clip.size_bytes / 1024))} KB")
    if clip.engine == RECORDED:
        parts.append("giọng ghi âm")
    elif clip.temporary_voice:
        parts.append("giọng máy tạm thời")
    return " · ".join(parts)


def narrate(text: str, slot: str, label: str = "Nghe", clip: AudioClip | None = None, autoplay: bool = False) -> None:
    """A "Nghe" button for ``text``; ``clip`` overrides the voice (a recording). The phone's
    own voice gets the text normalised as for the audio files (cached, so cheap per rerun)."""
    clip = clip or resources.narrator().clip_for(text)
    key = "say_" + slot + "_" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:10]
    speech = normalise_for_speech(text)
    if clip is None:
        audio_button(key, text, speech, None, natural=False, meta="", label=label, autoplay=autoplay)
    else:
        audio_button(key, text, speech, clip.url, natural=clip.natural, meta=describe(clip), label=label,
                     autoplay=autoplay)


def plays_by_itself(learner: LearnerInfo | None) -> bool:
    """Narration starts without a tap when the learner turned autoplay on, never in
    data-saving mode; otherwise the learner taps "Nghe"."""
    return learner is not None and learner.autoplay and not learner.save_data


def recorded_clip(recording: RecordingInfo) -> AudioClip:
    """A volunteer's recording as a clip the player fetches by URL (from the database)."""
    return resources.narrator().recorded_clip(recording.file_name, recording.size_bytes, recording.duration_ms)


def narrate_step(step: Step, recordings: list[RecordingInfo], learner: LearnerInfo) -> None:
    """A step's audio: a volunteer's recording in the learner's language, else Vietnamese.
    Plays by itself when the learner turned autoplay on (never in data-saving mode)."""
    chain = fallback_chain(learner.narration_language)
    recording = current_recording(recordings, step.id, text_fingerprint(step.narrated), chain)
    clip = recorded_clip(recording) if recording else None
    narrate(step.narrated, "step", clip=clip, autoplay=plays_by_itself(learner))
