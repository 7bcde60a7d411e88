"""Set everything up and run the app or the tests. Needs only Python 3.11+.

    python3 dev.py run              # create .venv, install, migrate, load demo data, serve
    python3 dev.py run --port 8600  # the same; arguments after ``run`` go to ``manage.py serve``
    python3 dev.py test             # create .venv, install test tools, run every test
    python3 dev.py manage COMMAND   # create .venv, install, run `manage.py COMMAND ...`

On Windows use ``py dev.py run`` / ``py dev.py test`` / ``py dev.py manage ...``.
Extra arguments after ``test`` go to pytest (e.g. ``python3 dev.py test -k grading``);
after ``manage`` they go to manage.py (e.g. ``python3 dev.py manage add-trainer nam``,
``python3 dev.py manage --help``), and its exit code is dev.py's.

Stopping ``run`` (Ctrl+C, or SIGTERM from a service manager or a script) stops the
server it started too, so the port is free for the next start.
"""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import time
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
MIN_PYTHON = (3, 11)
STOP_GRACE_SECONDS = 10  # how long the server may take to stop before it is killed


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


def serve_until_stopped(command: list[str]) -> int:
    """Run the server; when this process is asked to stop, stop the server and wait for it.

    Ctrl+C in a terminal reaches both processes; SIGTERM (a service manager, ``kill``)
    reaches only this one, and would leave the server holding the port. So each stop
    signal is passed on as SIGTERM (a second SIGINT would make uvicorn skip its clean
    shutdown). On Windows, Ctrl+C reaches the server through the console, and Ctrl+Break
    ends it with ``terminate`` (Windows has no SIGTERM to pass on).
    """
    server = subprocess.Popen(command, cwd=ROOT)
    stop_asked_at: list[float] = []

    def pass_on(signum: int, frame: object) -> None:
        if not stop_asked_at:
            stop_asked_at.append(time.monotonic())
        if server.poll() is None:
            if os.name == "nt":
                if signum != signal.SIGINT:
                    server.terminate()
            else:
                server.send_signal(signal.SIGTERM)

    names = ["SIGINT", "SIGTERM", "SIGHUP", "SIGBREAK"]
    for name in names:
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), pass_on)
    try:
        while True:
            try:
                code = server.wait(timeout=0.5)
                break
            except subprocess.TimeoutExpired:
                if stop_asked_at and time.monotonic() - stop_asked_at[0] > STOP_GRACE_SECONDS:
                    server.kill()
    finally:
        if server.poll() is None:  # this process is failing: never leave the server behind
            server.kill()
            server.wait()
    return 0 if stop_asked_at else code


def run_app(serve_args: list[str]) -> int:
    python = ensure_venv("requirements.txt")
    manage = [str(python), str(ROOT / "manage.py")]
    for command in (["migrate"], ["seed-demo"], ["validate-content"]):
        result = subprocess.run(manage + command, cwd=ROOT)
        if result.returncode != 0 and command != ["validate-content"]:
            return result.returncode
    return serve_until_stopped(manage + ["serve", *serve_args])


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


def run_manage(extra: list[str]) -> int:
    """``manage.py`` with the venv's Python, so its commands work on a fresh clone."""
    python = ensure_venv("requirements.txt")
    return subprocess.run([str(python), str(ROOT / "manage.py"), *extra]).returncode


def main() -> int:
    if len(sys.argv) < 2 or sys.argv[1] not in {"run", "test", "manage"}:
        print(__doc__)
        return 2
    if sys.argv[1] == "run":
        return run_app(sys.argv[2:])
    if sys.argv[1] == "manage":
        return run_manage(sys.argv[2:])
    return run_tests(sys.argv[2:])


if __name__ == "__main__":
    sys.exit(main())
