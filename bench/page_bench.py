"""Time the timeline page in Debian's Chromium on the seed data, and optionally save its screenshot.

Serves a fresh SQLite database with the seed articles through gunicorn (gunicorn.conf.py, 2 workers), opens each
view --runs times in headless Chromium (Playwright, /usr/bin/chromium), each in a fresh browser context (cold
cache), and prints the median and 95th percentile, in ms from navigation start, of:
  first render  the first paint with content (the form and the list, drawn by the server)
  form usable   the HTML parsed and the page's script run (DOMContentLoaded)
  interactive   the timeline drawn and the main thread done drawing it: its markers are in the page and the next
                task (an input event's) runs
    .venv/bin/python bench/page_bench.py [--runs 20] [--latency 100] [--screenshot docs/screenshot.png]
"""
import argparse
import os
import platform
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "deploy"))
sys.path.insert(0, str(ROOT / "tests" / "ui"))

from page_site import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from servers import Gunicorn, run_cli, upgrade_schema  # noqa: E402

VIEWS = ("/", "/?actor=sergei-lavrov")
# The view the screenshot shows: one actor over the seed articles' years, so the slide and the markers are legible.
SCREENSHOT_VIEW = "/?actor=sergei-lavrov"
# Runs before the page's own scripts: notes when TimelineJS's first marker enters the page, then when the main
# thread next runs a task of its own (the task that drew the timeline is over, so input would be handled).
WATCH = """
window.__bench = {};
new MutationObserver(function (records, observer) {
  if (!document.querySelector('.tl-timemarker')) { return; }
  observer.disconnect();
  setTimeout(function () { window.__bench.interactive = performance.now(); }, 0);
}).observe(document, {childList: true, subtree: true});
"""
MILESTONES = ("first render", "form usable", "interactive")


def time_page(browser, url: str, latency: float = 0) -> dict:
    """Open url in a fresh context and return milliseconds from navigation start to each milestone; latency adds
    that many ms to every request's round trip (Chromium's network emulation), as a distant server would."""
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    page = context.new_page()
    if latency:
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.send("Network.emulateNetworkConditions", {"offline": False, "latency": latency, "downloadThroughput": -1,
                                                      "uploadThroughput": -1})
    page.add_init_script(WATCH)
    page.goto(url)
    page.wait_for_function("() => window.__bench.interactive !== undefined")
    timing = page.evaluate("""(() => {
        const paint = performance.getEntriesByName('first-contentful-paint')[0];
        return {'first render': paint.startTime,
                'form usable': performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd,
                'interactive': window.__bench.interactive};
    })()""")
    context.close()
    return timing


def p95(values: list[float]) -> float:
    """Return the 95th percentile, interpolated between the observed values."""
    return statistics.quantiles(values, n=20, method="inclusive")[-1]


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
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--latency", type=float, default=0, help="ms added to each request's round trip")
    parser.add_argument("--screenshot", type=Path)
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    print(f"{platform.node()}: {os.cpu_count()} cores, {platform.platform()}, load average before: "
          f"{' '.join(f'{load:.1f}' for load in os.getloadavg())}")
    with tempfile.TemporaryDirectory() as workdir:
        database_url = f"sqlite:///{workdir}/seed.db"
        upgrade_schema(database_url)
        run_cli(database_url, "seed")
        server = Gunicorn(Path(workdir), database_url, workers=2).start()
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
                print(f"Chromium {browser.version}")
                for view in VIEWS:
                    time_page(browser, server.url + view)  # warms gunicorn's workers, not the browser
                    runs = [time_page(browser, server.url + view, args.latency) for _ in range(args.runs)]
                    print(f"{view} ({args.runs} cold-cache loads, {args.latency:.0f} ms added latency, "
                          "ms from navigation start: median / p95 / slowest)")
                    for milestone in MILESTONES:
                        values = [run[milestone] for run in runs]
                        print(f"  {milestone:12} {statistics.median(values):6.0f} / {p95(values):6.0f} / {max(values):6.0f}")
                if args.screenshot:
                    screenshot(browser, server.url + SCREENSHOT_VIEW, args.screenshot)
                    print(f"screenshot: {args.screenshot} ({args.screenshot.stat().st_size // 1024} KB)")
                browser.close()
        finally:
            server.stop()
    print(f"load average after: {' '.join(f'{load:.1f}' for load in os.getloadavg())}")


if __name__ == "__main__":
    main()
