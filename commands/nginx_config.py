"""nginx in front of several app processes (../shared/DEPLOY_NOTES.md, tested there).

Each phone gets a routing cookie, ``bdhvs_node``; nginx hashes it to pick a process, so
every HTTP request and the websocket of one phone reach the same process (Streamlit
keeps a session in that process's memory). When that process dies, the same cookie
hashes to another one, where the phone's sign-in cookie signs it in again.

nginx also serves the content-addressed audio and pictures itself (from ``static/``,
cached forever, as the app would), and Streamlit's own scripts and styles (``/static/js/``
and ``/static/css/``, from the installed Streamlit's folder: names that carry a content
hash, cached forever), gzips, and puts the app's security headers (access/http_routes.py)
on everything it answers itself, errors included. ``/static/media/`` stays with the app,
which answers some of Streamlit's font URLs with smaller files (ui/font_files.py).
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

from access.http_routes import (
    FIXED_SECURITY_HEADERS,
    IMMUTABLE,
    IMMUTABLE_PREFIXES,
    INERT_HEADERS,
    content_security_policy,
)

MAX_UPLOAD_MB = 21  # .streamlit/config.toml maxUploadSize (20 MB) and a little room
GZIP_TYPES = ("text/css application/javascript text/javascript application/json image/svg+xml "
              "text/plain text/xml application/xml font/ttf application/wasm")

# nginx answers this itself when no app process answers (starting, or all stopped):
# a plain message instead of nginx's own "502 Bad Gateway".
_UNAVAILABLE_PAGE = (
    '<!doctype html><html lang="vi"><meta charset="utf-8">'
    '<meta name="viewport" content="width=device-width, initial-scale=1"><title>Chờ một chút</title>'
    '<body style="font-family:sans-serif;font-size:22px;padding:1rem;line-height:1.5">'
    '<h1 style="font-size:28px">⏳ Ứng dụng đang khởi động</h1>'
    '<p>Bác chờ một chút rồi tải lại trang.</p><p><a href="/">Tải lại</a></p></body></html>'
)


STREAMLIT_BUNDLE_FOLDERS = ("js", "css")  # under /static/: what nginx serves of Streamlit's own files


def streamlit_static_folder() -> Path:
    """The installed Streamlit's ``static/static`` folder (its ``/static/`` URLs), found
    without importing Streamlit."""
    spec = importlib.util.find_spec("streamlit")
    if spec is None or spec.origin is None:
        raise RuntimeError("Streamlit is not installed in this Python")
    return Path(spec.origin).parent / "static" / "static"


def listen_address(host: str, port: int) -> str:
    """nginx's ``listen`` for the address the app would listen on."""
    if host in ("0.0.0.0", ""):
        return str(port)
    if host == "::":
        return f"[::]:{port}"
    return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"


def _security_headers(indent: str) -> str:
    """``add_header`` lines for what nginx serves itself. Static files and nginx's own
    pages open no websocket, so the policy names none (the app's pages name theirs)."""
    pairs = [("Content-Security-Policy", content_security_policy(""))]
    pairs += [(name.decode().title(), value.decode()) for name, value in FIXED_SECURITY_HEADERS]
    return "".join(f'{indent}add_header {name} "{value}" always;\n' for name, value in pairs)


def _bundle_locations(streamlit_static: Path) -> str:
    """Streamlit's scripts and styles, straight from its folder: what the app would answer
    (ui/static_bundle.py), with the headers a script needs and no page headers."""
    headers = "".join(f'        add_header {name.decode().title()} "{value.decode()}" always;\n'
                      for name, value in INERT_HEADERS)
    return "".join(
        f"    location ^~ /static/{folder}/ {{\n"
        f"        alias {(streamlit_static / folder).as_posix()}/;\n"
        f'        add_header Cache-Control "{IMMUTABLE.decode()}";  # 200/304 only: never a 404 forever\n'
        f"{headers}"
        "    }\n"
        for folder in STREAMLIT_BUNDLE_FOLDERS
    )


def _static_locations(static_root: Path) -> str:
    blocks = []
    for prefix in IMMUTABLE_PREFIXES:  # /app/static/audio/ -> <static_root>/audio/
        folder = static_root / prefix.removeprefix("/app/static/")
        blocks.append(
            f"    location ^~ {prefix} {{\n"
            f"        alias {folder.as_posix()}/;\n"
            "        log_not_found off;\n"
            f'        add_header Cache-Control "{IMMUTABLE.decode()}";  # 200/206/304 only: never a 404 forever\n'
            f"{_security_headers('        ')}"
            "    }\n"
        )
    return "".join(blocks)


