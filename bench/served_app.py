"""A copy of this app, served on a free loopback port, for the benchmark scripts.

Used by bench/load_classroom.py, bench/class_follow.py and bench/page_weight.py; not run by itself.

- ``app_copy(prefix)`` (context manager) makes a temporary folder, copies the project
  into ``<tmp>/app`` (without .git, data/, tests/, test-artifacts/, bench/, caches,
  virtualenvs and *.db), puts that copy first on ``sys.path`` so ``progress`` and
  ``lessons`` import from it, and deletes the folder at the end (unless ``keep``).
  The copy matters: the app renders missing narration *into static/audio/*, the
  working tree must stay untouched, and concurrent edits cannot change the code
  mid-run. ``in_place=True`` serves the working tree itself instead; ``source`` copies
  another checkout (e.g. a colleague's worktree) instead of this one. The SQLite
  database is ``<tmp>/bench.db``; ``AppCopy.database()`` creates its schema.
- ``Server(app, timeout)`` (context manager) starts ``python manage.py serve --host
  127.0.0.1 --port <free>`` from the copy, in its own process group, output appended
  to ``<tmp>/server.log`` (``env``: extra BDHVS_* variables, e.g. another database
  URL or a setting); it waits until ``/healthz`` answers 200 and, on leaving, stops
  the whole group (SIGTERM, then SIGKILL after 10 s), espeak-ng children too.
- ``ServedBehindNginx(app, count)``: ``count`` such servers behind nginx, as ``dev.py
  run`` serves a laptop with nginx (``port`` is nginx's).
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
IGNORE = shutil.ignore_patterns(".git", "data", "tests", "test-artifacts", "bench", "__pycache__",
                                ".pytest_cache", ".ci", ".venv", "*.db", "*.pyc")


class BenchError(RuntimeError):
    """A problem that stops the benchmark, with a message for the person running it."""


@dataclass
class AppCopy:
    workdir: Path  # the temporary folder: app/ (unless in place), bench.db, server.log
    app_dir: Path

    @property
    def db_path(self) -> Path:
        return self.workdir / "bench.db"

    @property
    def db_url(self) -> str:
        return f"sqlite:///{self.db_path}"

    @property
    def log_path(self) -> Path:
        return self.workdir / "server.log"

    def database(self):  # type: ignore[no-untyped-def]
        """Create the schema (migrations to head) and return a connection to fill it."""
        from progress.database import connect, upgrade_to_head

        upgrade_to_head(self.db_url)
        return connect(self.db_url)


@contextmanager
def app_copy(prefix: str, in_place: bool = False, keep: bool = False, source: Path = PROJECT) -> Iterator[AppCopy]:
    workdir = Path(tempfile.mkdtemp(prefix=prefix))
    try:
        app_dir = source if in_place else workdir / "app"
        if not in_place:
            shutil.copytree(source, app_dir, ignore=IGNORE, symlinks=True)
        sys.path.insert(0, str(app_dir))
        yield AppCopy(workdir, app_dir)
    finally:
        if not keep:
            shutil.rmtree(workdir, ignore_errors=True)


class Server:
    """``manage.py serve`` for one AppCopy; ``with Server(app, timeout) as server`` waits until it is up."""

    def __init__(self, app: AppCopy, timeout: float = 60.0, env: dict[str, str] | None = None) -> None:
        self.app, self.timeout, self.extra_env = app, timeout, env or {}
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            self.port = sock.getsockname()[1]
        self.base = f"http://127.0.0.1:{self.port}"
        self.log = None
        self.proc: subprocess.Popen | None = None

    def __enter__(self) -> Server:
        env = {**os.environ, "BDHVS_DATABASE__URL": self.app.db_url, "BDHVS_AUTH__SECRET_KEY": "bench-not-secret",
               "PYTHONDONTWRITEBYTECODE": "1", **self.extra_env}
        self.log = open(self.app.log_path, "ab")
        self.proc = subprocess.Popen(
            [sys.executable, "manage.py", "serve", "--host", "127.0.0.1", "--port", str(self.port)],
            cwd=self.app.app_dir, env=env, stdout=self.log, stderr=subprocess.STDOUT, start_new_session=True)
        try:
            self._wait_ready()
        except BaseException:
            self.stop()
            raise
        return self

    def __exit__(self, *exc) -> None:  # type: ignore[no-untyped-def]
        self.stop()

    @property
    def backend_ports(self) -> list[int]:
        return [self.port]

    @property
    def pids(self) -> list[int]:
        return [self.proc.pid]

    def _wait_ready(self) -> None:
        deadline = time.monotonic() + self.timeout
        while time.monotonic() < deadline:
            self.check_running("start-up")
            try:
                with urllib.request.urlopen(self.base + "/healthz", timeout=2) as r:
                    if r.status == 200:
                        return
            except OSError:
                pass
            time.sleep(0.2)
        raise BenchError(f"the server did not answer /healthz within {self.timeout:.0f} s. Log:\n{self.tail()}")

    def check_running(self, during: str) -> None:
        """Raise BenchError, with the end of the server's log, if the server has exited."""
        if self.proc.poll() is not None:
            raise BenchError(f"the server exited with code {self.proc.returncode} during {during}. "
                             f"Last lines of its log:\n{self.tail()}")

    def tail(self, lines: int = 15) -> str:
        self.log.flush()
        text = self.app.log_path.read_text("utf-8", "replace")
        return "\n".join("    " + line for line in text.splitlines()[-lines:])

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)  # its own process group (start_new_session)
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait(5)
        if self.log is not None:
            self.log.close()


