"""`manage.py serve`: what the trainer sees in the console."""

import os
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

import manage
from commands.serve import where_to_open
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


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost", "::1"])
def test_a_loopback_host_says_phones_cannot_reach_it_and_how_to_fix_it(host, monkeypatch):
    monkeypatch.setattr("commands.serve.phone_urls", lambda port: ["http://192.168.137.1:8600"])
    lines = " ".join(where_to_open(host, 8600))
    assert "Open http://localhost:8600 on this computer." in lines
    assert "Phones cannot open it: it listens only on this computer" in lines and "--host 0.0.0.0" in lines
    assert "no network" not in lines and "192.168.137.1" not in lines


def test_every_network_lists_the_wifi_addresses_or_says_there_is_no_network(monkeypatch):
    monkeypatch.setattr("commands.serve.phone_urls", lambda port: ["http://192.168.137.1:8600"])
    assert where_to_open("0.0.0.0", 8600)[1] == "On a phone on this computer's Wi-Fi, open http://192.168.137.1:8600"
    monkeypatch.setattr("commands.serve.phone_urls", lambda port: [])
    assert "this computer has no network yet" in where_to_open("0.0.0.0", 8600)[1]


def test_one_address_is_the_one_to_open():
    assert where_to_open("192.168.137.1", 8600) == [
        "Open http://192.168.137.1:8600 on this computer, or on a phone on the same network."]


def test_serve_prints_the_advice_before_starting(monkeypatch, capsys):
    monkeypatch.setattr("access.serving_host._SERVED_ON", [])  # serve tells the pages its host
    started = {}
    monkeypatch.setattr("uvicorn.run", lambda app, **options: started.update(options))
    assert manage.main(["serve", "--host", "127.0.0.1", "--port", "8600"]) == 0
    assert started["host"] == "127.0.0.1" and started["port"] == 8600
    assert "listens only on this computer" in capsys.readouterr().out


def test_serve_leaves_forwarded_headers_to_the_trusted_proxies_setting(monkeypatch):
    """uvicorn alone would believe X-Forwarded-Proto from 127.0.0.1, configured or not."""
    started = {}
    monkeypatch.setattr("uvicorn.run", lambda app, **options: started.update(options))
    assert manage.main(["serve", "--host", "127.0.0.1", "--port", "8600"]) == 0
    assert started["proxy_headers"] is False


def test_serve_on_a_network_warns_while_a_demo_password_is_unchanged(tmp_path, monkeypatch, capsys):
    from progress.database import connect, upgrade_to_head
    from progress.demo import seed_demo
    from progress.trainers import reset_trainer_password

    monkeypatch.setattr("access.serving_host._SERVED_ON", [])
    monkeypatch.setattr("uvicorn.run", lambda app, **options: None)
    url = f"sqlite:///{tmp_path / 'app.db'}"
    upgrade_to_head(url)
    db = connect(url)
    seed_demo(db)
    monkeypatch.setenv("BDHVS_DATABASE__URL", url)

    assert manage.main(["serve", "--host", "0.0.0.0", "--port", "8600"]) == 0
    out = capsys.readouterr().out
    assert "WARNING: the demo account(s) quantri, tapsu still have the password printed in the README" in out
    assert manage.main(["serve", "--host", "127.0.0.1", "--port", "8600"]) == 0
    assert "WARNING" not in capsys.readouterr().out  # only this computer can open it

    reset_trainer_password(db, "tapsu", "mat-khau-rieng")
    assert manage.main(["serve", "--host", "0.0.0.0", "--port", "8600"]) == 0
    assert "WARNING: the demo account(s) quantri still" in capsys.readouterr().out
    reset_trainer_password(db, "quantri", "mat-khau-quan-tri")
    assert manage.main(["serve", "--host", "0.0.0.0", "--port", "8600"]) == 0
    assert "WARNING" not in capsys.readouterr().out
    db.kw["bind"].dispose()
