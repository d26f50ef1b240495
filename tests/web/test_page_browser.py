"""The page in Debian's Chromium: what a visitor sees, clicks and shares, with nothing fetched from elsewhere."""
import json
import re
from urllib.parse import parse_qs, urlsplit
from urllib.request import urlopen

from conftest import AMPERSAND, HOSTILE

READY = 5_000  # ms: how long a page may take to draw its timeline on a busy test machine


def api(site, path: str) -> dict:
    """GET an API path from the app itself, without the browser."""
    with urlopen(f"{site.url}{path}", timeout=30) as response:
        return json.load(response)


def titles_of(site, query: str) -> list[str]:
    """Return the titles of the events /api/timeline gives for query, oldest first (all pages)."""
    return [event["title"] for group in api(site, f"/api/timeline?format=json&limit=5000&{query}")["dates"] for event in group["events"]]


def open_page(watched, url: str):
    """Open url and wait until TimelineJS has drawn its markers."""
    watched.page.goto(url)
    watched.page.wait_for_selector(".tl-timemarker", state="attached", timeout=READY)
    return watched.page


def listed(page) -> list[str]:
    """Return the event titles of the page's list, in order."""
    return page.locator("#events ol.events > li h3").all_inner_texts()


def test_page_shows_the_seed_events_with_no_errors_and_nothing_from_elsewhere(site, watched):
    page = open_page(watched, f"{site.url}/")
    expected = titles_of(site, "")
    assert len(expected) > 5, "the seed articles yield events"
    assert listed(page) == expected
    # Every event is also a TimelineJS marker, and its slides carry the quotes with links to the articles.
    assert page.locator(".tl-timemarker").count() == len(expected)
    assert page.locator(".tl-slide-content a[href^='http']").count() > 0
    assert page.locator("#events ul.sources blockquote").count() >= len(expected)
    page.wait_for_load_state("networkidle")
    assert watched.errors == [], watched.requests
    assert watched.hosts() == {urlsplit(site.url).netloc}, watched.requests
    page.screenshot(path="/tmp/page_shot.png")
