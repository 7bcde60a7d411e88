"""Set everything up and run the app or the tests. Needs only Python 3.11+.

    python3 dev.py run     # create .venv, install, migrate, load demo data, serve
    python3 dev.py test    # create .venv, install test tools, run every test

On Windows use ``py dev.py run`` / ``py dev.py test``. Extra arguments after
``test`` go to pytest (e.g. ``python3 dev.py test -k grading``).
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
MIN_PYTHON = (3, 11)


def venv_python() -> Path:
    return VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def ensure_venv(requirements: str) -> Path:
    """Create .venv and install a requirements file, only when it changed."""
    if sys.version_info < MIN_PYTHON:
        sys.exit(f"Python {MIN_PYTHON[0]}.{MIN_PYTHON[1]} or newer is needed; this is {sys.version.split()[0]}.")
    python = venv_python()
    if not python.exists():
        print("Creating .venv ...", flush=True)
        venv.EnvBuilder(with_pip=True, clear=True).create(VENV)
    req_files = [ROOT / requirements] + ([ROOT / "requirements.txt"] if requirements != "requirements.txt" else [])
    digest = hashlib.sha256(b"".join(p.read_bytes() for p in req_files)).hexdigest()
    stamp = VENV / f".installed-{requirements}"
    if not stamp.exists() or stamp.read_text() != digest:
        print(f"Installing {requirements} ...", flush=True)
        subprocess.run(
            [str(python), "-m", "pip", "install", "--disable-pip-version-check", "-q", "-r", str(ROOT / requirements)],
            check=True,
        )
        stamp.write_text(digest)
    return python


def run_app() -> int:
    python = ensure_venv("requirements.txt")
    manage = [str(python), str(ROOT / "manage.py")]
    for command in (["migrate"], ["seed-demo"], ["validate-content"]):
        result = subprocess.run(manage + command, cwd=ROOT)
        if result.returncode != 0 and command != ["validate-content"]:
            return result.returncode
    try:
        return subprocess.run(manage + ["serve"], cwd=ROOT).returncode
    except KeyboardInterrupt:
        return 0


def run_checks(python: Path, extra: list[str]) -> int:
    """Ruff, then mypy (settings in pyproject.toml), before any test runs.

    Skipped when pytest is given a test selection (-k, a test file, a node id): that is
    the quick loop while working on one thing; a plain ``dev.py test`` (CI's) runs them.
    """
    if any(arg in {"-k", "-m"} or arg.startswith(("-k", "-m")) or not arg.startswith("-") for arg in extra):
        print("Skipping ruff and mypy: a test selection was given (plain `dev.py test` runs them).", flush=True)
        return 0
    for name, command in (("ruff", ["ruff", "check", "."]), ("mypy", ["mypy"])):
        print(f"Checking with {name} ...", flush=True)
        if subprocess.run([str(python), "-m", *command], cwd=ROOT).returncode != 0:
            print(f"\n{name} found problems (above); fix them before the tests run.", file=sys.stderr, flush=True)
            return 1
    return 0


def run_tests(extra: list[str]) -> int:
    python = ensure_venv("requirements-dev.txt")
    if checked := run_checks(python, extra):
        return checked
    return subprocess.run([str(python), "-m", "pytest", *extra], cwd=ROOT).returncode


def main() -> int:
    if len(sys.argv) < 2 or sys.argv[1] not in {"run", "test"}:
        print(__doc__)
        return 2
    if sys.argv[1] == "run":
        return run_app()
    return run_tests(sys.argv[2:])


if __name__ == "__main__":
    sys.exit(main())
