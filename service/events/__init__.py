"""Events derived from articles: build them from date mentions and store them."""
from .store import attach_events

__all__ = ["attach_events"]
