"""Articles sent to the API as HTML or as a URL to fetch: read them into ArticleIn, or refuse them (422)."""
from __future__ import annotations

from dataclasses import replace

from flask import current_app

from .. import budget
from ..errors import TooSlow
from ..ingest import ArticleError, ArticleIn
from .articles import article_from_html, fetch_article
from .fetch import Fetcher
from .setup import fetch_policy


class PageRefused(ArticleError):
    """An html or url field the service cannot read an article from; field names which."""

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field


def article_in(data: dict, waiting: budget.Budget | None = None) -> ArticleIn:
    """Return the ArticleIn for a validated API body: a text, a page's HTML, or (where allowed) a URL to fetch,
    within the wall-clock budget waiting (else the fetch policy's own)."""
    if data.get("html") is not None:
        try:
            return article_from_html(data["html"], data.get("url"), published_at=data.get("published_at"),
                                     title=data.get("title"), source=data.get("source"), language=data.get("language"))
        except TooSlow:
            raise
        except ArticleError as exc:
            raise PageRefused("html", str(exc)) from None
    if data.get("body") is None:
        return fetched(data, waiting)
    return ArticleIn(**{name: value for name, value in data.items() if name != "html"})


def fetched(data: dict, waiting: budget.Budget | None = None) -> ArticleIn:
    """Fetch the article at data's url through the address guard, when this server fetches URLs at all."""
    config = current_app.config
    if not config["URL_INGEST"]:
        raise PageRefused("url", "this server does not fetch URLs (TIMELINE_URL_INGEST is off): send body or html")
    try:
        item = fetch_article(guarded_fetcher(), data["url"], published_at=data.get("published_at"), waiting=waiting)
    except TooSlow as exc:
        raise TooSlow(exc.seconds, "reading the page at this URL", "send its text as body", field="url") from None
    except ArticleError as exc:
        raise PageRefused("url", str(exc)) from None
    return replace(item, title=data.get("title") or item.title, source=data.get("source") or item.source,
                   language=data.get("language") or item.language)


def guarded_fetcher() -> Fetcher:
    """Return this app's fetcher for API clients (address guard on; kept on the app for its robots.txt memory)."""
    app = current_app._get_current_object()
    fetcher = app.extensions.get("timeline_fetcher")
    if fetcher is None:
        fetcher = app.extensions["timeline_fetcher"] = Fetcher(fetch_policy(app.config, guarded=True))
    return fetcher
