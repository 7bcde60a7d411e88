"""A province's worth of data for the report benchmarks (bench/area_reports.py).

    .venv/bin/python bench/area_data.py data/bench-area.db            # SQLite file
    .venv/bin/python bench/area_data.py --database-url postgresql+psycopg://postgres@127.0.0.1:5432/bench_reports

Defaults: 1 province, 25 communes, 300 teams, 1,000 groups (the first has 243 learners,
the group the dashboard benchmark opens), 73,000 learners, each working through the
first lessons of the shipped catalogue over 2026 (lesson progress, quiz attempts with
one answer per question: ≥ 2 million answers), and 21 classes held per group (≥ 20,000)
with participants (a quarter of the group, some guests; one in five entered by hand with
people without an account, one in four with a head count). Seeded (--seed): the same
arguments give the same data. The schema comes from the migrations (alembic upgrade
head); an existing database is emptied first (SQLite: the file is replaced; PostgreSQL:
the public schema is dropped). Rows are written with executemany in one transaction and
fast pragmas on SQLite, and with COPY on PostgreSQL. Prints the row counts and the time.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

sys.dont_write_bytecode = True
PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))

YEAR_START = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
YEAR_SECONDS = 365 * 86400
DASHBOARD_GROUP_SIZE = 243


@dataclass
class Tables:
    """Rows per table, in column order of COLUMNS."""

    rows: dict[str, list[tuple]] = field(default_factory=dict)

    def add(self, table: str, row: tuple) -> None:
        self.rows.setdefault(table, []).append(row)


COLUMNS = {
    "provinces": ("id", "name"),
    "communes": ("id", "province_id", "name"),
    "teams": ("id", "commune_id", "name"),
    "learner_groups": ("id", "name", "team_id", "created_at"),
    "learners": ("id", "group_id", "display_name", "code_hash", "consent_at", "created_at"),
    "lesson_progress": ("id", "learner_id", "lesson_id", "current_step", "steps_done", "seconds_spent",
                        "started_at", "updated_at"),
    "quiz_attempts": ("id", "learner_id", "lesson_id", "correct_count", "question_count", "score_percent",
                      "passed", "pass_mark_percent", "finished_at"),
    "quiz_answers": ("id", "attempt_id", "position", "question_id", "answer", "correct"),
    "class_sessions": ("id", "join_code", "group_id", "place", "lesson_ids", "position", "furthest_position",
                       "version", "head_count", "started_at", "updated_at", "ended_at", "ended_by",
                       "extra_guests", "notes"),
    "class_participants": ("id", "class_id", "learner_id", "guest_number", "joined_at", "last_seen_at"),
}


def at(seconds: float) -> dt.datetime:
    return YEAR_START + dt.timedelta(seconds=min(seconds, YEAR_SECONDS - 1))


def group_sizes(learners: int, groups: int) -> list[int]:
    rest, first = learners - DASHBOARD_GROUP_SIZE, DASHBOARD_GROUP_SIZE
    base, extra = divmod(rest, groups - 1)
    return [first] + [base + (1 if i < extra else 0) for i in range(groups - 1)]


def generate(args: argparse.Namespace) -> Tables:
    from catalog.loading import load_catalog

    catalog = load_catalog(PROJECT / "lessons" / "content", PROJECT / "quizzes" / "content")
    lessons = [(lesson.id, [q.id for q in quiz.questions], len(lesson.steps))
               for lesson in catalog.lessons_in_order() if (quiz := catalog.quiz_for(lesson.id))]
    rnd = random.Random(args.seed)
    out = Tables()
    out.add("provinces", (1, "Tỉnh Quảng Ngãi"))
    for commune in range(1, args.communes + 1):
        out.add("communes", (commune, 1, f"Xã {commune:02d}"))
    for team in range(1, args.teams + 1):
        out.add("teams", (team, (team - 1) % args.communes + 1, f"Tổ công nghệ số {team:03d}"))
    ids = {"learner": 0, "progress": 0, "attempt": 0, "answer": 0, "class": 0, "participant": 0}
    for group, size in enumerate(group_sizes(args.learners, args.groups), start=1):
        out.add("learner_groups", (group, f"Nhóm {group:04d}", (group - 1) % args.teams + 1, YEAR_START))
        members = []
        for _ in range(size):
            ids["learner"] += 1
            learner = ids["learner"]
            members.append(learner)
            start = rnd.random() * YEAR_SECONDS * 0.9
            out.add("learners", (learner, group, f"Học viên {learner}", "bench", at(start), at(start)))
            clock = start
            for lesson_id, questions, steps in lessons[: rnd.choice(LESSONS_TOUCHED)]:
                clock += rnd.random() * 8 * 86400
                tries = 1 + (rnd.random() < 0.35) + (rnd.random() < 0.15)
                for attempt in range(tries):
                    passed = attempt == tries - 1 and rnd.random() < 0.85
                    ids["attempt"] += 1
                    right = 0
                    for position, question_id in enumerate(questions):
                        correct = passed or rnd.random() < 0.5
                        right += correct
                        ids["answer"] += 1
                        out.add("quiz_answers", (ids["answer"], ids["attempt"], position, question_id,
                                                 "a" if correct else "b", correct))
                    score = round(100 * right / len(questions))
                    clock += rnd.random() * 3600
                    out.add("quiz_attempts", (ids["attempt"], learner, lesson_id, right, len(questions), score,
                                              passed, 80, at(clock)))
                ids["progress"] += 1
                out.add("lesson_progress", (ids["progress"], learner, lesson_id, steps - 1, True,
                                            rnd.randint(120, 1800), at(clock - 1800), at(clock)))
        for _ in range(args.classes_per_group):
            add_class(out, ids, rnd, group, members)
    return out


LESSONS_TOUCHED = (0, 1, 2, 3, 4, 4, 5, 5, 6, 6, 7, 8, 9)  # mean 4.6 lessons a learner


def add_class(out: Tables, ids: dict[str, int], rnd: random.Random, group: int, members: list[int]) -> None:
    ids["class"] += 1
    start = rnd.random() * YEAR_SECONDS
    by_hand = rnd.random() < 0.2
    people = rnd.sample(members, max(1, len(members) // 4))
    guests = rnd.randint(0, 4)
    head_count = len(people) + guests + rnd.randint(0, 6) if rnd.random() < 0.25 else None
    out.add("class_sessions", (
        ids["class"], f"{rnd.randint(0, 9999):04d}", group, "Nhà văn hoá thôn", "bai-1", 10, 10, 12, head_count,
        at(start), at(start + 5400), at(start + 5400), "hand" if by_hand else rnd.choice(("trainer", "idle")),
        rnd.randint(0, 8) if by_hand else 0, ""))
    for learner in people:
        ids["participant"] += 1
        out.add("class_participants", (ids["participant"], ids["class"], learner, None, at(start), at(start)))
    for number in range(1, guests + 1):
        ids["participant"] += 1
        out.add("class_participants", (ids["participant"], ids["class"], None, number, at(start), at(start)))


def sqlite_text(value: object) -> object:
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M:%S.%f")
    if isinstance(value, bool):
        return int(value)
    return value


def write_sqlite(path: Path, tables: Tables) -> None:
    import sqlite3

    from progress.database import upgrade_to_head

    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    upgrade_to_head(f"sqlite:///{path}")
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("PRAGMA synchronous=OFF")
    connection.execute("PRAGMA cache_size=-400000")
    with connection:
        for table, columns in COLUMNS.items():
            marks = ",".join("?" * len(columns))
            connection.executemany(f"INSERT INTO {table} ({','.join(columns)}) VALUES ({marks})",
                                   (tuple(map(sqlite_text, row)) for row in tables.rows.get(table, [])))
    connection.execute("ANALYZE")
    connection.close()


def write_postgres(url: str, tables: Tables) -> None:
    import psycopg
    from sqlalchemy import create_engine, text

    from progress.database import upgrade_to_head

    engine = create_engine(url)
    with engine.begin() as connection:
        connection.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
        connection.execute(text("CREATE SCHEMA public"))
    engine.dispose()
    upgrade_to_head(url)
    with psycopg.connect(url.replace("postgresql+psycopg://", "postgresql://")) as connection:
        with connection.cursor() as cursor:
            for table, columns in COLUMNS.items():
                with cursor.copy(f"COPY {table} ({','.join(columns)}) FROM STDIN") as copy:
                    for row in tables.rows.get(table, []):
                        copy.write_row(row)
                if "id" in columns:
                    cursor.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                                   f"(SELECT coalesce(max(id), 1) FROM {table}))")
        connection.commit()
        connection.autocommit = True
        connection.execute("VACUUM ANALYZE")


def counts(tables: Tables) -> Iterator[str]:
    for table in COLUMNS:
        yield f"{table} {len(tables.rows.get(table, [])):,}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("path", nargs="?", default="data/bench-area.db", help="SQLite file (default %(default)s)")
    parser.add_argument("--database-url", help="PostgreSQL URL instead of the SQLite file")
    parser.add_argument("--communes", type=int, default=25)
    parser.add_argument("--teams", type=int, default=300)
    parser.add_argument("--groups", type=int, default=1000)
    parser.add_argument("--learners", type=int, default=73_000)
    parser.add_argument("--classes-per-group", type=int, default=21)
    parser.add_argument("--seed", type=int, default=12)
    args = parser.parse_args(argv)
    started = time.perf_counter()
    tables = generate(args)
    made = time.perf_counter()
    print(f"generated in {made - started:.1f} s: " + ", ".join(counts(tables)))
    if args.database_url:
        write_postgres(args.database_url, tables)
    else:
        write_sqlite(PROJECT / args.path if not Path(args.path).is_absolute() else Path(args.path), tables)
    print(f"written in {time.perf_counter() - made:.1f} s to {args.database_url or args.path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
