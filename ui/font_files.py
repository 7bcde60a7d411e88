"""Small files at the URLs of Streamlit's fonts: 8 KB where a phone downloaded 534 KB.

- **Icons.** Streamlit's frontend asks for its 367 KB Material Symbols font as soon as a
  page opens (``document.fonts.load`` at start-up), whether or not an icon is shown; a
  learner sees only the expander arrows of the home screen. Streamlit names every icon
  it draws as ``:material/<name>:`` in its JavaScript (78 names in 1.67).
  ``ui/browser/icons.woff2`` holds just those glyphs and their ligatures (the same text
  draws the same icon), 8 KB; ``ui/browser/icons.txt`` lists the names.
- **Text.** The theme names the phone's own fonts (``.streamlit/config.toml``,
  ``theme.font``: Roboto / Noto Sans on Android draw Vietnamese well), but Streamlit
  adds its Source Sans (167 KB, italic 136 KB) at the end of the list, and a browser
  fetches it for any character the fonts before it lack. ``ui/browser/no_glyphs.woff2``
  (316 bytes, no glyphs) answers there instead, so such a character falls through to
  the phone's own font. ``ui/font_preload.py`` drops Streamlit's preload of it.

``LighterFonts`` (a middleware: Streamlit keeps routes under /static/ for itself)
answers those URLs, cached as Streamlit caches its own files — the icon font only when
every icon name the installed Streamlit uses is in icons.txt: after an upgrade that
draws a new icon it steps aside (phones get the full font) and
``tests/ui/test_font_files.py`` fails until the files are built again:

    .venv/bin/python -m ui.font_files      # needs fonttools and brotli (requirements-dev.txt)
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import streamlit
from starlette.responses import Response
from starlette.types import ASGIApp, Receive, Scope, Send

MODULES_DIR = Path(__file__).parent / "browser"
ICONS_FILE = MODULES_DIR / "icons.woff2"
ICON_NAMES_FILE = MODULES_DIR / "icons.txt"
NO_GLYPHS_FILE = MODULES_DIR / "no_glyphs.woff2"
STREAMLIT_MEDIA = Path(streamlit.__file__).parent / "static" / "static" / "media"
STREAMLIT_JS = STREAMLIT_MEDIA.parent / "js"
ICON_FONT_GLOB = "MaterialSymbols-Rounded.*.woff2"
TEXT_FONT_GLOB = "SourceSansVF-*.woff2"  # upright and italic
_ICON_NAME = re.compile(rb":material/([a-z0-9_]+):")
_IMMUTABLE = "public, max-age=31536000, immutable"


def streamlit_fonts(pattern: str) -> list[Path]:
    """Streamlit's own font files matching ``pattern`` (their names carry a content hash)."""
    return sorted(STREAMLIT_MEDIA.glob(pattern))


def icons_streamlit_draws() -> set[str]:
    """Every ``:material/<name>:`` in the installed Streamlit's JavaScript."""
    names: set[str] = set()
    for script in STREAMLIT_JS.glob("*.js"):
        names |= {match.decode() for match in _ICON_NAME.findall(script.read_bytes())}
    return names


def icon_names_in_file() -> set[str]:
    if not ICON_NAMES_FILE.is_file():
        return set()
    return {line.strip() for line in ICON_NAMES_FILE.read_text(encoding="utf-8").splitlines() if line.strip()}


@cache
def replacements() -> dict[str, Path]:
    """{URL path of a Streamlit font: our file to answer with}; worked out once per process."""
    found: dict[str, Path] = {}
    if NO_GLYPHS_FILE.is_file():
        found |= {"/static/media/" + font.name: NO_GLYPHS_FILE for font in streamlit_fonts(TEXT_FONT_GLOB)}
    if ICONS_FILE.is_file() and icons_streamlit_draws() <= icon_names_in_file():
        found |= {"/static/media/" + font.name: ICONS_FILE for font in streamlit_fonts(ICON_FONT_GLOB)}
    return found


@cache
def _file_bytes(path: Path) -> bytes:
    return path.read_bytes()


class LighterFonts:
    """ASGI middleware: GET or HEAD of a replaced Streamlit font gets our small file;
    everything else passes."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self.files = replacements()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope.get("method") in ("GET", "HEAD"):
            path = scope["path"]
            replacement = self.files.get(path[path.find("/static/media/"):]) if "/static/media/" in path else None
            if replacement is not None:  # also under a base URL path
                response = Response(_file_bytes(replacement), media_type="font/woff2",
                                    headers={"Cache-Control": _IMMUTABLE})
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)


def build_files() -> list[str]:
    """Write icons.woff2, icons.txt and no_glyphs.woff2 from the installed Streamlit."""
    from fontTools import subset  # type: ignore[import-untyped]  # a developer's tool (fonttools, brotli)
    from fontTools.ttLib import TTFont  # type: ignore[import-untyped]

    icon_fonts, text_fonts = streamlit_fonts(ICON_FONT_GLOB), streamlit_fonts(TEXT_FONT_GLOB)
    if not icon_fonts or not text_fonts:
        raise SystemExit("Streamlit's Material Symbols or Source Sans font was not found")
    names = sorted(icons_streamlit_draws())
    font = TTFont(icon_fonts[0])
    glyphs = set(font.getGlyphOrder())
    options = subset.Options()
    options.layout_closure = False  # only the ligatures that end in a kept icon
    options.flavor = "woff2"
    subsetter = subset.Subsetter(options)
    subsetter.populate(glyphs=[g for name in names for g in (name, name + ".fill") if g in glyphs],
                       unicodes={ord(c) for name in names for c in name} | {ord(" ")})
    subsetter.subset(font)
    font.save(ICONS_FILE)
    ICON_NAMES_FILE.write_text("".join(name + "\n" for name in names), encoding="utf-8")

    font = TTFont(text_fonts[0])
    options = subset.Options()
    options.flavor = "woff2"
    options.notdef_outline = False
    options.layout_features = []
    options.drop_tables += ["STAT", "fvar", "gvar", "avar", "HVAR", "MVAR", "GDEF", "GPOS", "GSUB", "BASE"]
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=[])
    subsetter.subset(font)
    font.save(NO_GLYPHS_FILE)
    return [f"{ICONS_FILE.name}: {len(names)} icons, {ICONS_FILE.stat().st_size / 1024:.1f} KB "
            f"(Streamlit's: {icon_fonts[0].stat().st_size / 1024:.1f} KB)",
            f"{NO_GLYPHS_FILE.name}: {NO_GLYPHS_FILE.stat().st_size} bytes (for "
            + ", ".join(f"{f.name} {f.stat().st_size / 1024:.1f} KB" for f in text_fonts) + ")"]


if __name__ == "__main__":
    print("\n".join(build_files()))
