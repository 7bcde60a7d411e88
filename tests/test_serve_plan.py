"""`dev.py run`: one app process, or one per core behind nginx (commands/serve_plan.py),
and the nginx configuration it writes (commands/nginx_config.py)."""

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from access.http_routes import FIXED_SECURITY_HEADERS, IMMUTABLE_PREFIXES
from commands.nginx_config import listen_address, nginx_site, streamlit_static_folder
from commands.serve_plan import choose_processes, find_nginx, serve_plan
from tests.conftest import ROOT

NGINX = "/usr/sbin/nginx"


@pytest.mark.parametrize(("requested", "nginx", "cores", "count"), [
    ("auto", NGINX, 2, 2),
    ("auto", NGINX, 8, 8),
    ("auto", None, 8, 1),  # Windows, or nginx not installed
    ("auto", NGINX, 1, 1),
    (1, NGINX, 8, 1),
    (3, NGINX, 2, 3),
    (3, None, 2, 1),
])
def test_processes_follow_the_setting_the_cores_and_nginx(requested, nginx, cores, count):
    chosen, why = choose_processes(requested, nginx, cores)
    assert chosen == count
    assert why  # the terminal says which mode it chose, in a sentence


def test_without_nginx_a_number_says_how_to_get_it():
    assert "apt-get install nginx-light" in choose_processes(2, None, 2)[1]


def test_one_process_listens_where_it_always_did(tmp_path):
    plan = serve_plan("0.0.0.0", 8501, "auto", None, 2, (), tmp_path)
    assert plan.mode == "single"
    [app] = plan.children
    assert app.argv[-4:] == ["--host", "0.0.0.0", "--port", "8501"]
    assert any("8501" in line for line in plan.say)
    assert not app.restart  # alone, its exit is dev.py's (and Ctrl+C on Windows reaches it first)


def test_behind_nginx_the_processes_listen_on_loopback_and_trust_only_nginx(tmp_path):
    plan = serve_plan("0.0.0.0", 8501, 2, NGINX, 2, ("10.0.0.0/8",), tmp_path)
    assert plan.mode == "nginx"
    *apps, nginx = plan.children
    assert len(apps) == 2
    ports = []
    for app in apps:
        host, port, public = (app.argv[app.argv.index(flag) + 1] for flag in ("--host", "--port", "--public-host"))
        assert (host, public) == ("127.0.0.1", "0.0.0.0")
        assert json.loads(app.env["BDHVS_SERVER__TRUSTED_PROXIES"]) == ["10.0.0.0/8", "127.0.0.1"]
        ports.append(int(port))
    assert nginx.argv[0] == NGINX and "daemon off;" in nginx.argv
    assert nginx.after_ports == ports  # nginx starts once the apps answer
    assert [app.restart for app in apps] == [True, True] and not nginx.restart  # dev.py restarts a dead app
    conf = (tmp_path / "nginx.conf").read_text()
    assert "listen 8501;" in conf
    assert all(f"server 127.0.0.1:{port} " in conf for port in ports)
    assert str(tmp_path) in conf  # pid and temporary files stay in its own folder


def test_the_site_routes_by_the_app_cookie_and_serves_media_with_the_apps_headers(tmp_path):
    site = nginx_site("8080", [8601, 8602], tmp_path / "static")
    assert "hash $bdhvs_app_route consistent;" in site
    assert 'map $cookie_bdhvs_node $bdhvs_app_route { "" $request_id;' in site
    assert "proxy_set_header Upgrade $http_upgrade;" in site
    assert "proxy_set_header Host $http_host;" in site  # with the port: the app checks Origin against it
    for prefix in IMMUTABLE_PREFIXES:
        start = site.index(f"location ^~ {prefix} ")
        block = site[start:site.index("}", start)]
        assert f"alias {(tmp_path / 'static' / prefix.split('/')[3]).as_posix()}/;" in block
        assert "immutable" in block
        for name, value in FIXED_SECURITY_HEADERS:
            assert f'add_header {name.decode().title()} "{value.decode()}" always;' in block
        assert "add_header Content-Security-Policy \"default-src 'self';" in block
    assert "gzip on;" in site
    # when no app process answers, a plain Vietnamese page, not nginx's "502 Bad Gateway"
    assert "error_page 502 503 504 @bdhvs_app_unavailable;" in site and "Bác chờ một chút" in site


@pytest.mark.parametrize(("host", "listen"), [
    ("0.0.0.0", "8501"), ("127.0.0.1", "127.0.0.1:8501"), ("::", "[::]:8501"), ("::1", "[::1]:8501"),
])
def test_listen_address(host, listen):
    assert listen_address(host, 8501) == listen


