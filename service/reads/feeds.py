"""Feeds as the API shows them: a page in id order, or one, each with its article count."""
from __future__ import annotations

from datetime import datetime, timezone

from peewee import fn

from ..models import Feed, FeedEntry
from .cursors import id_cursor, keyset_page

TAG = "feed"
FIELDS = ("id", "url", "title", "status", "error")
TIMES = ("last_fetched_at", "next_fetch_at", "created_at")


def feed_page(args: dict) -> tuple[list[dict], list | None]:
    """Return (feed dicts, next key) for a page of /api/feeds in id order."""
    cursor = args.get("cursor")
    if cursor and cursor[0] == TAG:
        id_cursor(cursor[1:])  # a forged id must be a 400, not a database error or a string read as an id
    rows, key = keyset_page(Feed.select(), [Feed.id], False, cursor, args["limit"], TAG, lambda row: [row.id])
    counts = article_counts([row.id for row in rows])
    return [feed_dict(row, count) for row, count in zip(rows, counts)], key


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
    # Stored naive in UTC; an offset makes each an RFC 3339 date-time, as the API's other timestamps are.
    times = {name: utc(getattr(row, name)) for name in TIMES}
    return {**{name: getattr(row, name) for name in FIELDS}, **times, "articles": articles}


def utc(value: datetime | None) -> datetime | None:
    """Return a naive UTC time from the database as an aware one."""
    return value and value.replace(tzinfo=timezone.utc)
