"""Our components' JavaScript as files the phone downloads once and keeps.

A Streamlit component given its JavaScript as a string sends that string with every
instance on every rerun: a lesson step with two "Nghe" buttons re-sent about 5 KB of
the same code each time. Instead each component gets a few-line loader that imports
``ui/browser/<name>.js`` from this server's ``/ui-js/`` route. The URL carries a hash
of the file, so the browser may cache it for a year and a changed file gets a new URL.

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
_NAME = re.compile(r"^[a-z_]+\.js$")
_IMMUTABLE = "public, max-age=31536000, immutable"

_LOADER = """
export default function(component) {
    const url = new URL("%s", document.baseURI).href;
    import(url).then((module) => module.default(component))
        .catch((error) => console.error("could not load " + url, error));
}
"""


@cache
def module_version(name: str) -> str:
    """A short hash of ``ui/browser/<name>.js`` (read once per process)."""
    return hashlib.sha256((MODULES_DIR / f"{name}.js").read_bytes()).hexdigest()[:12]


def module_url(name: str) -> str:
    """The page-relative URL of a module, with its version."""
    return f"{ROUTE_PREFIX.lstrip('/')}{name}.js?v={module_version(name)}"


def loader_js(name: str) -> str:
    """Inline JavaScript for ``st.components.v2.component(js=...)`` that runs the module."""
    return _LOADER % module_url(name)


async def browser_module_route(request: Request) -> Response:
    """GET /ui-js/<name>.js: one of the files in ui/browser/, nothing else."""
    file_name = request.path_params["name"]
    if not _NAME.match(file_name) or not (MODULES_DIR / file_name).is_file():
        return PlainTextResponse("not found", status_code=404)
    name = file_name.removesuffix(".js")
    current = request.query_params.get("v") == module_version(name)
    return Response(
        (MODULES_DIR / file_name).read_bytes(),
        media_type="text/javascript; charset=utf-8",
        headers={"Cache-Control": _IMMUTABLE if current else "no-cache"},
    )
