"""Read RSS and Atom feeds: their entries' links, titles, ids and dates."""
from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime

import feedparser

# Media types that announce a feed; a page served as text/html is never read as one.
FEED_TYPES = {"application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml",
              "text/xml", "application/feed+json"}
_FEED_ROOTS = ("<rss", "<feed", "<rdf:rdf")


class FeedError(ValueError):
    """A feed that cannot be read."""


@dataclass(frozen=True)
class FeedEntry:
    """One entry: a stable id, the article's link, its title, and the date the feed gives it (a hint)."""

    id: str
    url: str
    title: str | None
    published: str | None  # YYYY-MM-DD


@dataclass(frozen=True)
class Feed:
    """A parsed feed: its title, site link and entries in the feed's order."""

    title: str | None
    link: str | None
    entries: list[FeedEntry]


def looks_like_feed(content: bytes, media_type: str = "") -> bool:
    """Tell whether a response is a feed: by media type, else by its root element."""
    if media_type in FEED_TYPES - {"application/xml", "text/xml"}:
        return True
    head = content[:2048].lstrip().lower()
    return any(root.encode() in head for root in _FEED_ROOTS) and b"<html" not in head


def parse_feed(content: bytes, url: str | None = None, media_type: str = "") -> Feed:
    """Parse an RSS or Atom document; raise FeedError for broken XML or a document that is not a feed."""
    # feedparser is given bytes only, never a URL: it would fetch one itself, past the address guard.
    parsed = feedparser.parse(content, response_headers={"content-location": url or "",
                                                        "content-type": media_type or "application/xml"})
    problem = parsed.get("bozo_exception")
    if problem is not None and not isinstance(problem, feedparser.CharacterEncodingOverride):
        # A parser that recovered part of a broken document may have lost entries: refuse the whole, so the
        # follower reports it instead of storing half a feed and marking the rest as seen.
        raise FeedError(f"broken feed XML: {problem}")
    if not parsed.get("version"):
        raise FeedError("not an RSS or Atom feed")
    entries = []
    for item in parsed.entries:
        link = item.get("link")
        if not link:
            continue
        entries.append(FeedEntry(id=item.get("id") or link, url=link, title=item.get("title"),
                                 published=_day(item, "published") or _day(item, "updated")))
    return Feed(title=parsed.feed.get("title"), link=parsed.feed.get("link"), entries=entries)


def _day(item, name: str) -> str | None:
    """Return the day of an entry's date as the publisher wrote it (its own offset), else in UTC."""
    raw = (item.get(name) or "").strip()
    for read in (lambda text: datetime.fromisoformat(text.replace("Z", "+00:00")), parsedate_to_datetime):
        try:
            return read(raw).date().isoformat()
        except (ValueError, TypeError, IndexError):
            continue
    parsed = item.get(f"{name}_parsed")
    return datetime.fromtimestamp(calendar.timegm(parsed), timezone.utc).date().isoformat() if parsed else None
