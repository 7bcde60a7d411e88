"""Engine creation and migrations. SQLite gets WAL, a busy timeout, and BEGIN IMMEDIATE
for writes: a transaction begun with ``db.begin()`` (every write in progress/ is) takes
SQLite's write lock at its start, so two processes writing at once wait for each other
within the busy timeout. A deferred transaction that reads and then writes would instead
fail at once with "database is locked" when another process wrote in between (SQLite
cannot wait there: the reader's snapshot is already stale). On Linux and macOS those
write transactions first queue for a lock file (progress/sqlite_write_queue.py), so the
next writer starts the moment the last one ends."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager, nullcontext
from pathlib import Path
from typing import TypeVar
from weakref import WeakKeyDictionary

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event, make_url, text
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from progress.sqlite_write_queue import WriteQueue, write_queue
from settings import DatabaseSettings, Settings

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
WRITE_OPTION = "bdhvs_writes"  # a connection's execution option: its transaction will write
_WRITE_QUEUES: WeakKeyDictionary[Engine, WriteQueue] = WeakKeyDictionary()  # SQLite engines on POSIX


def make_engine(url: str, busy_timeout_ms: int = 5000, options: DatabaseSettings | None = None) -> Engine:
    """Create the one engine a process uses. ``options`` (the ``database`` settings) give a
    server database its pool sizes and psycopg's ``prepare_threshold``."""
    options = options or DatabaseSettings()
    if url.startswith("sqlite"):
        path = url.split("///", 1)[-1]
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": busy_timeout_ms / 1000})
        queue = write_queue(engine.url.database, busy_timeout_ms / 1000) if options.sqlite_write_queue else None
        if queue is not None:
            _WRITE_QUEUES[engine] = queue

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute(f"PRAGMA busy_timeout={int(busy_timeout_ms)}")
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute("PRAGMA synchronous=NORMAL")
            # deleted rows are overwritten with zeros, not left in free pages (deleted means gone)
            cursor.execute("PRAGMA secure_delete=ON")
            cursor.close()
            # the driver's own implicit BEGIN off: _begin below says which kind of BEGIN
            dbapi_connection.isolation_level = None

        @event.listens_for(engine, "begin")
        def _begin(connection) -> None:  # type: ignore[no-untyped-def]
            writes = connection.get_execution_options().get(WRITE_OPTION, False)
            # on the driver's connection: the BEGIN is no statement of ours (statement counters skip it)
            begin = "BEGIN IMMEDIATE" if writes else "BEGIN"
            cursor = connection.connection.cursor()
            try:
                cursor.execute(begin)
            except sqlite3.OperationalError as exc:  # locked past the busy timeout: as SQLAlchemy reports it
                raise OperationalError(begin, None, exc) from exc
            finally:
                cursor.close()

        return engine
    connect_args: dict[str, object] = {}
    if make_url(url).get_driver_name() == "psycopg":
        # None: never prepare (pgbouncer in transaction mode hands each transaction another connection)
        connect_args["prepare_threshold"] = options.prepare_threshold
    return create_engine(url, pool_pre_ping=True, pool_size=options.pool_size, max_overflow=options.max_overflow,
                         connect_args=connect_args)


class SessionFactory(sessionmaker[Session]):
    """A sessionmaker whose ``begin()`` (the write path) tells SQLite at the first
    statement that the transaction will write (BEGIN IMMEDIATE), after waiting its turn in
    the SQLite write queue where there is one; ``db()`` sessions, used for reading, begin
    as before."""

    @contextmanager
    def begin(self) -> Iterator[Session]:
        queue = _WRITE_QUEUES.get(self.kw["bind"])
        with queue.turn() if queue is not None else nullcontext(), self() as session, session.begin():
            session.connection(execution_options={WRITE_OPTION: True})
            yield session


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    return SessionFactory(engine, expire_on_commit=False)


def alembic_config(url: str) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


def upgrade_to_head(url: str) -> None:
    """Create or update the schema by running every migration."""
    if url.startswith("sqlite"):
        path = url.split("///", 1)[-1]
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
    command.upgrade(alembic_config(url), "head")


def check_models_match_migrations(url: str) -> None:
    """Raise if the models have changes no migration describes (alembic check)."""
    command.check(alembic_config(url))


# What the rest of the app holds: a session factory. Only progress/ imports SQLAlchemy.
Database = sessionmaker[Session]


def connect(url: str, busy_timeout_ms: int = 5000, options: DatabaseSettings | None = None) -> Database:
    """The session factory for a database URL (one per process)."""
    return make_session_factory(make_engine(url, busy_timeout_ms, options))


def connect_configured(settings: Settings) -> Database:
    """The session factory for the configured database, with its ``database`` settings."""
    return connect(settings.database_url, settings.database.sqlite_busy_timeout_ms, settings.database)


def checkpoint_sqlite(db: Database) -> None:
    """Copy SQLite's write-ahead log into the database file and empty it, so what was just
    deleted (a learner's name) is not left in the -wal file. PostgreSQL: nothing to do.
    A reader holding an old snapshot can keep the log from emptying; the next checkpoint
    (SQLite's own, every 1000 pages) finishes the job."""
    with db() as session:
        if session.get_bind().dialect.name == "sqlite":
            session.execute(text("PRAGMA wal_checkpoint(TRUNCATE)"))


def schema_is_current(url: str) -> bool:
    """True when the database has every migration (commands check this first)."""
    from alembic.migration import MigrationContext
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config(url)).get_current_head()
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            return MigrationContext.configure(connection).get_current_revision() == head
    finally:
        engine.dispose()


Row = TypeVar("Row")


def add_unless_taken(session: Session, row: Row, existing: Callable[[], Row | None]) -> Row:
    """Insert ``row`` in a savepoint; if a unique key says another session (the same
    learner in a second tab) inserted its twin a moment ago, use theirs instead of failing."""
    try:
        with session.begin_nested():
            session.add(row)
        return row
    except IntegrityError:
        found = existing()
        if found is None:
            raise
        return found