@pytest.mark.skipif(find_nginx() is None, reason="nginx is not installed (CI installs nginx-light)")
def test_nginx_accepts_the_written_configuration(tmp_path):
    serve_plan("127.0.0.1", 8501, 2, find_nginx(), 2, (), tmp_path)
    result = subprocess.run([find_nginx(), "-t", "-p", str(tmp_path), "-c", str(tmp_path / "nginx.conf"),
                             "-e", "stderr"], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_nginx_site_command_prints_a_site_for_a_district_server():
    result = subprocess.run([sys.executable, str(ROOT / "manage.py"), "nginx-site", "--listen", "80",
                             "--ports", "8601", "8602", "--static-root", "/srv/bdhvs/static"],
                            capture_output=True, text=True, cwd=ROOT, check=True)
    assert "server 127.0.0.1:8602 " in result.stdout
    assert "alias /srv/bdhvs/static/audio/;" in result.stdout


def test_shutil_is_what_finds_nginx_on_path(monkeypatch):
    monkeypatch.setattr(shutil, "which", lambda name: "/opt/bin/nginx")
    assert find_nginx() == "/opt/bin/nginx"


def test_windows_keeps_one_process_even_with_an_nginx_on_path(monkeypatch):
    monkeypatch.setattr(shutil, "which", lambda name: "C:/nginx/nginx.exe")
    monkeypatch.setattr("commands.serve_plan.os.name", "nt")
    assert find_nginx() is None


def test_a_phone_cannot_choose_the_address_the_app_sees(tmp_path):
    """X-Forwarded-For is set, not appended to: a phone's own header would come first."""
    site = nginx_site("8080", [8601], tmp_path)
    assert "proxy_set_header X-Forwarded-For $remote_addr;" in site
    assert "$proxy_add_x_forwarded_for" not in site and "set_real_ip_from" not in site


def test_behind_a_balancer_the_phone_address_comes_from_it(tmp_path):
    site = nginx_site("80", [8601], tmp_path, scheme="https", balancers=("10.0.0.2", "10.0.0.3"))
    assert "set_real_ip_from 10.0.0.2;" in site and "set_real_ip_from 10.0.0.3;" in site
    assert "real_ip_header X-Forwarded-For;" in site
    assert "proxy_set_header X-Forwarded-Proto https;" in site


def test_nginx_serves_streamlits_scripts_and_styles_from_the_installed_streamlit(tmp_path):
    """From the folder the app processes' Streamlit would answer them from, cached for a
    year, with nosniff but no page headers; /static/media/ (fonts the app answers with
    smaller files) stays with the app."""
    import streamlit

    site = nginx_site("8080", [8601], tmp_path / "static")
    installed = Path(streamlit.__file__).parent / "static" / "static"
    assert streamlit_static_folder() == installed
    for folder in ("js", "css"):
        start = site.index(f"location ^~ /static/{folder}/ ")
        block = site[start:site.index("}", start)]
        assert f"alias {(installed / folder).as_posix()}/;" in block
        assert any((installed / folder).iterdir())
        assert 'add_header Cache-Control "public, max-age=31536000, immutable";' in block
        assert 'add_header X-Content-Type-Options "nosniff" always;' in block
        assert "Content-Security-Policy" not in block and "X-Frame-Options" not in block
        assert "Set-Cookie" not in block
    assert "/static/media/" not in site
    assert "application/javascript" in site and "text/css" in site  # gzip_types


def test_a_district_server_can_name_another_streamlit_folder(tmp_path):
    site = nginx_site("80", [8601], tmp_path, streamlit_static=Path("/srv/bdhvs/app/.venv/st/static/static"))
    assert "alias /srv/bdhvs/app/.venv/st/static/static/js/;" in site


@pytest.mark.skipif(find_nginx() is None, reason="nginx is not installed (CI installs nginx-light)")
def test_nginx_answers_a_streamlit_script_itself_gzipped(tmp_path):
    """No app process runs here: the script comes from nginx alone."""
    import gzip
    import socket
    import time
    import urllib.request

    from commands.serve_plan import free_local_port, write_standalone_config

    script = next((streamlit_static_folder() / "js").glob("index.*.js"))
    port = free_local_port()
    conf = write_standalone_config(tmp_path, f"127.0.0.1:{port}", [free_local_port()])
    nginx = subprocess.Popen([find_nginx(), "-p", str(tmp_path), "-c", str(conf), "-e", "stderr",
                              "-g", "daemon off;"], stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 30
        while True:  # until nginx listens
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                assert nginx.poll() is None and time.monotonic() < deadline, "nginx did not start"
                time.sleep(0.1)
        request = urllib.request.Request(f"http://127.0.0.1:{port}/static/js/{script.name}",
                                         headers={"Accept-Encoding": "gzip"})
        with urllib.request.urlopen(request, timeout=10) as response:
            assert response.status == 200
            assert response.headers["Content-Encoding"] == "gzip"
            assert gzip.decompress(response.read()) == script.read_bytes()
            assert response.headers["Cache-Control"] == "public, max-age=31536000, immutable"
            assert response.headers["X-Content-Type-Options"] == "nosniff"
            assert response.headers["Content-Type"] == "application/javascript"
            assert response.headers["Server"].startswith("nginx")
    finally:
        nginx.terminate()
        nginx.wait(10)


def test_an_nginx_started_as_root_keeps_its_workers_as_that_user():
    """Started by root, nginx's workers would become ``nobody`` and could not read a
    project in a private folder (mktemp -d, a home folder): every script 403, a blank page."""
    from commands.nginx_config import standalone_config

    assert standalone_config("server {}", Path("/run/x"), run_as="root").startswith("user root;\nworker_processes 1;")
    assert "user " not in standalone_config("server {}", Path("/run/x")).split("http {")[0]
