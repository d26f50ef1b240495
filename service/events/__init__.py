"""Storing events: drafts merged into one event per happening, with their actors and topics; the vocabulary tables."""
from .rebuild import rebuild_events
from .store import attach_events, detach_article, draft_events
from .vocabulary import sync_vocabularies

__all__ = ["attach_events", "detach_article", "draft_events", "rebuild_events", "sync_vocabularies"]
