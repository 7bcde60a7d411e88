"""The top entries of a py-spy profile of the app server, as a table of numbers.

Record a profile of the server while bench/load_classroom.py drives it (30 phones sign
in at once, then tap through a lesson and its quiz), then print its top entries:

    .venv/bin/py-spy record --subprocesses --rate 200 --format raw -o /tmp/prof.txt -- \\
        .venv/bin/python bench/load_classroom.py --learners 30
    .venv/bin/python bench/profile_top.py /tmp/prof.txt            # top 25
    .venv/bin/python bench/profile_top.py /tmp/prof.txt --top 40 --match signin

py-spy (``pip install py-spy``, in requirements-dev.txt) samples every thread of every
process it started; ``--format raw`` writes one line per distinct stack with its count.
This keeps the samples of the ``manage.py serve`` process only (the benchmark's own
driver is left out) and prints, per function (name and file, lines merged):
- "self %": samples where the function itself was running (where the time goes);
- "total %": samples where it was anywhere on the stack (what it costs with callees).
Percentages are of the server's samples (py-spy leaves idle threads out). ``--match``
keeps only the functions whose file or name contains the text. Numbers only: nothing
passes or fails.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

_FRAME = re.compile(r"^(?P<name>.*?) \((?P<file>[^()]*?)(?::\d+)?\)$")
_SITE = re.compile(r".*/(site-packages|lib/python3\.\d+)/")


def frame_key(frame: str) -> str:
    """'render (streamlit/x.py)' from py-spy's 'render (/…/site-packages/streamlit/x.py:12)'."""
    match = _FRAME.match(frame.strip())
    if not match:
        return frame.strip()
    path = _SITE.sub("", match.group("file"))
    path = re.sub(r"^/tmp/[^/]+/app/", "", path)  # the benchmark's copy of the project
    return f"{match.group('name')} ({path})"


def read_server_stacks(path: Path, process_text: str) -> list[tuple[list[str], int]]:
    stacks = []
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        stack, _, count = line.rpartition(" ")
        if not stack or not count.isdigit():
            continue
        frames = stack.split(";")
        processes = [f for f in frames if f.startswith("process ")]  # parent first, then children
        if processes and process_text not in processes[-1]:
            continue
        frames = [f for f in frames if not f.startswith(("process ", "thread "))]
        if not frames:
            continue
        stacks.append(([frame_key(f) for f in frames], int(count)))
    return stacks


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("profile", type=Path, help="py-spy --format raw output")
    parser.add_argument("--top", type=int, default=25, help="rows per table")
    parser.add_argument("--process", default="manage.py serve", help="keep the process whose command has this")
    parser.add_argument("--match", default="", help="only functions whose name or file contains this")
    args = parser.parse_args()
    stacks = read_server_stacks(args.profile, args.process)
    samples = sum(count for _, count in stacks)
    if not samples:
        print(f"no samples of a process with {args.process!r} in {args.profile}")
        return 1
    own: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for frames, count in stacks:
        own[frames[-1]] += count
        for key in set(frames):
            total[key] += count
    print(f"{samples} samples of the server ({args.profile})")
    for title, counter in (("self %", own), ("total %", total)):
        print(f"\n{title:>8}  function (file)")
        rows = [(key, n) for key, n in counter.most_common() if args.match in key][:args.top]
        for key, n in rows:
            print(f"{100 * n / samples:>8.1f}  {key}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
