"""Stopping `dev.py run` stops the server it started (nginx and every app process, where
nginx is installed), so the next start finds the port free."""

import os
import re
import signal
import socket
import subprocess
import sys
import time

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.skipif(os.name == "nt", reason="sends SIGTERM, which Windows does not have")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def port_answers(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1):
            return True
    except OSError:
        return False


def wait_for(condition, seconds: float) -> bool:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return condition()


def test_sigterm_to_dev_run_stops_the_server_and_frees_the_port(tmp_path):
    port = free_port()
    env = {**os.environ, "BDHVS_DATABASE__URL": f"sqlite:///{tmp_path / 'hoc.db'}"}
    log = (tmp_path / "dev-run.log").open("w")
    dev = subprocess.Popen(
        [sys.executable, str(ROOT / "dev.py"), "run", "--host", "127.0.0.1", "--port", str(port)],
        cwd=tmp_path, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
    )
    try:
        started = wait_for(lambda: port_answers(port) or dev.poll() is not None, 120)
        assert started and dev.poll() is None, (tmp_path / "dev-run.log").read_text()
        dev.send_signal(signal.SIGTERM)
        code = dev.wait(timeout=20)
        assert wait_for(lambda: not port_answers(port), 5), "the server still holds the port after dev.py stopped"
        # with nginx installed, dev.py ran app processes behind it: each of them stopped too
        conf = ROOT / "data" / f"nginx-{port}" / "nginx.conf"
        written = conf.read_text() if conf.exists() else ""
        backends = [int(p) for p in re.findall(r"server 127\.0\.0\.1:(\d+) ", written)]
        assert not [p for p in backends if port_answers(p)], "an app process outlived dev.py"
        assert code == 0
    finally:
        try:
            os.killpg(dev.pid, signal.SIGKILL)  # dev.py and the server it started, whatever happened
        except ProcessLookupError:
            pass
        log.close()
