"""`dev.py manage …`: manage.py's commands on a fresh clone, with the venv's Python."""

import subprocess
import sys

from tests.conftest import ROOT


def dev(*args: str, cwd) -> subprocess.CompletedProcess:  # type: ignore[no-untyped-def]
    return subprocess.run([sys.executable, str(ROOT / "dev.py"), *args], cwd=cwd, capture_output=True,
                          text=True, timeout=240)


def test_manage_passes_its_arguments_to_manage_py(tmp_path):
    result = dev("manage", "--help", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "usage: manage.py" in result.stdout and "add-trainer" in result.stdout


def test_manage_passes_the_exit_code_through(tmp_path):
    result = dev("manage", "restore", "no-such-backup.db", cwd=tmp_path)
    assert result.returncode == 1
    assert "no-such-backup.db does not exist" in result.stderr
