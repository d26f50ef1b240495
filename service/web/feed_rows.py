"""Feeds as the API shows them: a page by id with each feed's article count; register; delete."""
from __future__ import annotations

from peewee import fn

from ..db import db
from ..models import Feed, FeedEntry
from .follow import register_feed
from .guard import RefusedAddress, Unresolved, checked_address

FIELDS = ("id", "url", "title", "status", "error", "last_fetched_at", "next_fetch_at", "created_at")


def feed_page(args: dict) -> tuple[list[dict], list | None]:
    """Return (feed dicts, next key) for a page of /api/feeds in id order."""
    query = Feed.select().order_by(Feed.id).limit(args["limit"] + 1)
    if args.get("cursor"):
        query = query.where(Feed.id > args["cursor"][0])
    rows = list(query)
    more = len(rows) > args["limit"]
    rows = rows[:args["limit"]]
    return [feed_dict(row, count) for row, count in zip(rows, article_counts([r.id for r in rows]))], \
        ([rows[-1].id] if more else None)


def feed_detail(feed_id: int) -> dict | None:
    """Return one feed, or None."""
    row = Feed.get_or_none(Feed.id == feed_id)
    return feed_dict(row, article_counts([feed_id])[0]) if row else None


def article_counts(ids: list[int]) -> list[int]:
    """Return how many articles each feed's entries stored, in the order of ids."""
    if not ids:
        return []
    counts = dict(FeedEntry.select(FeedEntry.feed, fn.COUNT(FeedEntry.article))
                  .where(FeedEntry.feed.in_(ids)).group_by(FeedEntry.feed).tuples())
    return [counts.get(feed_id, 0) for feed_id in ids]


def feed_dict(row: Feed, articles: int) -> dict:
    """Return a feed as the API shows it."""
    return {**{name: getattr(row, name) for name in FIELDS}, "articles": articles}


def add_feed(url: str, allow_hosts: frozenset[str]) -> tuple[int, bool]:
    """Register a feed for an API client, refusing at once an address the guard would refuse on every poll."""
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    port = parts.port or (443 if parts.scheme == "https" else 80)
    try:
        checked_address(parts.hostname or "", port, True, allow_hosts)
    except Unresolved:
        pass  # perhaps for now only: each poll checks again and shows the error on the feed
    with db.atomic():
        feed, created = register_feed(url, guarded=True)
    return feed.id, created


def delete_feed(feed_id: int) -> bool:
    """Stop following a feed (its articles stay); False when there is none."""
    return Feed.delete().where(Feed.id == feed_id).execute() == 1


__all__ = ["RefusedAddress", "add_feed", "delete_feed", "feed_detail", "feed_page"]
