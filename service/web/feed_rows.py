"""Feeds registered and removed through the API."""
from __future__ import annotations

from urllib.parse import urlsplit

from ..db import db
from ..models import Feed
from .follow import register_feed
from .guard import RefusedAddress, Unresolved, checked_addresses

# Seconds the registration waits for the feed's name to resolve: the check only refuses early what every poll
# would refuse, so a name slow to resolve is registered as one that does not resolve (yet).
RESOLVE_SECONDS = 2.0


def add_feed(url: str, allow_hosts: frozenset[str]) -> tuple[int, bool]:
    """Register a feed for an API client, refusing at once an address the guard would refuse on every poll."""
    parts = urlsplit(url)
    port = parts.port or (443 if parts.scheme == "https" else 80)
    try:
        checked_addresses(parts.hostname or "", port, True, allow_hosts, RESOLVE_SECONDS)
    except (Unresolved, TimeoutError):
        pass  # perhaps for now only: each poll checks again and shows the error on the feed
    with db.atomic():
        feed, created = register_feed(url, guarded=True)
    return feed.id, created


def delete_feed(feed_id: int) -> bool:
    """Stop following a feed (its articles stay); False when there is none."""
    return Feed.delete().where(Feed.id == feed_id).execute() == 1


__all__ = ["RefusedAddress", "add_feed", "delete_feed"]
