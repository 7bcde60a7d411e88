"""How long a phone on a slow link shows the sign-in screen before its stylesheet applies.

Run (from the project folder, with the project's virtualenv):

    python bench/unstyled_time.py                  # 400 kbit/s, 400 ms latency (about 30 s)
    python bench/unstyled_time.py --kbit 1000 --latency 150

The page style is a cached file (/ui-js/page.css, see ui/browser_modules.py), not CSS
re-sent on every rerun; the price is a moment of unstyled buttons on a first visit,
until the file arrives. This prints, for an empty cache and then a warm one: seconds
until the first group button is shown, and until it has its styled height (≥ 56 px).
Needs Debian Chromium (or CHROMIUM_PATH); everything runs on 127.0.0.1.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.dont_write_bytecode = True
sys.path.insert(0, str(Path(__file__).resolve().parent))
from page_weight import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from served_app import BenchError, Server, app_copy  # noqa: E402

STYLED = """() => { const b = [...document.querySelectorAll('button')].find((x) => x.innerText.includes('Thôn Bờ He'));
    return b && b.getBoundingClientRect().height >= 56; }"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--kbit", type=int, default=400, help="download and upload speed, kbit/s")
    parser.add_argument("--latency", type=int, default=400, help="round-trip latency, ms")
    args = parser.parse_args()
    if not Path(CHROMIUM).exists():
        print(f"needs Chromium at {CHROMIUM} (apt-get install chromium) or CHROMIUM_PATH", file=sys.stderr)
        return 2
    from playwright.sync_api import sync_playwright

    try:
        with app_copy("bench-unstyled-") as app:
            from progress.demo import seed_demo

            seed_demo(app.database())
            with Server(app) as server, sync_playwright() as p:
                browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True)
                page = context.new_page()
                page.set_default_timeout(180_000)
                cdp = context.new_cdp_session(page)
                cdp.send("Network.enable")
                rate = args.kbit * 1024 / 8
                cdp.send("Network.emulateNetworkConditions", {"offline": False, "latency": args.latency,
                                                              "downloadThroughput": rate, "uploadThroughput": rate})
                print(f"link: {args.kbit} kbit/s, {args.latency} ms latency; 360x740 phone")
                for visit in ("empty cache", "warm cache"):
                    started = time.monotonic()
                    page.goto(server.base, wait_until="commit")
                    page.get_by_role("button", name="Thôn Bờ He").wait_for()
                    shown = time.monotonic() - started
                    page.wait_for_function(STYLED)
                    styled = time.monotonic() - started
                    print(f"{visit:12s} buttons shown {shown:6.2f} s, styled {styled:6.2f} s, "
                          f"unstyled for {styled - shown:5.2f} s")
                browser.close()
    except BenchError as exc:
        print(exc, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
