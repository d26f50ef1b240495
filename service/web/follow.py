"""Follow feeds: poll one feed under a database claim, storing each new entry's article once."""
from __future__ import annotations

import logging
import os
import socket
import time
from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit
from datetime import timedelta

from peewee import IntegrityError, fn

from ..db import db
from ..ingest import ArticleError, store_article
from ..models import Feed, FeedEntry, utcnow
from .articles import fetch_article
from .feeds import FeedError, parse_feed
from .fetch import FetchError, Fetcher
from .pacing import HostPacer

log = logging.getLogger(__name__)

# A worker that dies mid-poll keeps its feed this long; then another may take it (and its unfinished entries).
DEFAULT_PORTS = {"http": 80, "https": 443}
LEASE = timedelta(minutes=10)
# An entry whose page could not be read is tried again on later polls, this many times in all.
MAX_ATTEMPTS = 3
ERROR_CHARS = 2000


@dataclass
class Follower:
    """What polls share in one process: a fetcher per policy (operator's, guarded), host pacing, the poll interval."""

    operator: Fetcher
    guarded: Fetcher
    pacer: HostPacer
    interval: timedelta

    def fetcher(self, feed: Feed) -> Fetcher:
        """Return the fetcher for a feed: guarded when it was registered through the API."""
        return self.guarded if feed.guarded else self.operator


def worker_name() -> str:
    """Name this process in claims (host:pid), so a stuck claim says who holds it."""
    return f"{socket.gethostname()}:{os.getpid()}"


def feed_url(url: str) -> str:
    """Return url as a feed is stored: scheme and host lowercase, without the scheme's default port, so one
    feed spelled two ways (HTTPS://Feeds.Example.com:443/rss) is registered and polled once."""
    parts = urlsplit(url)
    try:
        port = parts.port
    except ValueError:
        return url  # not a URL the fetcher takes: each poll says so on the feed
    if not parts.hostname:
        return url
    host = f"[{parts.hostname}]" if ":" in parts.hostname else parts.hostname
    userinfo = parts.netloc.rpartition("@")[0]
    if port is not None and port != DEFAULT_PORTS.get(parts.scheme.lower()):
        host += f":{port}"
    netloc = f"{userinfo}@{host}" if userinfo else host
    return urlunsplit((parts.scheme.lower(), netloc, parts.path, parts.query, parts.fragment))


def register_feed(url: str, guarded: bool) -> tuple[Feed, bool]:
    """Return (the feed for url, created), adding it when it is new; the operator registering it lifts the guard."""
    url = feed_url(url)
    feed = Feed.get_or_none(Feed.url == url)
    if feed is None:
        try:
            with db.atomic():
                return Feed.create(url=url, guarded=guarded, next_fetch_at=utcnow()), True
        except IntegrityError:
            feed = Feed.get(Feed.url == url)
    if feed.guarded and not guarded:
        Feed.update(guarded=False).where(Feed.id == feed.id).execute()
        feed.guarded = False
    return feed, False


def due_feeds(ids: list[int] | None = None) -> list[int]:
    """Return the ids of feeds due for a poll (of ids, when given), the longest waiting first."""
    query = Feed.select(Feed.id).where(Feed.next_fetch_at.is_null() | (Feed.next_fetch_at <= utcnow()))
    if ids is not None:
        query = query.where(Feed.id.in_(ids))
    return [feed.id for feed in query.order_by(Feed.next_fetch_at, Feed.id)]


def claim(feed_id: int, worker: str) -> bool:
    """Take the feed for this worker unless another holds an unexpired claim; one UPDATE, so two cannot both win."""
    now = utcnow()
    taken = (Feed.update(claimed_by=worker, claimed_until=now + LEASE)
             .where((Feed.id == feed_id) & (Feed.claimed_until.is_null() | (Feed.claimed_until < now))).execute())
    return taken == 1


def claim_entry(feed_id: int, entry) -> FeedEntry | None:
    """Record an entry before fetching it; None when it was seen already (stored, or failed too often)."""
    try:
        with db.atomic():
            return FeedEntry.create(feed=feed_id, entry_key=entry.id, url=entry.url, status="fetching")
    except IntegrityError:
        pass
    now = utcnow()
    # A failed entry is tried again, and so is one left 'fetching' by a worker that died: in one UPDATE, so
    # of two workers retrying it only one wins.
    retried = (FeedEntry.update(status="fetching", attempts=FeedEntry.attempts + 1, updated_at=now)
               .where((FeedEntry.feed == feed_id) & (FeedEntry.entry_key == entry.id)
                      & (FeedEntry.attempts < MAX_ATTEMPTS)
                      & ((FeedEntry.status == "failed")
                         | ((FeedEntry.status == "fetching") & (FeedEntry.updated_at < now - LEASE))))
               .execute())
    return FeedEntry.get((FeedEntry.feed == feed_id) & (FeedEntry.entry_key == entry.id)) if retried else None


