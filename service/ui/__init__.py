"""The timeline page at /: TimelineJS3 over /api/timeline, and the same events as a list that needs no JavaScript."""
from .page import blp

__all__ = ["blp"]
