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
