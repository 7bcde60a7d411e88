"""A phone downloads smaller files at the URLs of Streamlit's fonts."""

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.responses import PlainTextResponse
from starlette.routing import Route
from starlette.testclient import TestClient

from ui.font_files import (
    ICON_FONT_GLOB,
    ICONS_FILE,
    TEXT_FILES,
    TEXT_FONT_GLOB,
    LighterFonts,
    icon_names_in_file,
    icons_streamlit_draws,
    replacements,
    streamlit_fonts,
)


def test_the_icon_font_holds_every_icon_the_installed_streamlit_draws():
    missing = icons_streamlit_draws() - icon_names_in_file()
    assert not missing, (f"Streamlit draws icons the small font lacks: {sorted(missing)}; "
                         "run `.venv/bin/python -m ui.font_files` and commit ui/browser/icons.*")
    assert ICONS_FILE.stat().st_size < 20_000
    assert all(path.stat().st_size < 70_000 for path in TEXT_FILES.values())


def test_every_streamlit_icon_and_text_font_is_replaced():
    fonts = streamlit_fonts(ICON_FONT_GLOB) + streamlit_fonts(TEXT_FONT_GLOB)
    assert len(fonts) == 3  # icons, Source Sans upright and italic
    assert {"/static/media/" + font.name for font in fonts} == set(replacements())


def _client() -> TestClient:
    async def other(request):  # type: ignore[no-untyped-def]
        return PlainTextResponse("streamlit's own file")

    app = Starlette(routes=[Route("/static/media/{name}", other)], middleware=[Middleware(LighterFonts)])
    return TestClient(app)


def test_the_fonts_urls_answer_with_the_small_files_cached_for_a_year():
    client = _client()
    for path, replacement in replacements().items():
        response = client.get(path)
        assert response.status_code == 200 and response.content == replacement.read_bytes()
        assert response.headers["content-type"] == "font/woff2"
        assert "immutable" in response.headers["cache-control"]
    assert client.get("/static/media/KaTeX_Main-Regular.woff2").text == "streamlit's own file"


def test_the_cut_text_fonts_keep_every_vietnamese_letter():
    from fontTools.ttLib import TTFont  # type: ignore[import-untyped]

    letters = "ăâđêôơưĂÂĐÊÔƠƯáàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ₫"
    for path in TEXT_FILES.values():
        cmap = TTFont(path).getBestCmap()
        assert [c for c in letters + letters.upper() if ord(c) not in cmap] == [], path.name
