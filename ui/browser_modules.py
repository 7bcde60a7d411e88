"""Our components' JavaScript and the page's CSS as files the phone downloads once and keeps.

A Streamlit component given its JavaScript as a string sends that string with every
instance on every rerun: a lesson step with two "Nghe" buttons re-sent about 5 KB of
the same code each time, and the page style another 3.6 KB on every full rerun.
Instead each component gets a few-line loader that imports ``ui/browser/<name>.js``,
and the style is one ``@import`` of ``ui/browser/page.css``, both from this server's
``/ui-js/`` route. The URL carries a hash of the file, so the browser may cache it for
a year and a changed file gets a new URL.

Only ``python manage.py serve`` (ui/web_server.py) mounts the route.
"""

from __future__ import annotations

import hashlib
import re
from functools import cache
from pathlib import Path

from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response

MODULES_DIR = Path(__file__).parent / "browser"
ROUTE_PREFIX = "/ui-js/"
_NAME = re.compile(r"^[a-z_]+\.(js|css)$")
_TYPES = {"js": "text/javascript; charset=utf-8", "css": "text/css; charset=utf-8"}
_IMMUTABLE = "public, max-age=31536000, immutable"

_LOADER = """
export default function(component) {
    const url = new URL("%s", document.baseURI).href;
    import(url).then((module) => module.default(component))
        .catch((error) => console.error("could not load " + url, error));
}
"""


@cache
def asset_version(file_name: str) -> str:
    """A short hash of ``ui/browser/<file_name>`` (read once per process)."""
    return hashlib.sha256((MODULES_DIR / file_name).read_bytes()).hexdigest()[:12]


def asset_url(file_name: str) -> str:
    """The page-relative URL of a file of ui/browser/, with its version."""
    return f"{ROUTE_PREFIX.lstrip('/')}{file_name}?v={asset_version(file_name)}"


def module_url(name: str) -> str:
    """The URL of the JavaScript module ``ui/browser/<name>.js``."""
    return asset_url(f"{name}.js")


def loader_js(name: str) -> str:
    """Inline JavaScript for ``st.components.v2.component(js=...)`` that runs the module."""
    return _LOADER % module_url(name)


async def browser_module_route(request: Request) -> Response:
    """GET /ui-js/<name>.js or <name>.css: one of the files in ui/browser/, nothing else."""
    file_name = request.path_params["name"]
    match = _NAME.match(file_name)
    if not match or not (MODULES_DIR / file_name).is_file():
        return PlainTextResponse("not found", status_code=404)
    current = request.query_params.get("v") == asset_version(file_name)
    return Response(
        (MODULES_DIR / file_name).read_bytes(),
        media_type=_TYPES[match.group(1)],
        headers={"Cache-Control": _IMMUTABLE if current else "no-cache"},
    )
