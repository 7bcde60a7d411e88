"""deploy/: the district server's files stay in step with the code (docs/deploy.md)."""

import subprocess
import sys

import pytest

from commands.serve_plan import find_nginx
from tests.conftest import ROOT

DEPLOY = ROOT / "deploy"
SITE_COMMAND = ["nginx-site", "--listen", "80", "--ports", "8601", "8602", "8603", "8604",
                "--static-root", "/srv/bdhvs/app/static",
                "--streamlit-static", "/srv/bdhvs/app/.venv/lib/python3.11/site-packages/streamlit/static/static"]


def test_the_shipped_nginx_site_is_what_the_code_writes():
    """deploy/nginx-site.conf is an example of `manage.py nginx-site` output; regenerate it with
    `.venv/bin/python manage.py nginx-site --listen 80 --ports 8601 8602 8603 8604
    --static-root /srv/bdhvs/app/static
    --streamlit-static /srv/bdhvs/app/.venv/lib/python3.11/site-packages/streamlit/static/static
    > deploy/nginx-site.conf`."""
    written = subprocess.run([sys.executable, str(ROOT / "manage.py"), *SITE_COMMAND], cwd=ROOT,
                             capture_output=True, text=True, check=True).stdout
    assert (DEPLOY / "nginx-site.conf").read_text() == written


@pytest.mark.skipif(find_nginx() is None, reason="nginx is not installed (CI installs nginx-light)")
def test_nginx_accepts_the_shipped_site(tmp_path):
    temp = "".join(f"{kind}_temp_path {tmp_path / kind}; " for kind in ("client_body", "proxy", "fastcgi", "uwsgi",
                                                                         "scgi"))
    wrapper = tmp_path / "nginx.conf"
    wrapper.write_text(f"pid {tmp_path / 'nginx.pid'}; events {{}} http {{ {temp} include "
                       f"{DEPLOY / 'nginx-site.conf'}; }}\n")
    result = subprocess.run([find_nginx(), "-t", "-p", str(tmp_path), "-c", str(wrapper), "-e", "stderr"],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_the_unit_starts_one_process_on_loopback_with_flags_serve_knows():
    unit = (DEPLOY / "bdhvs@.service").read_text()
    exec_start = next(line for line in unit.splitlines() if line.startswith("ExecStart="))
    assert "manage.py serve --host 127.0.0.1 --port %i --public-host" in exec_start
    serve_help = subprocess.run([sys.executable, str(ROOT / "manage.py"), "serve", "--help"], cwd=ROOT,
                                capture_output=True, text=True, check=True).stdout
    assert "--public-host" in serve_help


def test_the_start_script_migrates_once_before_it_starts_the_processes():
    script = (DEPLOY / "bdhvs-start").read_text()
    assert script.count("as_app migrate") == 1
    assert script.index("as_app migrate") < script.index('systemctl enable --now --quiet "bdhvs@')
    assert subprocess.run(["bash", "-n", str(DEPLOY / "bdhvs-start")]).returncode == 0
