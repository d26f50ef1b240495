"""Ingest: read articles from files, store each one with its events."""
from ..errors import ArticleError
from .reading import ArticleIn, read_paths
from .store import content_hash, parse_published, store_article

__all__ = ["ArticleError", "ArticleIn", "content_hash", "parse_published", "read_paths", "store_article"]
