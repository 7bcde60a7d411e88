"""`manage.py serve`: what the trainer sees in the console."""

import os
import socket
import subprocess
import sys
import time
import urllib.request

from tests.conftest import ROOT


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_serve(tmp_path, port: int, log_name: str) -> tuple[subprocess.Popen, object]:
    env = {**os.environ, "BDHVS_DATABASE__URL": f"sqlite:///{tmp_path / 'hoc.db'}"}
    log = (tmp_path / log_name).open("w")
    server = subprocess.Popen(
        [sys.executable, str(ROOT / "manage.py"), "serve", "--host", "127.0.0.1", "--port", str(port)],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
    )
    return server, log


def wait_for_health(port: int, server: subprocess.Popen, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and server.poll() is None:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2) as answer:
                if answer.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise AssertionError("the server did not answer /healthz")


def stop(server: subprocess.Popen) -> None:
    if server.poll() is None:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def test_requests_are_not_logged_and_an_error_is_logged_once(tmp_path):
    port = free_port()
    server, log = start_serve(tmp_path, port, "first.log")
    try:
        wait_for_health(port, server)
        urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=5).close()
        second, second_log = start_serve(tmp_path, port, "second.log")  # the port is taken
        try:
            second.wait(timeout=60)
        finally:
            stop(second)
            second_log.close()
    finally:
        stop(server)
        log.close()
    first_output = (tmp_path / "first.log").read_text()
    assert "GET /healthz" not in first_output, first_output
    assert "Application startup complete" not in first_output
    second_output = (tmp_path / "second.log").read_text()
    assert second_output.count("address already in use") == 1, second_output
