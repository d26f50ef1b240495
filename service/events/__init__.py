"""Events derived from articles: drafts from date mentions, merged into one event per happening, and stored."""
from .rebuild import rebuild_events
from .store import attach_events, detach_article
from .vocabulary import sync_vocabularies

__all__ = ["attach_events", "detach_article", "rebuild_events", "sync_vocabularies"]