def nginx_site(listen: str, backend_ports: list[int], static_root: Path, name: str = "bdhvs_app",
               scheme: str = "$scheme", balancers: tuple[str, ...] = (), streamlit_static: Path | None = None) -> str:
    """The ``http``-level part: the routing-cookie map, the upstream of app processes on
    127.0.0.1, and the server. Fits /etc/nginx/sites-available/ as it is. ``scheme``:
    what the app is told phones used (``https`` behind a balancer that ends TLS).
    ``streamlit_static``: Streamlit's ``static/static`` folder (default: the one this
    Python has installed, which the app processes run).

    X-Forwarded-For is the phone's address alone, never a list a phone could start with
    an address of its choosing (the app counts wrong passwords per address). Behind load
    ``balancers`` (their addresses), nginx takes the phone's address from theirs."""
    real_ip = "".join(f"    set_real_ip_from {address};\n" for address in balancers)
    if balancers:
        real_ip += "    real_ip_header X-Forwarded-For;\n    real_ip_recursive on;\n"
    servers = "".join(f"    server 127.0.0.1:{port} max_fails=2 fail_timeout=10s;\n" for port in backend_ports)
    bundle = _bundle_locations(streamlit_static or streamlit_static_folder())
    return (
        "# Written by `manage.py nginx-site` (commands/nginx_config.py); see docs/deploy.md.\n"
        f'map $cookie_bdhvs_node ${name}_route {{ "" $request_id; default $cookie_bdhvs_node; }}\n'
        f'map $http_upgrade ${name}_upgrade {{ default upgrade; "" close; }}\n'
        f"upstream {name} {{\n"
        f"    hash ${name}_route consistent;\n"
        f"{servers}"
        "}\n"
        "server {\n"
        f"    listen {listen};\n"
        f"    client_max_body_size {MAX_UPLOAD_MB}m;\n"
        f"{real_ip}"
        "    gzip on;\n"
        "    gzip_comp_level 6;\n"
        "    gzip_min_length 1000;\n"
        "    gzip_proxied any;\n"
        "    gzip_vary on;\n"
        f"    gzip_types {GZIP_TYPES};\n"
        f"{_static_locations(static_root)}"
        f"{bundle}"
        "    location / {\n"
        f"        proxy_pass http://{name};\n"
        "        proxy_http_version 1.1;\n"
        "        proxy_set_header Upgrade $http_upgrade;\n"
        f"        proxy_set_header Connection ${name}_upgrade;\n"
        # $http_host keeps the port: the app compares it with Origin (sign-in) and names
        # the websocket's address in its Content-Security-Policy
        "        proxy_set_header Host $http_host;\n"
        "        proxy_set_header X-Forwarded-Host $http_host;\n"
        "        proxy_set_header X-Forwarded-For $remote_addr;\n"
        f"        proxy_set_header X-Forwarded-Proto {scheme};\n"
        "        proxy_read_timeout 1h;\n"
        "        proxy_send_timeout 1h;\n"
        f'        add_header Set-Cookie "bdhvs_node=${name}_route; Path=/; HttpOnly; SameSite=Lax; '
        'Max-Age=2592000" always;\n'
        f"        error_page 502 503 504 @{name}_unavailable;\n"
        "    }\n"
        f"    location @{name}_unavailable {{\n"
        '        default_type "text/html; charset=utf-8";\n'
        '        add_header Cache-Control "no-store" always;\n'
        '        add_header Retry-After "5" always;\n'
        f"{_security_headers('        ')}"
        f"        return 503 '{_UNAVAILABLE_PAGE}';\n"
        "    }\n"
        "}\n"
    )


_MIME_TYPES = {
    "text/html": "html", "text/css": "css", "application/javascript": "js mjs", "application/json": "json",
    "image/svg+xml": "svg", "image/png": "png", "image/jpeg": "jpg jpeg", "image/webp": "webp",
    "audio/mpeg": "mp3", "audio/ogg": "ogg oga", "audio/wav": "wav", "audio/webm": "weba",
    "audio/mp4": "m4a", "font/woff2": "woff2", "font/woff": "woff", "font/ttf": "ttf",
}


def standalone_config(site: str, prefix: Path, run_as: str | None = None) -> str:
    """A whole nginx.conf for an nginx run by this user (the laptop): every file it
    writes is under ``prefix``, errors go to the terminal, no access log. ``run_as``: the
    user its workers keep when it is started as root, which would otherwise make them
    ``nobody``, unable to read a project in a private folder (a blank page: no scripts)."""
    temp = "".join(f"    {kind}_temp_path {(prefix / kind).as_posix()};\n"
                   for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    types = "".join(f"        {mime} {extensions};\n" for mime, extensions in _MIME_TYPES.items())
    indented = "".join(f"    {line}\n" if line else "\n" for line in site.splitlines())
    user = f"user {run_as};\n" if run_as else ""
    return (
        user
        + "worker_processes 1;\n"
        f"pid {(prefix / 'nginx.pid').as_posix()};\n"
        "error_log stderr error;\n"
        "events { worker_connections 4096; }\n"
        "http {\n"
        f"    types {{\n{types}    }}\n"
        "    default_type application/octet-stream;\n"
        "    access_log off;\n"
        "    sendfile on;\n"
        f"{temp}"
        f"{indented}"
        "}\n"
    )
