"""Smaller files at the URLs of Streamlit's fonts: 63 KB where a phone downloaded 534 KB.

- **Icons.** Streamlit's frontend asks for its 367 KB Material Symbols font as soon as a
  page opens (``document.fonts.load`` at start-up), whether or not an icon is shown; a
  learner sees only the expander arrows of the home screen. Streamlit names every icon
  it draws as ``:material/<name>:`` in its JavaScript (78 names in 1.67).
  ``ui/browser/icons.woff2`` holds just those glyphs and their ligatures (the same text
  draws the same icon), 8 KB; ``ui/browser/icons.txt`` lists the names.
- **Text.** Streamlit's Source Sans (167 KB upright, 135 KB italic; the upright one
  preloaded by its page) carries Latin, Greek and Cyrillic in every weight. The same
  fonts cut to what Vietnamese and the app's punctuation need
  (``ui/browser/source_sans_upright.woff2``, ``..._italic.woff2``: 55 and 43 KB) keep
  every letter's shape and width, so no line breaks elsewhere (the phone's own font
  was tried: DejaVu Sans on Linux is wider, and the fixed "Nghe / Tiếp theo" bar grew
  over the page's last button). A character outside the cut falls through to the
  phone's own font.

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
TEXT_FILES = {"Upright": MODULES_DIR / "source_sans_upright.woff2", "Italic": MODULES_DIR / "source_sans_italic.woff2"}
# Basic Latin, Latin-1, the Vietnamese letters of Latin Extended-A/B, combining accents (NFD
# text), Latin Extended Additional (ạ…ỹ), general punctuation, ₫ € ™ −
VIETNAMESE = [*range(0x20, 0x7F), *range(0xA0, 0x100), 0x102, 0x103, 0x110, 0x111, 0x128, 0x129, 0x168, 0x169,
              0x1A0, 0x1A1, 0x1AF, 0x1B0, *range(0x300, 0x324), *range(0x1EA0, 0x1EFA), *range(0x2010, 0x2027),
              0x2030, 0x2039, 0x203A, 0x20AB, 0x20AC, 0x2122, 0x2212]
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
    for font in streamlit_fonts(TEXT_FONT_GLOB):
        cut = next((path for style, path in TEXT_FILES.items() if style in font.name), None)
        if cut is not None and cut.is_file():
            found["/static/media/" + font.name] = cut
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
    """Write icons.woff2, icons.txt and the cut Source Sans files from the installed Streamlit."""
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

    lines = []
    for text_font in text_fonts:
        cut = next((path for style, path in TEXT_FILES.items() if style in text_font.name), None)
        if cut is None:
            continue
        font = TTFont(text_font)
        options = subset.Options()
        options.flavor = "woff2"
        options.layout_features = ["*"]  # kerning and accent placement
        options.name_IDs = ["*"]
        subsetter = subset.Subsetter(options)
        subsetter.populate(unicodes=VIETNAMESE)
        subsetter.subset(font)
        font.save(cut)
        lines.append(f"{cut.name}: {cut.stat().st_size / 1024:.1f} KB (Streamlit's {text_font.name}: "
                     f"{text_font.stat().st_size / 1024:.1f} KB)")
    return [f"{ICONS_FILE.name}: {len(names)} icons, {ICONS_FILE.stat().st_size / 1024:.1f} KB "
            f"(Streamlit's: {icon_fonts[0].stat().st_size / 1024:.1f} KB)", *lines]


if __name__ == "__main__":
    print("\n".join(build_files()))
