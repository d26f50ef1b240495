"""Time the timeline page in Debian's Chromium on the seed data, and optionally save its screenshot.

Serves a fresh SQLite database with the seed articles through gunicorn (gunicorn.conf.py, 2 workers), opens /
in headless Chromium (Playwright, /usr/bin/chromium) --runs times, each in a fresh browser context (cold cache),
and prints the median and slowest of: the HTML parsed (DOMContentLoaded), the page loaded (load), and the
timeline drawn and taking input (its markers in the DOM); then the same for a filtered view.
    .venv/bin/python bench/page_bench.py [--runs 10] [--screenshot docs/screenshot.png]
"""
import argparse
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "deploy"))
sys.path.insert(0, str(ROOT / "tests" / "ui"))

from page_site import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from servers import Gunicorn, run_cli, upgrade_schema  # noqa: E402

# The view the screenshot shows: one actor over the seed articles' years, so the slide and the markers are legible.
SCREENSHOT_VIEW = "/?actor=sergei-lavrov"


def time_page(browser, url: str) -> dict:
    """Open url in a fresh context and return milliseconds from navigation start to each milestone."""
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    page = context.new_page()
    page.goto(url)
    page.wait_for_selector(".tl-timemarker", state="attached")
    drawn = page.evaluate("performance.now()")
    timing = page.evaluate("(() => { const n = performance.getEntriesByType('navigation')[0];"
                           " return {parsed: n.domContentLoadedEventEnd, loaded: n.loadEventEnd}; })()")
    context.close()
    return {**timing, "drawn": drawn}


def screenshot(browser, url: str, path: Path):
    """Save a PNG of the page once the timeline has settled on its first event."""
    context = browser.new_context(viewport={"width": 1100, "height": 1000})
    page = context.new_page()
    page.goto(url)
    page.wait_for_selector(".tl-timemarker", state="attached")
    page.locator(".tl-slidenav-next").first.click()
    page.mouse.move(0, 0)
    page.wait_for_timeout(1500)
    # TimelineJS scrolls to and focuses its container on a move: the picture shows the page as it opens.
    page.evaluate("document.activeElement.blur(); window.scrollTo(0, 0)")
    page.screenshot(path=str(path))
    context.close()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--screenshot", type=Path)
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as workdir:
        database_url = f"sqlite:///{workdir}/seed.db"
        upgrade_schema(database_url)
        run_cli(database_url, "seed")
        server = Gunicorn(Path(workdir), database_url, workers=2).start()
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
                for view in ("/", SCREENSHOT_VIEW):
                    time_page(browser, server.url + view)  # warms gunicorn's workers, not the browser
                    runs = [time_page(browser, server.url + view) for _ in range(args.runs)]
                    print(f"{view} ({args.runs} cold-cache loads, ms: median / slowest)")
                    for milestone in ("parsed", "loaded", "drawn"):
                        values = [run[milestone] for run in runs]
                        print(f"  {milestone:7} {statistics.median(values):6.0f} / {max(values):6.0f}")
                if args.screenshot:
                    screenshot(browser, server.url + SCREENSHOT_VIEW, args.screenshot)
                    print(f"screenshot: {args.screenshot} ({args.screenshot.stat().st_size // 1024} KB)")
                browser.close()
        finally:
            server.stop()


if __name__ == "__main__":
    main()
