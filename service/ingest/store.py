"""Store an article and its events in one transaction, unless the same article is stored already."""
import hashlib
import re
import time

from peewee import IntegrityError, OperationalError

from .. import budget, events
from ..db import db
from ..drafting.titles import strip_breadcrumbs
from ..errors import ArticleError, TooSlow
from ..extraction import anchor
from ..extraction.locales import language_of
from ..models import Article
from ..web.pages_kept import keep_page
from .reading import ArticleIn

# SQLite writers queue for the lock on busy_timeout; one that waited past it gets "database is locked".
# The transaction is tried again, with a doubling pause, rather than the client getting a 503.
LOCKED_RETRIES = 3
LOCKED_BACKOFF_S = 0.2
# A letter or a digit of any script: an article of only spaces, punctuation or zero-width characters says nothing.
WORD = re.compile(r"[^\W_]")
UNSTORABLE = re.compile("[\x00\ud800-\udfff]")


def has_words(text: str) -> bool:
    """Tell whether text holds a letter or digit (not only spaces, punctuation or zero-width characters)."""
    return WORD.search(text) is not None


def check_text(item: ArticleIn) -> None:
    """Refuse an article with no words, or text no database can store (NUL, lone surrogates), naming the field."""
    if not has_words(item.body or ""):
        raise ArticleError("body holds no letters or digits")
    for name in ("body", "title", "url", "source", "published_at"):
        value = getattr(item, name)
        if isinstance(value, str) and UNSTORABLE.search(value):
            raise ArticleError(f"{name} holds a NUL character or a lone UTF-16 surrogate, which no database stores")


def parse_published(value):
    """Return (ISO text, calendar day, precision) of a publication date, refusing one that is not ISO 8601."""
    try:
        return anchor.parse_published(value)
    except ValueError:
        raise ArticleError(f"published_at {str(value).strip()!r} is not an ISO 8601 date or datetime") from None


def content_hash(body: str) -> str:
    """Hash the body with whitespace and case folded, so re-captures of one text collide."""
    normalised = re.sub(r"\s+", " ", body).strip().casefold()
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()


def find_existing(url: str | None, digest: str) -> Article | None:
    """Return the stored article with this url or content, if any."""
    # The id first, in hand-written SQL: peewee takes longer to build the query than to run it, and most
    # articles are new.
    p = db.param
    found = db.execute_sql(f"SELECT id FROM article WHERE content_hash = {p} OR url = {p} LIMIT 1", (digest, url)).fetchone()
    return Article.get_by_id(found[0]) if found else None


def store_article(item: ArticleIn) -> tuple[Article, bool]:
    """Store item and its events unless already stored; return (article, created).

    Extraction keeps to the running time budget (service/budget.py), if any: past it, it raises TooSlow and
    stores nothing.
    """
    # The body is kept exactly as given (a U+FEFF included): quotes and mentions are offsets into it.
    body = item.body or ""
    check_text(item)
    published_at, published_on, precision = parse_published(item.published_at)
    try:
        language = language_of(body, item.language)
    except ValueError as exc:
        raise ArticleError(str(exc)) from None
    digest = content_hash(body)
    url = item.url or None
    existing = find_existing(url, digest)
    if existing:
        return existing, False
    # A crawled page title keeps the site's breadcrumb trail ("Home Politics What signal..."): not the headline.
    title = strip_breadcrumbs(item.title) or None if item.title else item.title
    fields = dict(title=title, body=body, url=url, source=item.source, published_at=published_at,
                  published_on=published_on, published_precision=precision, language=language,
                  content_hash=digest, published_at_source=item.published_at_source or ("given" if published_at else "none"),
                  date_conflict=item.date_conflict)
    # Drafting (extraction, actors, topics) is CPU only: done before the transaction, concurrent workers draft
    # in parallel and hold the write lock only to insert and merge.
    try:
        drafted = events.draft_events(Article(**fields))
    except budget.OutOfTime as exc:
        raise TooSlow(exc.seconds) from None
    for attempt in range(LOCKED_RETRIES + 1):
        article = Article(**fields)
        try:
            with db.atomic():
                article.save(force_insert=True)
                if item.html is not None:
                    keep_page(article.id, item.html, item.url)
                events.attach_events(article, drafted)
            return article, True
        except IntegrityError:
            # Another writer stored the same article between our check and our insert.
            existing = find_existing(url, digest)
            if existing:
                return existing, False
            raise
        except OperationalError as exc:
            if "database is locked" not in str(exc) or attempt == LOCKED_RETRIES:
                raise
            time.sleep(LOCKED_BACKOFF_S * 2 ** attempt)
