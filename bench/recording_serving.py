"""Volunteer recordings served from the database: what a play costs, cold and warm.

Run from the project folder with the project's virtualenv (under a minute):

    .venv/bin/python bench/recording_serving.py
    .venv/bin/python bench/recording_serving.py --recordings 300 --database-url postgresql+psycopg://postgres@127.0.0.1:5432/bench

What it does: on a fresh SQLite file in a temporary folder (or the migrated database of
--database-url, whose ``recording_audio`` and ``recordings`` tables it empties first),
saves --recordings recordings of --kb KB each with ``progress.recordings.save_recording``,
then asks ``/recordings/<name>`` for each of them through the app's route
(``access/recording_route.py``, Starlette's TestClient, in this process): once cold
(every name read from the database) and --rounds times warm (from the process's
cache). Prints per request: median and p95 in ms, cold and warm; the cache's bytes
after the run and its bound; and the process's peak RSS. Numbers, not a pass/fail test.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import sys
import tempfile
import time
import warnings
from pathlib import Path

sys.dont_write_bytecode = True
PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))
warnings.filterwarnings("ignore", message="Using `httpx`")  # starlette's TestClient on httpx

from sqlalchemy import text  # noqa: E402
from starlette.applications import Starlette  # noqa: E402
from starlette.routing import Route  # noqa: E402
from starlette.testclient import TestClient  # noqa: E402

from access import recording_route  # noqa: E402
from media.recording_files import recording_name  # noqa: E402
from progress.database import connect, upgrade_to_head  # noqa: E402
from progress.recording_audio_cache import RecordingAudioCache  # noqa: E402
from progress.recordings import RecordingInfo, save_recording  # noqa: E402


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--recordings", type=int, default=200)
    parser.add_argument("--kb", type=int, default=30, help="size of each recording (KB); ~30 KB is typical")
    parser.add_argument("--rounds", type=int, default=5, help="warm passes over every recording")
    parser.add_argument("--database-url", default="")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as folder:
        url = args.database_url or f"sqlite:///{Path(folder) / 'bench.db'}"
        upgrade_to_head(url)
        db = connect(url)
        with db.begin() as session:
            session.execute(text("DELETE FROM recordings"))
            session.execute(text("DELETE FROM recording_audio"))
        names = []
        for index in range(args.recordings):
            audio = index.to_bytes(4, "big") * (args.kb * 256)
            name = recording_name(audio)
            save_recording(db, RecordingInfo("bai", f"buoc-{index}", "vi", "v1", name, 3000, len(audio)), None, audio)
            names.append(name)
        cache = RecordingAudioCache(db)
        recording_route._cache = lambda: cache  # the app's cache, on this database
        client = TestClient(Starlette(routes=[Route(recording_route.ROUTE, recording_route.recording_route)]))

        def timed_pass() -> list[float]:
            times = []
            for name in names:
                start = time.perf_counter()
                response = client.get(f"/recordings/{name}")
                times.append((time.perf_counter() - start) * 1000)
                assert response.status_code == 200 and len(response.content) == args.kb * 1024
            return times

        cold = timed_pass()
        warm = [ms for _ in range(args.rounds) for ms in timed_pass()]
    print(f"database: {'PostgreSQL' if url.startswith('postgresql') else 'SQLite'}; "
          f"{args.recordings} recordings of {args.kb} KB")
    for label, times in (("cold (read from the database)", cold), ("warm (process cache)         ", warm)):
        print(f"{label}: median {statistics.median(times):.2f} ms, p95 {percentile(times, 0.95):.2f} ms")
    print(f"cache holds {cache.kept_bytes / 1e6:.1f} MB (bound {cache.max_bytes / 1e6:.1f} MB); "
          f"peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")


if __name__ == "__main__":
    main()
