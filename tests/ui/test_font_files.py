"""A phone downloads small files at the URLs of Streamlit's fonts, and no font preload."""

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.responses import HTMLResponse, PlainTextResponse
from starlette.routing import Route
from starlette.testclient import TestClient

from ui.font_files import (
    ICON_FONT_GLOB,
    ICONS_FILE,
    NO_GLYPHS_FILE,
    TEXT_FONT_GLOB,
    LighterFonts,
    icon_names_in_file,
    icons_streamlit_draws,
    replacements,
    streamlit_fonts,
)
from ui.font_preload import DropFontPreload, without_font_preload

PAGE = ('<head><link rel="shortcut icon" href="./favicon.png" />\n    <link\n      rel="preload"\n'
        '      href="./static/media/SourceSansVF-Upright.ttf.BsWL4Kly.woff2"\n      as="font"\n'
        '      type="font/woff2"\n      crossorigin\n    />\n<title>Streamlit</title></head>')


def test_the_icon_font_holds_every_icon_the_installed_streamlit_draws():
    missing = icons_streamlit_draws() - icon_names_in_file()
    assert not missing, (f"Streamlit draws icons the small font lacks: {sorted(missing)}; "
                         "run `.venv/bin/python -m ui.font_files` and commit ui/browser/icons.*")
    assert ICONS_FILE.stat().st_size < 20_000 and NO_GLYPHS_FILE.stat().st_size < 2_000


def test_every_streamlit_icon_and_text_font_is_replaced():
    fonts = streamlit_fonts(ICON_FONT_GLOB) + streamlit_fonts(TEXT_FONT_GLOB)
    assert len(fonts) == 3  # icons, Source Sans upright and italic
    assert {"/static/media/" + font.name for font in fonts} == set(replacements())


def _client() -> TestClient:
    async def page(request):  # type: ignore[no-untyped-def]
        return HTMLResponse(PAGE)

    async def other(request):  # type: ignore[no-untyped-def]
        return PlainTextResponse("streamlit's own file")

    app = Starlette(routes=[Route("/", page), Route("/static/media/{name}", other)],
                    middleware=[Middleware(LighterFonts), Middleware(DropFontPreload)])
    return TestClient(app)


def test_the_fonts_urls_answer_with_the_small_files_cached_for_a_year():
    client = _client()
    for path, replacement in replacements().items():
        response = client.get(path)
        assert response.status_code == 200 and response.content == replacement.read_bytes()
        assert response.headers["content-type"] == "font/woff2"
        assert "immutable" in response.headers["cache-control"]
    assert client.get("/static/media/KaTeX_Main-Regular.woff2").text == "streamlit's own file"


def test_the_page_loses_its_font_preload_and_keeps_the_rest():
    page = without_font_preload(PAGE.encode())
    assert b"preload" not in page and b"favicon.png" in page and b"<title>Streamlit</title>" in page
    response = _client().get("/")
    assert "preload" not in response.text and "<title>Streamlit</title>" in response.text
    assert int(response.headers["content-length"]) == len(response.content)
