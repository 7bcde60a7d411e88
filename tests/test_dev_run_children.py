"""dev.py's serve_until_stopped with several children (app processes and nginx): one that
stops by itself stops the others; nginx starts only once the app processes answer."""

import signal
import sys
import time

import pytest

import dev


@pytest.fixture(autouse=True)
def keep_signal_handlers():
    """serve_until_stopped passes stop signals on; give pytest its own back afterwards."""
    names = [name for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name)]
    saved = {name: signal.getsignal(getattr(signal, name)) for name in names}
    yield
    for name, handler in saved.items():
        signal.signal(getattr(signal, name), handler)


def test_one_child_ending_by_itself_stops_the_others_with_its_exit_code(tmp_path):
    marker = tmp_path / "stopped"
    # the sleeper writes a file when it is stopped by SIGTERM, as uvicorn stops cleanly
    stoppable = [sys.executable, "-c",
                 "import signal, sys, time, pathlib\n"
                 f"signal.signal(signal.SIGTERM, lambda *a: (pathlib.Path({str(marker)!r}).write_text('x'), "
                 "sys.exit(0)))\n"
                 "time.sleep(120)"]
    children = [dev.Child("app 1", stoppable, {}, []),
                dev.Child("app 2", [sys.executable, "-c", "import sys, time; time.sleep(1); sys.exit(3)"], {}, [])]
    started = time.monotonic()
    assert dev.serve_until_stopped(children) == 3
    assert time.monotonic() - started < dev.STOP_GRACE_SECONDS
    assert marker.exists(), "the other app process was not asked to stop"


def test_nginx_is_not_started_when_an_app_process_dies_before_it_answers(tmp_path):
    never_listened = 1  # nothing listens on port 1
    marker = tmp_path / "nginx-started"
    children = [dev.Child("app 1", [sys.executable, "-c", "import sys; sys.exit(4)"], {}, []),
                dev.Child("nginx", [sys.executable, "-c", f"open({str(marker)!r}, 'w')"], {}, [never_listened])]
    assert dev.serve_until_stopped(children) == 4
    assert not marker.exists()


def test_a_single_process_keeps_its_own_exit_code():
    assert dev.serve_until_stopped([dev.Child("app", [sys.executable, "-c", "pass"], {}, [])]) == 0


def test_an_app_process_that_dies_after_a_while_is_started_again(tmp_path, monkeypatch):
    """Behind nginx, a crashed app process comes back on its port; here it dies three times,
    and each time it is started again, until nginx (a stand-in that waits for the third
    start) stops by itself and everything stops."""
    monkeypatch.setattr(dev, "RESTART_AFTER_SECONDS", 0.2)
    starts = tmp_path / "starts"
    app = [sys.executable, "-c",
           f"import time; open({str(starts)!r}, 'a').write('start\\n'); time.sleep(0.5); raise SystemExit(9)"]
    nginx = [sys.executable, "-c",
             "import pathlib, sys, time\n"
             f"p = pathlib.Path({str(starts)!r})\n"
             "while not p.exists() or p.read_text().count('start') < 3: time.sleep(0.1)\n"
             "sys.exit(5)"]
    children = [dev.Child("app 1 (port 8601)", app, {}, [], restart=True), dev.Child("nginx", nginx, {}, [])]
    assert dev.serve_until_stopped(children) == 5  # nginx's end stopped it, not the app's
    assert starts.read_text().count("start") >= 3


def test_an_app_process_that_dies_at_once_is_not_started_again(tmp_path):
    """Dying before RESTART_AFTER_SECONDS means a broken set-up (a port taken, a bad
    setting): everything stops with its exit code, as before."""
    starts = tmp_path / "starts"
    app = [sys.executable, "-c", f"open({str(starts)!r}, 'a').write('start\\n'); raise SystemExit(7)"]
    sleeper = [sys.executable, "-c", "import time; time.sleep(120)"]
    children = [dev.Child("app 1", app, {}, [], restart=True), dev.Child("nginx", sleeper, {}, [])]
    assert dev.serve_until_stopped(children) == 7
    assert starts.read_text().count("start") == 1

