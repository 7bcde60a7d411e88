"""Timings of the staff pages' data on a province's worth of data (bench/area_data.py).

    .venv/bin/python bench/area_data.py data/bench-area.db        # once, ~1-2 min
    .venv/bin/python bench/area_reports.py data/bench-area.db
    .venv/bin/python bench/area_reports.py --database-url postgresql+psycopg://postgres@127.0.0.1:5432/bench_reports

Times, as the median (and min, max) of --runs runs after one warm-up run, each on a
fresh connection pool of the app's own engine (progress.database.connect):
- "group dashboard": the data the dashboard reads for the group of 243 learners
  (lesson_states.group_progress, support.support_needs, attempts.recent_attempts);
  goal ≤ 300 ms.
- "difficult questions": difficult_questions.difficult_questions for that group's team
  (``time_difficult_questions``); goal ≤ 1 s.
- "province report": area_report.area_report for every group, all of 2026; goal ≤ 2 s.
Then, with --plans (default on), the query plan of every statement the dashboard and
the province report ran (EXPLAIN QUERY PLAN on SQLite, EXPLAIN on PostgreSQL), long
lines cut. Numbers only: nothing here passes or fails (these machines are shared).
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.dont_write_bytecode = True
PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))

from sqlalchemy import event, select  # noqa: E402

from catalog.loading import Catalog, load_catalog  # noqa: E402
from progress.database import Database, connect  # noqa: E402
from progress.models import LearnerGroup, Team  # noqa: E402
from progress.reports.area_report import ReportPeriod, area_report  # noqa: E402
from progress.reports.attempts import recent_attempts  # noqa: E402
from progress.reports.lesson_states import group_progress  # noqa: E402
from progress.reports.support import support_needs  # noqa: E402

YEAR = ReportPeriod(dt.date(2026, 1, 1), dt.date(2026, 12, 31))
DASHBOARD_GROUP = 1  # bench/area_data.py gives group 1 its 243 learners


def dashboard(db: Database, catalog: Catalog) -> None:
    rows = group_progress(db, DASHBOARD_GROUP)
    support_needs(db, catalog, rows)
    recent_attempts(db, [row.learner_id for row in rows])


def time_difficult_questions(db: Database, catalog: Catalog) -> Callable[[], object] | None:
    """The difficult-questions view for the team of the dashboard's group (quiz answers
    only, as the dashboard opens it), or None on a checkout without
    progress/reports/difficult_questions.py."""
    try:
        from progress.reports import difficult_questions
    except ImportError:
        return None
    with db() as session:
        team_id = session.scalar(select(LearnerGroup.team_id).where(LearnerGroup.id == DASHBOARD_GROUP))
        team_groups = list(session.scalars(select(LearnerGroup.id).where(LearnerGroup.team_id == team_id)))
    view: Any = difficult_questions.difficult_questions
    return lambda: view(db, catalog, team_groups)


def province(db: Database, catalog: Catalog) -> None:
    with db() as session:
        groups = list(session.scalars(select(LearnerGroup.id)))
        teams = list(session.scalars(select(Team.id)))
    area_report(db, catalog, groups, YEAR, team_ids=teams)


def measure(url: str, work: Callable[[Database], object], runs: int) -> list[float]:
    times = []
    for run in range(runs + 1):
        db = connect(url)
        try:
            started = time.perf_counter()
            work(db)
            if run:  # the first run warms the disk cache and the imports
                times.append(time.perf_counter() - started)
        finally:
            db.kw["bind"].dispose()
    return times


def statements(url: str, work: Callable[[Database], object]) -> list[tuple[str, Any]]:
    db = connect(url)
    seen: list[tuple[str, Any]] = []
    engine = db.kw["bind"]

    def keep(_conn, _cursor, statement, parameters, _context, _many) -> None:  # type: ignore[no-untyped-def]
        seen.append((statement, parameters))

    event.listen(engine, "before_cursor_execute", keep)
    work(db)
    event.remove(engine, "before_cursor_execute", keep)
    db.kw["bind"].dispose()
    return seen


def print_plans(url: str, label: str, work: Callable[[Database], object], width: int) -> None:
    db = connect(url)
    explain = "EXPLAIN QUERY PLAN " if url.startswith("sqlite") else "EXPLAIN "
    print(f"\n== plans: {label}")
    with db() as session:
        connection = session.connection()
        for number, (statement, parameters) in enumerate(statements(url, work), start=1):
            if not statement.lstrip().upper().startswith(("SELECT", "WITH")):
                continue
            print(f"-- {number}: {' '.join(statement.split())[:width]}")
            for row in connection.exec_driver_sql(explain + statement, parameters):
                line = " | ".join(str(value) for value in row) if url.startswith("sqlite") else str(row[0])
                print(f"   {line[:width]}")
    db.kw["bind"].dispose()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("path", nargs="?", default="data/bench-area.db", help="SQLite file (default %(default)s)")
    parser.add_argument("--database-url", help="PostgreSQL URL instead of the SQLite file")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--no-plans", action="store_true", help="timings only")
    parser.add_argument("--width", type=int, default=200, help="cut plan lines at this many characters")
    args = parser.parse_args(argv)
    path = Path(args.path) if Path(args.path).is_absolute() else PROJECT / args.path
    url = args.database_url or f"sqlite:///{path}"
    catalog = load_catalog(PROJECT / "lessons" / "content", PROJECT / "quizzes" / "content")
    cases: list[tuple[str, str, Callable[[Database], object]]] = [
        ("group dashboard (243 learners)", "≤ 0.3 s", lambda db: dashboard(db, catalog)),
        ("difficult questions (a team)", "≤ 1 s", lambda db: (call() if (call := time_difficult_questions(db, catalog))
                                                            else None)),
        ("province report (1,000 groups, 2026)", "≤ 2 s", lambda db: province(db, catalog)),
    ]
    print(f"database: {url.split('@')[-1]}; {args.runs} runs after a warm-up; seconds")
    print(f"{'':40} {'median':>8} {'min':>8} {'max':>8}  goal")
    with_hook = time_difficult_questions(connect(url), catalog) is not None
    for label, goal, work in cases:
        if label.startswith("difficult") and not with_hook:
            print(f"{label:40} {'—':>8} {'':>8} {'':>8}  {goal}  (progress/reports/difficult_questions.py "
                  "is not on this branch: see time_difficult_questions)")
            continue
        times = measure(url, work, args.runs)
        print(f"{label:40} {statistics.median(times):8.3f} {min(times):8.3f} {max(times):8.3f}  {goal}")
    if not args.no_plans:
        print_plans(url, "group dashboard", lambda db: dashboard(db, catalog), args.width)
        print_plans(url, "province report", lambda db: province(db, catalog), args.width)
    return 0


if __name__ == "__main__":
    sys.exit(main())
