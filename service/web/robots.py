"""robots.txt rules, fetched once per host and kept for a while."""
from __future__ import annotations

import threading
import time
from typing import Callable
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

# RFC 9309 lets a crawler keep robots.txt for up to a day; an hour follows a site's changes sooner.
KEEP_SECONDS = 3600
# An unreachable or failing robots.txt disallows everything, but only until it is asked again this much later.
KEEP_FAILED_SECONDS = 60
MAX_CRAWL_DELAY = 30.0
AGENT = "Timeline"


class RobotsCache:
    """Answer whether a URL may be fetched, keeping each host's parsed robots.txt for KEEP_SECONDS."""

    def __init__(self):
        # origin -> (kept until, rules, why they refuse everything when robots.txt could not be read)
        self._rules: dict[str, tuple[float, RobotFileParser, str | None]] = {}
        self._lock = threading.Lock()

    def refusal(self, url: str, fetch: Callable[[str], tuple[int, str]]) -> str | None:
        """Return why url may not be fetched, or None when it may.

        fetch(robots_url) returns (status, text); status 0 when there was no answer, text then saying why.
        """
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        with self._lock:
            kept = self._rules.get(origin)
        if kept is None or time.monotonic() > kept[0]:
            status, text = fetch(origin + "/robots.txt")
            failed = not 200 <= status < 500
            problem = (f"robots.txt could not be read ({text or f'status {status}'}), so nothing on the site is "
                       f"fetched for now") if failed else None
            keep = KEEP_FAILED_SECONDS if failed else KEEP_SECONDS
            kept = (time.monotonic() + keep, self._parse(status, text), problem)
            with self._lock:
                self._rules[origin] = kept
        if kept[1].can_fetch(AGENT, url):
            return None
        return kept[2] or f"robots.txt does not let {AGENT} fetch it"

    def crawl_delay(self, url: str) -> float:
        """Return the Crawl-delay a site's kept robots.txt asks of Timeline (0 when none, or not read yet)."""
        parts = urlsplit(url)
        with self._lock:
            kept = self._rules.get(f"{parts.scheme}://{parts.netloc}")
        delay = kept[1].crawl_delay(AGENT) if kept else None
        # A site may ask for a pause; not for one that would hold a worker for minutes per page.
        return min(float(delay or 0), MAX_CRAWL_DELAY)

    @staticmethod
    def _parse(status: int, text: str) -> RobotFileParser:
        """Read a robots.txt answer as RFC 9309 says: 4xx allows all, 5xx or no answer disallows all."""
        rules = RobotFileParser()
        if 200 <= status < 300:
            rules.parse(text.splitlines())
        elif 400 <= status < 500:
            rules.allow_all = True
        else:
            rules.disallow_all = True
        return rules
