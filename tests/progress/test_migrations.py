from sqlalchemy import create_engine, inspect

from progress.database import check_models_match_migrations, connect, upgrade_to_head


def test_models_and_migrations_do_not_drift(database_url):
    check_models_match_migrations(database_url)  # raises if a model change has no migration


def test_upgrade_is_repeatable_and_creates_every_table(database_url):
    upgrade_to_head(database_url)
    tables = set(inspect(create_engine(database_url)).get_table_names())
    assert {"learner_groups", "learners", "trainers", "trainer_groups", "lesson_progress",
            "quiz_attempts", "quiz_answers", "alembic_version"} <= tables


def test_sqlite_runs_in_wal_mode_with_busy_timeout(tmp_path):
    url = f"sqlite:///{tmp_path / 'wal.db'}"
    upgrade_to_head(url)
    db = connect(url, busy_timeout_ms=4321)
    with db() as session:
        assert session.connection().exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert session.connection().exec_driver_sql("PRAGMA busy_timeout").scalar() == 4321


def test_server_database_takes_pool_sizes_and_prepare_threshold():
    from progress.database import make_engine
    from settings import DatabaseSettings

    url = "postgresql+psycopg://nobody@127.0.0.1:1/none"  # never connected to here
    options = DatabaseSettings(pool_size=3, max_overflow=4, prepare_threshold=None)
    engine = make_engine(url, options=options)
    assert (engine.pool.size(), engine.pool._max_overflow) == (3, 4)  # type: ignore[attr-defined]
    assert (make_engine(url).pool.size(), make_engine(url).pool._max_overflow) == (5, 10)  # type: ignore[attr-defined]


def test_prepare_threshold_set_by_the_server_is_used(database_url):
    from progress.database import connect
    from settings import DatabaseSettings

    if not database_url.startswith("postgresql"):
        return  # SQLite prepares nothing
    db = connect(database_url, options=DatabaseSettings(prepare_threshold=None))
    with db() as session:
        assert session.connection().connection.dbapi_connection.prepare_threshold is None  # type: ignore[union-attr]


def test_migration_0011_copies_existing_recording_files_into_the_database(database_url, tmp_path):
    from alembic import command
    from sqlalchemy import text

    from progress.database import alembic_config
    from progress.recordings import recording_audio

    config = alembic_config(database_url)
    if _revision(database_url):  # a database already at head: step back to just before 0011
        command.downgrade(config, "0010")
    else:
        command.upgrade(config, "0010")
    folder = tmp_path / "audio"
    folder.mkdir()
    (folder / "rec-kept.mp3").write_bytes(b"a voice recorded before 0011")
    engine = create_engine(database_url)
    with engine.begin() as connection:
        for step, name in (("mot", "rec-kept.mp3"), ("hai", "rec-gone.mp3")):
            connection.execute(text(
                "INSERT INTO recordings (lesson_id, step_id, language, text_hash, file_name, duration_ms, size_bytes,"
                " created_at) VALUES ('bai', :step, 'vi', 'v1', :name, 1000, 28, CURRENT_TIMESTAMP)"),
                {"step": step, "name": name})
    engine.dispose()
    config.set_main_option("recordings_dir", str(folder))
    command.upgrade(config, "head")
    db = connect(database_url)
    assert recording_audio(db, "rec-kept.mp3") == b"a voice recorded before 0011"
    assert recording_audio(db, "rec-gone.mp3") is None  # its file was already gone: it plays the machine voice


def _revision(url):
    from alembic.migration import MigrationContext

    engine = create_engine(url)
    with engine.connect() as connection:
        found = MigrationContext.configure(connection).get_current_revision()
    engine.dispose()
    return found


def test_migration_0012_gives_existing_rows_a_uid_and_updated_at(database_url):
    from alembic import command
    from sqlalchemy import text

    from progress.database import alembic_config

    config = alembic_config(database_url)
    command.downgrade(config, "0011")
    engine = create_engine(database_url)
    with engine.begin() as connection:
        for name in ("Thôn Bờ He", "Thôn Nà Sán"):
            connection.execute(text("INSERT INTO learner_groups (name, created_at) VALUES (:name, :at)"),
                               {"name": name, "at": "2026-03-02 08:00:00"})
        connection.execute(text("INSERT INTO provinces (name) VALUES ('Lào Cai')"))
    engine.dispose()
    command.upgrade(config, "head")
    engine = create_engine(database_url)
    with engine.connect() as connection:
        groups = connection.execute(text("SELECT uid, updated_at FROM learner_groups")).all()
        province = connection.execute(text("SELECT uid, updated_at FROM provinces")).one()
    engine.dispose()
    uids = {uid for uid, _ in groups} | {province[0]}
    assert len(uids) == 3 and all(len(uid) == 36 for uid in uids)
    assert all(str(updated).startswith("2026-03-02 08:00:00") for _, updated in groups)
    assert province[1] is not None
