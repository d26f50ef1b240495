"""Articles as the API lists and shows them."""
from datetime import date, timezone

from peewee import JOIN, fn

from ..db import lowered
from ..models import Article, Event, EventSource
from .cursors import dated_cursor, keyset_page
from .rendering import event_dicts
from .search import matching

# Keys for rows without a publication date: they sort after every dated article.
UNDATED = date(1, 1, 1)


def article_ref(article) -> dict:
    """Return the short form of an article that event sources carry."""
    return {
        "id": article.id,
        "title": article.title,
        "url": article.url,
        "source": article.source,
        "published_at": article.published_at,
        "language": article.language,
    }


def _article_counts(query):
    counts = fn.COUNT(fn.DISTINCT(EventSource.event))
    return query.select_extend(counts.alias("events")).join(EventSource, JOIN.LEFT_OUTER, on=EventSource.article == Article.id).group_by(Article.id)


def article_dict(article) -> dict:
    """Return an article's list form."""
    return {
        **article_ref(article),
        "published_at_source": article.published_at_source,
        "date_conflict": article.date_conflict,
        # Stored naive in UTC; an offset makes it an RFC 3339 date-time.
        "created_at": article.created_at.replace(tzinfo=timezone.utc),
        "events": getattr(article, "events", None) or 0,
    }


def article_page(args: dict):
    """Return (article dicts, next key) for a page of /api/articles, newest publication first."""
    query = Article.select()
    if args.get("source"):
        query = query.where(lowered(Article.source) == args["source"].lower())
    if args.get("from_"):
        query = query.where(Article.published_on >= args["from_"][0])
    if args.get("to"):
        query = query.where(Article.published_on <= args["to"][1])
    if args.get("language"):
        query = query.where(Article.language == args["language"])
    if args.get("q"):
        query = query.where(Article.id.in_(matching("article", args["q"])))
    cursor = dated_cursor(args.get("cursor"))
    published = fn.COALESCE(Article.published_on, UNDATED)
    rows, key = keyset_page(
        _article_counts(query),
        [published, Article.id],
        True,
        cursor,
        args["limit"],
        "articles",
        lambda a: [(a.published_on or UNDATED).isoformat(), a.id],
    )
    return [article_dict(a) for a in rows], key


def article_summary(article_id: int) -> dict:
    """Return one article's list form."""
    return article_dict(_article_counts(Article.select()).where(Article.id == article_id).first())


def article_detail(article_id: int, with_mentions: bool = True) -> dict | None:
    """Return one article with its body, its date mentions and its events, or None."""
    from ..drafting.about import article_mentions
    from ..events.vocabulary import current

    article = _article_counts(Article.select()).where(Article.id == article_id).first()
    if article is None:
        return None
    events = Event.select(Event.id).where(Event.id.in_(EventSource.select(EventSource.event).where(EventSource.article == article.id)))
    mentions = [m.to_dict() for m in article_mentions(article, lambda: current().registry)] if with_mentions else []
    return {
        **article_dict(article),
        "body": article.body,
        "mentions": mentions,
        "events": event_dicts([event_id for event_id, in events.order_by(Event.date_start, Event.id).tuples()]),
    }


