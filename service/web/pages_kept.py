"""The raw pages articles were read from, kept compressed so they can be read again with better rules."""
from __future__ import annotations

import zlib

from ..models import ArticleHtml

# Level 6 is zlib's default balance: news HTML shrinks to about a fifth at a few ms per page.
LEVEL = 6


def pack(html: str) -> bytes:
    """Compress a page's HTML."""
    return zlib.compress(html.encode("utf-8"), LEVEL)


def unpack(data: bytes) -> str:
    """Return the HTML of a kept page."""
    return zlib.decompress(bytes(data)).decode("utf-8")


def keep_page(article_id: int, html: str, url: str | None) -> None:
    """Keep the page an article was read from (inside the article's own transaction)."""
    ArticleHtml.insert(article=article_id, html=pack(html), fetched_url=url).execute()