class ServedBehindNginx:
    """``count`` Servers of one AppCopy behind nginx on a free loopback port, configured as
    ``dev.py run`` does (commands/serve_plan.py of the copy); ``port`` is nginx's."""

    def __init__(self, app: AppCopy, count: int, timeout: float = 60.0) -> None:
        self.app, self.timeout = app, timeout
        trust = {"BDHVS_SERVER__TRUSTED_PROXIES": '["127.0.0.1"]'}
        self.servers = [Server(app, timeout, env=trust) for _ in range(count)]
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            self.port = sock.getsockname()[1]
        self.base = f"http://127.0.0.1:{self.port}"
        self.nginx: subprocess.Popen | None = None

    @property
    def backend_ports(self) -> list[int]:
        return [server.port for server in self.servers]

    @property
    def pids(self) -> list[int]:
        return [server.proc.pid for server in self.servers] + ([self.nginx.pid] if self.nginx else [])

    def __enter__(self) -> ServedBehindNginx:
        from commands.serve_plan import find_nginx, write_standalone_config  # from the copy

        nginx = find_nginx()
        if nginx is None:
            raise BenchError("--processes above 1 needs nginx (apt-get install nginx-light)")
        with ExitStack() as stack:
            for server in self.servers:
                stack.enter_context(server)
            run_dir = self.app.workdir / "nginx"
            conf = write_standalone_config(run_dir, f"127.0.0.1:{self.port}", self.backend_ports)
            self.nginx = subprocess.Popen([nginx, "-p", str(run_dir), "-c", str(conf), "-e", "stderr",
                                           "-g", "daemon off;"], stdout=self.servers[0].log, stderr=subprocess.STDOUT)
            deadline = time.monotonic() + self.timeout
            while True:
                try:
                    with urllib.request.urlopen(self.base + "/healthz", timeout=2):
                        break
                except OSError:
                    if self.nginx.poll() is not None or time.monotonic() > deadline:
                        raise BenchError(f"nginx did not start. Log:\n{self.servers[0].tail()}") from None
                    time.sleep(0.2)
            self._stack = stack.pop_all()
        return self

    def __exit__(self, *exc) -> None:  # type: ignore[no-untyped-def]
        if self.nginx is not None and self.nginx.poll() is None:
            self.nginx.terminate()
            self.nginx.wait(10)
        self._stack.close()

    def check_running(self, during: str) -> None:
        for server in self.servers:
            server.check_running(during)
        if self.nginx is not None and self.nginx.poll() is not None:
            raise BenchError(f"nginx exited with code {self.nginx.returncode} during {during}")


def run_on_a_copy(
    prefix: str,
    run: Callable[[AppCopy], None],
    report: Callable[[Path | None], None],
    keep: bool = False,
    source: Path = PROJECT,
) -> int | None:
    """Run a benchmark on a copy of the app and print its report whatever happens; the
    temporary folder goes last, after the report has read the server's log. Returns 2
    when the benchmark stopped on an error, 130 on Ctrl-C, None when it ran through."""
    with ExitStack() as stack:
        app = None
        try:
            app = stack.enter_context(app_copy(prefix, keep=keep, source=source))
            run(app)
        except (BenchError, OSError) as exc:
            print(f"\nBenchmark stopped: {exc}", file=sys.stderr)
            return 2
        except KeyboardInterrupt:
            print("\nInterrupted.", file=sys.stderr)
            return 130
        finally:
            report(app.log_path if app else None)
            if keep and app:
                print(f"Kept {app.workdir}")
    return None
