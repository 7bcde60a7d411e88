"""Set everything up and run the app or the tests. Needs only Python 3.11+.

    python3 dev.py run              # create .venv, install, migrate, load demo data, serve
    python3 dev.py run --port 8600  # the same on another port (also --host, --processes auto|N)
    python3 dev.py test             # create .venv, install test tools, run every test
    python3 dev.py manage COMMAND   # create .venv, install, run `manage.py COMMAND ...`

On Windows use ``py dev.py run`` / ``py dev.py test`` / ``py dev.py manage ...``.
Extra arguments after ``test`` go to pytest (e.g. ``python3 dev.py test -k grading``);
after ``manage`` they go to manage.py (e.g. ``python3 dev.py manage add-trainer nam``,
``python3 dev.py manage --help``), and its exit code is dev.py's.

``run`` starts one app process per core behind nginx when nginx is installed (Debian,
Ubuntu), else one process (``--processes N`` or the setting ``server.processes`` decide
otherwise), and says which it chose. Behind nginx, an app process that dies after it has
served a while is started again on its port (the phones it served go to the others
meanwhile and come back signed in). Stopping it (Ctrl+C, or SIGTERM from a service
manager or a script) stops nginx and every app process it started too, so the port is
free for the next start.
"""

from __future__ import annotations

import hashlib
import json
import os
import signal
import socket
import subprocess
import sys
import time
import venv
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
MIN_PYTHON = (3, 11)
STOP_GRACE_SECONDS = 10  # how long the server may take to stop before it is killed
# an app process behind nginx that dies after running this long is started again; one
# that dies sooner (also after a restart) means something is broken: everything stops
RESTART_AFTER_SECONDS = 30.0


@dataclass(frozen=True)
class Child:
    """A process of the server (commands/serve_plan.py's Child, read back from JSON)."""

    name: str
    argv: list[str]
    env: dict[str, str]
    after_ports: list[int]
    restart: bool = False  # an app process behind nginx: started again if it dies after a while


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


def serve_until_stopped(children: list[Child]) -> int:
    """Run the server's processes (one app, or several and nginx); when this process is
    asked to stop, or one of them ends by itself, stop them all and wait for them. An app
    process behind nginx (``restart``) that ends by itself after RESTART_AFTER_SECONDS is
    started again instead (a crash, the kernel's out-of-memory killer): nginx sends its
    phones to the others until it answers again.

    Ctrl+C in a terminal reaches every process; SIGTERM (a service manager, ``kill``)
    reaches only this one, and would leave them holding their ports. So each stop
    signal is passed on as SIGTERM (a second SIGINT would make uvicorn skip its clean
    shutdown; nginx stops at once on either). On Windows, Ctrl+C reaches the server
    through the console, and Ctrl+Break ends it with ``terminate`` (Windows has no
    SIGTERM to pass on).
    """
    running: list[subprocess.Popen[bytes]] = []
    started: list[Child] = []  # what each runs, in the same order
    started_at: list[float] = []
    stop_asked_at: list[float] = []
    ended_by_itself: list[int] = []

    def stop_all(signum: int) -> None:
        if not stop_asked_at:
            stop_asked_at.append(time.monotonic())
        for process in running:
            if process.poll() is None:
                if os.name == "nt":
                    if signum != signal.SIGINT:
                        process.terminate()
                else:
                    process.send_signal(signal.SIGTERM)

    def pass_on(signum: int, frame: object) -> None:
        stop_all(signum)

    names = ["SIGINT", "SIGTERM", "SIGHUP", "SIGBREAK"]
    for name in names:
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), pass_on)
    try:
        for child in children:
            if not wait_for_ports(child.after_ports, running, stop_asked_at):
                break
            running.append(subprocess.Popen(child.argv, cwd=ROOT, env={**os.environ, **child.env}))
            started.append(child)
            started_at.append(time.monotonic())
        while True:
            ended = next((process for process in running if process.poll() is not None), None)
            if ended is not None and not stop_asked_at:
                index = running.index(ended)
                child = started[index]
                if child.restart and time.monotonic() - started_at[index] >= RESTART_AFTER_SECONDS:
                    time.sleep(0.5)  # Ctrl+C reaches every process and this one at once: let its handler run
                    if not stop_asked_at:
                        print(f"{child.name} stopped by itself (exit code {ended.returncode}); starting it again.",
                              file=sys.stderr, flush=True)
                        running[index] = subprocess.Popen(child.argv, cwd=ROOT, env={**os.environ, **child.env})
                        started_at[index] = time.monotonic()
                        continue
            if ended is not None and not stop_asked_at:
                # one app alone: its own exit code; one of several: the set-up is broken
                ended_by_itself.append(ended.returncode if len(running) == 1 else (ended.returncode or 1))
                if len(running) > 1:
                    print(f"{started[running.index(ended)].name} stopped by itself (exit code {ended.returncode}); "
                          "stopping the others.", file=sys.stderr, flush=True)
                stop_all(signal.SIGTERM)
            if all(process.poll() is not None for process in running):
                break
            if stop_asked_at and time.monotonic() - stop_asked_at[0] > STOP_GRACE_SECONDS:
                for process in running:
                    if process.poll() is None:
                        process.kill()
            time.sleep(0.5)
    finally:
        for process in running:  # this process is failing: never leave a server behind
            if process.poll() is None:
                process.kill()
                process.wait()
    return ended_by_itself[0] if ended_by_itself else 0


