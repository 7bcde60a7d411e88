"""Benchmark: pre-rendering the whole catalogue with the offline voice (espeak-ng).

Run from the project folder with the project's virtualenv:

    python bench/narration_build.py [--limit N] [--workers W]

It renders every narratable text (lesson steps with tips, questions, options,
explanations, practice hints, UI phrases) into a temporary cache with the same code
as `manage.py render-audio --engine espeak`, then prints: texts, wall time, ms per
text, audio minutes, bytes per minute of audio, and a second run over the unchanged
catalogue (expected: 0 rendered). Nothing touches the project's own cache.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from catalog.loading import load_catalog  # noqa: E402
from media.audio_cache import AudioCache  # noqa: E402
from media.audio_file import inspect_audio  # noqa: E402
from media.engines import offline_voice  # noqa: E402
from media.prerender import prerender  # noqa: E402
from media.ui_phrases import texts_to_prerender  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit", type=int, default=0, help="render only the first N texts (0 = all)")
    parser.add_argument("--workers", type=int, default=2, help="renders at once (default 2 = the cores here)")
    args = parser.parse_args()
    engine = offline_voice()
    if not engine.available():
        print("espeak-ng is not installed (apt-get install espeak-ng, or pip install espeakng-loader).",
              file=sys.stderr)
        return 2
    catalog = load_catalog(ROOT / "lessons" / "content", ROOT / "quizzes" / "content")
    texts = texts_to_prerender(catalog)
    if args.limit:
        texts = texts[: args.limit]
    with tempfile.TemporaryDirectory(prefix="narration-bench-") as folder:
        cache = AudioCache(Path(folder))
        started = time.perf_counter()
        first = prerender(texts, engine, cache, deadline_seconds=30, workers=args.workers)
        first_s = time.perf_counter() - started
        files = list(Path(folder).glob("*.mp3"))
        total_bytes = sum(f.stat().st_size for f in files)
        seconds = sum(inspect_audio(f.read_bytes()).duration_seconds for f in files)
        started = time.perf_counter()
        second = prerender(texts, engine, cache, deadline_seconds=30, workers=args.workers)
        second_s = time.perf_counter() - started
    minutes = seconds / 60
    print(f"engine            espeak-ng -v {engine.voice} -> {engine.fmt} 32 kbit/s mono, {args.workers} workers")
    print(f"texts             {len(texts)} unique ({len(catalog.lessons)} lessons)")
    print(f"first build       {first.rendered} rendered, {len(first.failed)} failed in {first_s:.1f} s "
          f"({1000 * first_s / max(1, first.rendered):.0f} ms per text)")
    print(f"audio             {minutes:.1f} minutes in {total_bytes / 1e6:.1f} MB = "
          f"{total_bytes / 1024 / max(minutes, 1e-9):.0f} KB per minute")
    print(f"rebuild unchanged {second.rendered} rendered, {second.cached} already cached in {second_s:.2f} s")
    return 0 if not first.failed and second.rendered == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
