"""Starting the app for browser and websocket tests: ``manage.py serve`` (the README's
serve command) on a free port, on a given database, with the fixture content; several
of them on one database make the deployment of ../shared/DEPLOY_NOTES.md."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from settings import PROJECT_ROOT
from tests.conftest import FIXTURE_CONTENT

START_SECONDS = 60


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until_it_answers(port: int, process: subprocess.Popen, why: Callable[[], str],  # type: ignore[type-arg]
                          seconds: float = START_SECONDS) -> None:
    """Until /healthz on this port answers; fails the test (with ``why()``) when the process
    ends first or the time runs out."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            urllib.request.urlopen(f"{base_url(port)}/healthz", timeout=2)
            return
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                pytest.fail(why())
            time.sleep(0.2)


def base_url(port: int) -> str:
    return f"http://127.0.0.1:{port}"


@dataclass(frozen=True)
class Served:
    """A running ``manage.py serve``: its port and its process (to kill it in a test)."""

    port: int
    process: subprocess.Popen[bytes]


@contextmanager
def served(url: str, log_path: Path, secret: str = "e2e-secret", **settings: str) -> Iterator[int]:
    """One ``manage.py serve`` process on the database ``url``; yields its port once
    /healthz answers, and stops it afterwards. ``settings`` are more ``BDHVS_…``
    variables, e.g. ``BDHVS_CLASS_MODE__FOLLOW_SECONDS="1"``. Servers sharing a database
    must share ``secret``, as DEPLOY_NOTES asks."""
    with served_process(url, log_path, secret, (), **settings) as server:
        yield server.port


@contextmanager
def served_process(url: str, log_path: Path, secret: str = "e2e-secret", serve_args: tuple[str, ...] = (),
                   **settings: str) -> Iterator[Served]:
    """``served``, yielding the process too; ``serve_args`` go to ``manage.py serve``
    (e.g. ``--log-requests``)."""
    port = free_port()
    env = {
        **os.environ,
        "BDHVS_DATABASE__URL": url,
        "BDHVS_CONTENT__LESSONS_DIR": str(FIXTURE_CONTENT / "lessons"),
        "BDHVS_CONTENT__QUIZZES_DIR": str(FIXTURE_CONTENT / "quizzes"),
        "BDHVS_AUTH__SECRET_KEY": secret,
        # the tests sign in with the demo password (tests/ui/test_demo_account_flow.py
        # checks that a first set-up asks for a new one)
        "BDHVS_AUTH__DEMO_MUST_CHANGE_PASSWORD": "false",
        **settings,
    }
    with open(log_path, "w") as log:
        process = subprocess.Popen(
            [sys.executable, str(PROJECT_ROOT / "manage.py"), "serve", "--host", "127.0.0.1", "--port", str(port),
             *serve_args],
            cwd=PROJECT_ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
        try:
            wait_until_it_answers(port, process, lambda: f"server on port {port} did not start: {log_path.read_text()}")
            yield Served(port, process)
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(5)
