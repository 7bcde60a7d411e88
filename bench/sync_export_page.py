"""What the export page ("📤 Xuất dữ liệu để nộp lên xã") costs on each rerun: the
counts of what is waiting, read from a village laptop of N learners (SQLite, filled by
bench/sync_laptop_data.py). Before: the whole pending payload was built to count it
(``collect_payload``); now one COUNT per kind (``progress/sync/pending.py``).

    .venv/bin/python bench/sync_export_page.py                # 300 learners
    .venv/bin/python bench/sync_export_page.py --learners 50 --runs 3
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.dont_write_bytecode = True
PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))

from bench.sync_laptop_data import catalogue_lessons, laptop_rows, write_rows  # noqa: E402
from progress.database import connect, upgrade_to_head  # noqa: E402
from progress.sync.bundle_file import count_kinds  # noqa: E402
from progress.sync.collect import collect_payload  # noqa: E402
from progress.sync.pending import pending_counts  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--learners", type=int, default=300)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{Path(folder) / 'laptop.db'}"
        upgrade_to_head(url)
        db = connect(url)
        write_rows(db, laptop_rows(1, args.learners, catalogue_lessons(), random.Random(1)))
        for name, count in (("whole payload (before)", lambda: count_kinds(collect_payload(
                db, since=None, group_ids=None, include_trainers=False, include_audio=False))),
                            ("COUNT per kind (now)", lambda: pending_counts(db, None))):
            times = []
            for _ in range(args.runs):
                start = time.perf_counter()
                counts = count()
                times.append(time.perf_counter() - start)
            print(f"{name:<24} median {statistics.median(times) * 1000:7.1f} ms   "
                  + ", ".join(f"{kind} {n}" for kind, n in counts.items() if n))
        db.kw["bind"].dispose()


if __name__ == "__main__":
    main()
