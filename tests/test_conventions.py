"""Architecture rules from DESIGN.md, checked by parsing every import."""

import ast
from pathlib import Path

from settings import PROJECT_ROOT

SKIP_DIRS = {".venv", "tests", "bench", ".git", "migrations"}


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def source_files() -> list[Path]:
    return [
        p for p in PROJECT_ROOT.rglob("*.py")
        if not SKIP_DIRS & set(p.relative_to(PROJECT_ROOT).parts)
    ]


def owners(package: str) -> set[str]:
    return {
        p.relative_to(PROJECT_ROOT).parts[0] if len(p.relative_to(PROJECT_ROOT).parts) > 1 else p.name
        for p in source_files() if package in imported_modules(p)
    }


def test_there_are_sources_to_check():
    assert len(source_files()) > 20


def test_only_app_and_ui_import_streamlit():
    assert owners("streamlit") <= {"app.py", "ui"}


def test_only_progress_imports_sqlalchemy_and_alembic():
    assert owners("sqlalchemy") <= {"progress"}
    assert owners("alembic") <= {"progress"}


def test_only_media_imports_gtts():
    assert owners("gtts") <= {"media"}


def test_no_grab_bag_modules():
    assert not [p for p in source_files() if p.stem in {"utils", "common", "helpers", "misc"}]
