"""The schema a bundle is made with: the newest Alembic revision this code knows. Two
installations exchange bundles only on the same one (the rows' columns must match)."""

from __future__ import annotations

from functools import cache

from alembic.script import ScriptDirectory

from progress.database import alembic_config


@cache
def schema_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config("sqlite://")).get_current_head()
    return str(head)