def poll_feed(feed_id: int, follower: Follower, worker: str | None = None) -> str:
    """Poll one feed if no other worker holds it; store its new entries; return the feed's new status."""
    worker = worker or worker_name()
    if not claim(feed_id, worker):
        return "busy"
    feed = Feed.get_or_none(Feed.id == feed_id)
    if feed is None:
        return "deleted"
    outcome = {"status": "error", "error": None}
    try:
        outcome = _poll(feed, follower.fetcher(feed), follower.pacer, worker)
    except Exception as exc:  # the follower goes on with its other feeds and shows what broke
        log.exception("polling feed %s failed", feed.url)
        outcome = {"status": "error", "error": f"{feed.url}: {type(exc).__name__}: {exc}"}
    finally:
        now = utcnow()
        fields = {"status": outcome["status"], "error": (outcome["error"] or None) and outcome["error"][:ERROR_CHARS],
                  "last_fetched_at": now, "next_fetch_at": now + follower.interval, "claimed_by": None, "claimed_until": None}
        fields.update({k: outcome[k] for k in ("etag", "last_modified", "title") if k in outcome})
        Feed.update(**fields).where(Feed.id == feed_id).execute()
    return outcome["status"]


def _poll(feed: Feed, fetcher: Fetcher, pacer: HostPacer, worker: str) -> dict:
    """Fetch the feed (conditionally) and store each new entry; return the fields to record on the feed."""
    pacer.wait(feed.url)
    try:
        answer = fetcher.get(feed.url, etag=feed.etag, last_modified=feed.last_modified)
    except FetchError as exc:
        return {"status": "error", "error": str(exc)}
    if answer.status == 304:
        return {"status": "not modified", "error": None}
    try:
        parsed = parse_feed(answer.content, answer.url, answer.content_type)
    except FeedError as exc:
        return {"status": "error", "error": f"{feed.url}: {exc}"}
    failures = []
    for entry in parsed.entries:
        row = claim_entry(feed.id, entry)
        if row is None:
            continue
        Feed.update(claimed_until=utcnow() + LEASE).where((Feed.id == feed.id) & (Feed.claimed_by == worker)).execute()
        pacer.wait(entry.url, fetcher.robots.crawl_delay(entry.url))
        try:
            item = fetch_article(fetcher, entry.url, feed_date=entry.published)
            article, _ = store_article(item)
        except ArticleError as exc:
            message = str(exc) if str(exc).startswith(entry.url) else f"{entry.url}: {exc}"
            failures.append(message)
            FeedEntry.update(status="failed", error=message[:ERROR_CHARS], updated_at=utcnow()).where(FeedEntry.id == row.id).execute()
            continue
        FeedEntry.update(status="stored", error=None, article=article.id, updated_at=utcnow()).where(FeedEntry.id == row.id).execute()
    outcome = {"status": "ok", "error": None, "title": parsed.title or feed.title}
    if failures:
        outcome.update(status="entry errors", error=f"{len(failures)} entries failed: " + "; ".join(failures))
    else:
        # Validators are kept only when every entry was read: a 304 would otherwise hide the failed ones from retries.
        outcome.update(etag=answer.etag, last_modified=answer.last_modified)
    return outcome


def follow(feed_ids: list[int] | None, follower: Follower, once: bool = False, sleep=time.sleep) -> dict[str, int]:
    """Poll feeds (feed_ids, or all) as they fall due until interrupted; once: poll each one now and return."""
    counts: dict[str, int] = {}
    while True:
        with db.connection_context():
            for feed_id in (feed_ids if once else due_feeds(feed_ids)):
                status = poll_feed(feed_id, follower)
                counts[status] = counts.get(status, 0) + 1
            if once:
                return counts
            pause = seconds_to_next(feed_ids)
        sleep(pause)


def seconds_to_next(feed_ids: list[int] | None) -> float:
    """Return how long until the next feed falls due (between 1 and 60 s, so new feeds are noticed)."""
    query = Feed.select(fn.MIN(Feed.next_fetch_at))
    if feed_ids is not None:
        query = query.where(Feed.id.in_(feed_ids))
    soonest = query.scalar()
    if soonest is None:
        return 60.0
    return min(60.0, max(1.0, (soonest - utcnow()).total_seconds()))
