"""Turn HTML (a file, a request's html field, a fetched page or a feed's entries) into articles to store."""
from __future__ import annotations

from pathlib import Path
from typing import Iterator

from .. import budget
from ..errors import TooSlow
from ..ingest import ArticleError, ArticleIn
from .charset import NotText, decode
from .dates import choose_date
from .feeds import FeedError, looks_like_feed, parse_feed
from .fetch import Fetched, FetchError, Fetcher
from .page import PageError, read_page


def article_from_html(html: str, url: str | None = None, published_at: str | None = None, title: str | None = None,
                      source: str | None = None, feed_date: str | None = None, origin: str | None = None,
                      language: str | None = None) -> ArticleIn:
    """Read one page into an ArticleIn; given title, source, published_at and language win over the page's own.

    Reading keeps to the running time budget (service/budget.py), if any: past it, it raises TooSlow.
    """
    try:
        page = read_page(html, url)
        reading = choose_date(page, published_at, feed_date)
    except PageError as exc:
        raise ArticleError(str(exc)) from None
    except budget.OutOfTime as exc:
        raise TooSlow(exc.seconds, "reading this page", "send its text as body", field="html") from None
    return ArticleIn(
        body=page.body, title=title or page.title, url=page.url or url, source=source or page.sitename,
        published_at=reading.published_at, language=language or page.language, origin=origin,
        published_at_source=reading.source, date_conflict=reading.conflict, html=html,
    )


def read_html_file(path: Path) -> ArticleIn:
    """Read a saved page, finding its charset as a browser would (BOM, declaration, detection)."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ArticleError(f"{path}: cannot be read ({exc.strerror})") from None
    try:
        html, _ = decode(data)
    except NotText as exc:
        raise ArticleError(f"{path}: {exc}") from None
    try:
        return article_from_html(html, origin=str(path))
    except ArticleError as exc:
        raise ArticleError(f"{path}: {exc}") from None


def page_text(answer: Fetched) -> str:
    """Return a fetched answer's HTML as text; raise ArticleError when it is not an HTML page."""
    if answer.content_type and answer.content_type not in ("text/html", "application/xhtml+xml", "text/plain"):
        raise ArticleError(f"{answer.url}: not HTML ({answer.content_type})")
    try:
        return decode(answer.content, answer.charset)[0]
    except NotText as exc:
        raise ArticleError(f"{answer.url}: {exc}") from None


def fetch_article(fetcher: Fetcher, url: str, feed_date: str | None = None, published_at: str | None = None,
                  waiting: budget.Budget | None = None) -> ArticleIn:
    """Fetch one page (within the wall-clock budget waiting, when given) and read its article; raise ArticleError
    naming what went wrong."""
    try:
        answer = fetcher.get(url, waiting=waiting)
    except FetchError as exc:
        raise ArticleError(str(exc)) from None
    return article_from_html(page_text(answer), answer.url, published_at=published_at, feed_date=feed_date, origin=url)


def articles_from_url(fetcher: Fetcher, url: str, errors: list[str], pace=lambda url: None) -> Iterator[ArticleIn]:
    """Yield the article of a page URL, or those of a feed's entries; failures go to errors, naming the URL.

    pace(url) is called before each entry's page is fetched (the politeness pause of its host).
    """
    try:
        answer = fetcher.get(url)
    except FetchError as exc:
        errors.append(str(exc))
        return
    if looks_like_feed(answer.content, answer.content_type):
        try:
            feed = parse_feed(answer.content, answer.url, answer.content_type)
        except FeedError as exc:
            errors.append(f"{url}: {exc}")
            return
        for entry in feed.entries:
            pace(entry.url)
            try:
                yield fetch_article(fetcher, entry.url, feed_date=entry.published)
            except ArticleError as exc:
                errors.append(str(exc) if str(exc).startswith(entry.url) else f"{entry.url}: {exc}")
        return
    try:
        yield article_from_html(page_text(answer), answer.url, origin=url)
    except ArticleError as exc:
        errors.append(str(exc) if str(exc).startswith(url) else f"{url}: {exc}")
