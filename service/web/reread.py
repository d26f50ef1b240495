"""Read kept pages again with today's rules before events are rebuilt (`timeline reextract`)."""
from __future__ import annotations

from peewee import IntegrityError

from ..db import db
from ..ingest import ArticleError, content_hash, parse_published
from ..models import Article, ArticleHtml
from .articles import article_from_html
from .pages_kept import unpack


def reread_pages() -> dict[str, int]:
    """Update each article kept with its page from a fresh reading of that page; return counts read and changed."""
    read = changed = 0
    for kept in ArticleHtml.select(ArticleHtml, Article).join(Article).order_by(ArticleHtml.article):
        article = kept.article
        # A date given with the article stays given; a feed's date stays the hint it was.
        given = article.published_at if article.published_at_source == "given" else None
        hint = article.published_at if article.published_at_source == "feed" else None
        try:
            item = article_from_html(unpack(kept.html), kept.fetched_url or article.url, published_at=given, feed_date=hint)
        except ArticleError:
            continue  # today's rules find no article where older ones did: keep what was stored
        read += 1
        published_at, published_on, precision = parse_published(item.published_at)
        fields = {"body": item.body, "content_hash": content_hash(item.body), "published_at": published_at,
                  "published_on": published_on, "published_precision": precision,
                  "published_at_source": item.published_at_source, "date_conflict": item.date_conflict,
                  "language": item.language or article.language}
        if all(getattr(article, name) == value for name, value in fields.items()):
            continue
        try:
            with db.atomic():
                Article.update(**fields).where(Article.id == article.id).execute()
        except IntegrityError:
            continue  # the new text is another stored article's: leave both as they are
        changed += 1
    return {"pages": read, "changed": changed}
