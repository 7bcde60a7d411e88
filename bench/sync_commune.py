"""A commune's offline sync (issue 16): village laptops each export their bundle and the
commune server imports them all.

    .venv/bin/python bench/sync_commune.py                       # 20 laptops × 300 learners, SQLite server
    .venv/bin/python bench/sync_commune.py --laptops 3 --learners 50
    .venv/bin/python bench/sync_commune.py --database-url postgresql+psycopg://postgres@127.0.0.1:5432/bench_sync

Each laptop is a SQLite file in a temporary folder (--keep DIR keeps them), filled by
bench/sync_laptop_data.py (learners in groups of 30 with realistic progress, quiz
attempts and answers, questions to review, three classes held per group), registered
with the server (progress/sync/exchange.py register_laptop / join_server) and exported
with export_for_server. The server (a fresh SQLite file, or the PostgreSQL database at
--database-url, emptied first) imports every bundle, then every bundle again (answered
"already received"), then a second export of every laptop (new files, same data: the
merge runs through every row and adds nothing). Prints bundle sizes (min / median /
max), export time, import time per bundle and in all, the re-import times, and the rows
added per table. Seeded (--seed): the same arguments give the same data.
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

sys.dont_write_bytecode = True
PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))

from sqlalchemy import func, select  # noqa: E402

from bench.sync_laptop_data import COMMUNE, ORDER, PROVINCE, catalogue_lessons, laptop_rows, write_rows  # noqa: E402
from progress.areas import create_commune, create_province  # noqa: E402
from progress.database import Database, connect, upgrade_to_head  # noqa: E402
from progress.sync.exchange import export_for_server, import_bundle  # noqa: E402
from progress.sync.identity import rename_site, this_site  # noqa: E402
from progress.sync.partners import join_server, register_laptop  # noqa: E402


@dataclass
class Laptop:
    name: str
    db: Database
    bundle: bytes = b""
    export_seconds: float = 0.0


def table_counts(db: Database) -> dict[str, int]:
    with db() as session:
        return {model.__tablename__: session.scalar(select(func.count()).select_from(model)) or 0  # type: ignore[attr-defined]
                for model in ORDER}


def timed(action: Callable[[], object]) -> tuple[object, float]:
    started = time.perf_counter()
    result = action()
    return result, time.perf_counter() - started


def fresh_server(url: str | None, folder: Path) -> Database:
    if url is None:
        url = f"sqlite:///{folder / 'server.db'}"
    else:
        from sqlalchemy import create_engine, text

        engine = create_engine(url)
        with engine.begin() as connection:
            connection.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
            connection.execute(text("CREATE SCHEMA public"))
        engine.dispose()
    upgrade_to_head(url)
    return connect(url)


def make_laptops(args: argparse.Namespace, folder: Path, server: Database, commune_id: int) -> list[Laptop]:

    template = folder / "template.db"
    upgrade_to_head(f"sqlite:///{template}")  # once: each laptop starts from a copy
    lessons = catalogue_lessons()
    rnd = random.Random(args.seed)
    laptops = []
    for number in range(1, args.laptops + 1):
        path = folder / f"laptop-{number:02d}.db"
        shutil.copyfile(template, path)
        db = connect(f"sqlite:///{path}")
        written = write_rows(db, laptop_rows(number, args.learners, lessons, rnd))
        name = f"Laptop thôn {number:02d}"
        rename_site(db, name)
        join_server(db, register_laptop(server, this_site(db).uid, name, commune_id, []))
        laptops.append(Laptop(name, db))
        if number == 1:
            print("each laptop: " + ", ".join(f"{table} {n:,}" for table, n in written.items() if n))
    return laptops


def server_commune(server: Database) -> int:

    rename_site(server, "Máy chủ xã Ba Tơ")
    return create_commune(server, create_province(server, PROVINCE).id, COMMUNE).id


def kb(size: float) -> str:
    return f"{size / 1024:,.0f} KB"


def export_all(laptops: list[Laptop]) -> None:
    for laptop in laptops:
        result, laptop.export_seconds = timed(lambda db=laptop.db: export_for_server(db, everything=False,
                                                                                       by_account=None))
        laptop.bundle = result.data  # type: ignore[attr-defined]


def import_all(server: Database, laptops: list[Laptop]) -> list[float]:
    seconds = []
    for laptop in laptops:
        _, took = timed(lambda data=laptop.bundle: import_bundle(server, data, by_account=None))
        seconds.append(took)
    return seconds


def spread(values: list[float], unit: Callable[[float], str]) -> str:
    return f"min {unit(min(values))}, median {unit(statistics.median(values))}, max {unit(max(values))}"


def run(args: argparse.Namespace, folder: Path) -> None:
    started = time.perf_counter()
    server = fresh_server(args.database_url, folder)
    laptops = make_laptops(args, folder, server, server_commune(server))
    print(f"{len(laptops)} laptops × {args.learners} learners made in {time.perf_counter() - started:.1f} s")

    export_all(laptops)
    sizes = [len(laptop.bundle) for laptop in laptops]
    print(f"bundle size: {spread([float(s) for s in sizes], kb)}; all {kb(sum(sizes))}")
    print(f"export: {spread([laptop.export_seconds for laptop in laptops], seconds)}; "
          f"all {sum(laptop.export_seconds for laptop in laptops):.1f} s")

    before = table_counts(server)
    first = import_all(server, laptops)
    after = table_counts(server)
    print(f"import: {spread(first, seconds)}; all {sum(first):.1f} s "
          f"({args.database_url and 'PostgreSQL' or 'SQLite'} server)")
    print("rows added: " + ", ".join(f"{table} {after[table] - before[table]:,}" for table in after
                                     if after[table] != before[table]))

    again = import_all(server, laptops)
    print(f"re-import of the same files (already received): all {sum(again):.2f} s; "
          f"rows added {sum(table_counts(server).values()) - sum(after.values())}")
    export_all(laptops)  # new files, the same rows
    second = import_all(server, laptops)
    print(f"import of a second export (same data, new files of {kb(sum(len(laptop.bundle) for laptop in laptops))}): "
          f"{spread(second, seconds)}; all {sum(second):.1f} s; "
          f"rows added {sum(table_counts(server).values()) - sum(after.values())}")


def seconds(value: float) -> str:
    return f"{value:.2f} s"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--laptops", type=int, default=20)
    parser.add_argument("--learners", type=int, default=300, help="learners per laptop (default %(default)s)")
    parser.add_argument("--database-url", help="the server on this PostgreSQL database (emptied first)")
    parser.add_argument("--keep", type=Path, help="make the laptop and server files in this folder and keep them")
    parser.add_argument("--seed", type=int, default=16)
    args = parser.parse_args(argv)
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        run(args, args.keep)
    else:
        with tempfile.TemporaryDirectory(prefix="bdhvs-sync-bench-") as folder:
            run(args, Path(folder))
    return 0


if __name__ == "__main__":
    sys.exit(main())
