"""Architecture rules from DESIGN.md, checked by parsing every import."""

import ast
from pathlib import Path

from settings import PROJECT_ROOT

SKIP_DIRS = {".venv", "tests", "bench", ".git"}
NOT_SLICES = {"tests", "bench"}  # they may import anything; nothing imports them

# Which top-level project packages (and top-level modules, by name without .py) each
# one may import. Content schemas at the bottom, the catalogue above them, progress and
# media beside each other above it, then certificates, the composition root, access and
# commands, and ui on top. Every top-level package must be listed here.
CONTENT = {"lessons", "quizzes"}
BELOW_PROGRESS = {"settings", *CONTENT, "catalog"}
ALLOWED: dict[str, set[str]] = {
    "settings": set(),
    "dev": set(),  # stdlib only: it creates the .venv
    "lessons": set(),  # lesson schema: the field types quizzes share
    "quizzes": {"lessons"},
    "catalog": {"lessons", "quizzes"},  # the content catalogue, above both schemas
    "progress": BELOW_PROGRESS,
    "media": BELOW_PROGRESS,
    "certificates": BELOW_PROGRESS | {"progress"},
    "app_services": BELOW_PROGRESS | {"progress", "media"},
    "access": BELOW_PROGRESS | {"progress", "certificates", "app_services"},
    "commands": BELOW_PROGRESS | {"progress", "media", "certificates", "access"},
    "ui": BELOW_PROGRESS | {"progress", "media", "certificates", "access", "app_services"},
    "app": {"ui"},
    "manage": {"settings", "commands"},
}


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


def owner(path: Path) -> str:
    """The top-level package (or module, without .py) a file belongs to."""
    return path.relative_to(PROJECT_ROOT).parts[0].removesuffix(".py")


def owners(package: str) -> set[str]:
    return {
        p.relative_to(PROJECT_ROOT).parts[0] if len(p.relative_to(PROJECT_ROOT).parts) > 1 else p.name
        for p in source_files() if package in imported_modules(p)
    }


def top_level_packages() -> set[str]:
    """Every importable top-level name of the project: packages and root modules."""
    names = {p.stem for p in PROJECT_ROOT.glob("*.py")}
    names |= {p.parent.name for p in PROJECT_ROOT.glob("*/__init__.py")}
    return names - NOT_SLICES


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


def test_the_matrix_covers_every_top_level_package():
    present = top_level_packages()
    assert present - set(ALLOWED) == set(), "a new top-level package: say in ALLOWED what it may import"
    assert set(ALLOWED) - present == set(), "ALLOWED names a package that does not exist"
    named = set().union(*ALLOWED.values())
    assert named <= set(ALLOWED), f"ALLOWED lets a package import an unknown name: {named - set(ALLOWED)}"


def test_imports_run_one_way():
    """The matrix itself has no circle: some order puts every package above all it may import."""
    placed: set[str] = set()
    while len(placed) < len(ALLOWED):
        ready = {name for name, allowed in ALLOWED.items() if name not in placed and allowed <= placed}
        assert ready, f"a circle among {sorted(set(ALLOWED) - placed)}"
        placed |= ready


def test_each_package_imports_only_what_the_matrix_allows():
    project = set(ALLOWED)
    wrong = []
    for path in source_files():
        package = owner(path)
        relative = path.relative_to(PROJECT_ROOT).as_posix()
        allowed = ALLOWED.get(package, set()) | {package}
        for name in sorted((imported_modules(path) & project) - allowed):
            wrong.append(f"{relative} imports {name}")
    assert wrong == [], "imports the matrix does not allow (tests/test_conventions.py ALLOWED):\n" + "\n".join(wrong)


def test_the_check_catches_an_import_the_matrix_does_not_allow(tmp_path, monkeypatch):
    """The matrix test fails for a content schema importing progress."""
    import tests.test_conventions as conventions

    root = tmp_path / "project"
    (root / "lessons").mkdir(parents=True)
    (root / "lessons" / "__init__.py").write_text("")
    (root / "lessons" / "models.py").write_text("from progress.models import Learner\nimport settings\n")
    monkeypatch.setattr(conventions, "PROJECT_ROOT", root)
    try:
        conventions.test_each_package_imports_only_what_the_matrix_allows()
    except AssertionError as error:
        assert "lessons/models.py imports progress" in str(error)
        assert "lessons/models.py imports settings" in str(error)
    else:
        raise AssertionError("the matrix let lessons import progress")


def test_every_slice_says_what_it_owns_and_must_never_import():
    for package in sorted(top_level_packages()):
        init = PROJECT_ROOT / package / "__init__.py"
        if init.exists():
            doc = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8"))) or ""
            assert "never imports" in doc, f"{package}/__init__.py: one paragraph, what it owns and never imports"