def wait_for_ports(ports: list[int], running: list[subprocess.Popen[bytes]], stop_asked_at: list[float]) -> bool:
    """Wait until every port answers on 127.0.0.1 (the app processes nginx sends to);
    False when a process ended or a stop was asked for first."""
    pending = list(ports)
    while pending:
        if stop_asked_at or any(process.poll() is not None for process in running):
            return False
        try:
            with socket.create_connection(("127.0.0.1", pending[0]), timeout=1):
                pending.pop(0)
        except OSError:
            time.sleep(0.3)
    return True


def serve_plan(manage: list[str], serve_args: list[str]) -> list[Child] | None:
    """Ask ``manage.py serve-plan`` whether to run one app process or one per core behind
    nginx (commands/serve_plan.py); print what it chose and where phones open the app."""
    result = subprocess.run(manage + ["serve-plan", *serve_args], cwd=ROOT, stdout=subprocess.PIPE, text=True,
                            encoding="utf-8")
    if result.returncode != 0:
        return None
    plan = json.loads(result.stdout)
    for line in plan["say"]:
        print(line, flush=True)
    return [Child(**child) for child in plan["children"]]


def run_app(serve_args: list[str]) -> int:
    python = ensure_venv("requirements.txt")
    manage = [str(python), str(ROOT / "manage.py")]
    # once, before any app process starts: never several migrations racing
    for command in (["migrate"], ["seed-demo"], ["validate-content"]):
        result = subprocess.run(manage + command, cwd=ROOT)
        if result.returncode != 0 and command != ["validate-content"]:
            return result.returncode
    children = serve_plan(manage, serve_args)
    if children is None:
        return 2
    return serve_until_stopped(children)


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


BROWSER_TESTS_LOG = ROOT / "test-artifacts" / "browser-tests.log"


def run_every_test(python: Path) -> int:
    """The whole suite as two pytest processes side by side: the browser tests (``-m e2e``,
    mostly waiting on pages and servers, with the sync tests marked ``beside_browsers`` to
    even out the two) beside all the others, which roughly halves the time on two cores.
    The browser tests get a PostgreSQL database of their own (``TEST_DATABASE_SUFFIX``:
    tests/conftest.py), since each PostgreSQL test empties its database; their output goes
    to test-artifacts/browser-tests.log and is shown at the end."""
    BROWSER_TESTS_LOG.parent.mkdir(parents=True, exist_ok=True)
    with BROWSER_TESTS_LOG.open("w", encoding="utf-8") as log:
        browser = subprocess.Popen([str(python), "-m", "pytest", "-m", "e2e or beside_browsers",
                                    "-p", "no:cacheprovider"], cwd=ROOT, stdout=log, stderr=subprocess.STDOUT,
                                   env={**os.environ, "TEST_DATABASE_SUFFIX": "_e2e"})
        try:
            print("Browser tests run beside the others; their report follows at the end "
                  f"({BROWSER_TESTS_LOG.relative_to(ROOT)}).", flush=True)
            others = subprocess.run([str(python), "-m", "pytest", "-m", "not e2e and not beside_browsers"],
                                    cwd=ROOT).returncode
            browser_code = browser.wait()
        finally:
            if browser.poll() is None:
                browser.kill()
                browser.wait()
    print("\n== Browser tests, and the sync tests beside them (-m 'e2e or beside_browsers') ==", flush=True)
    print(BROWSER_TESTS_LOG.read_text(encoding="utf-8"), flush=True)
    return others or browser_code


def run_tests(extra: list[str]) -> int:
    python = ensure_venv("requirements-dev.txt")
    if checked := run_checks(python, extra):
        return checked
    if not extra:
        return run_every_test(python)
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
