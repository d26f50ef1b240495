"""Articles stored through the API, one or a batch: each item's outcome as the batch route reports it."""
import logging
import time
import uuid

from flask import current_app
from marshmallow import ValidationError
from peewee import InterfaceError, OperationalError

from ..errors import ArticleError, TooSlow
from ..ingest import store_article
from ..reads import articles
from ..web.requests import article_in

log = logging.getLogger(__name__)


def store(data: dict) -> tuple[int, bool]:
    """Store one validated article body; return (article id, created)."""
    article, created = store_article(article_in(data), budget=current_app.config.get("EXTRACTION_BUDGET"))
    return article.id, created


def store_batch(items: list) -> list[dict]:
    """Store each loaded item in its own transaction and return one result per item, whatever befalls it.

    The items share one extraction budget, so a batch is answered in about the time one article may take, and
    the URLs it asks the server to fetch share one fetch timeout: waiting on a server costs no CPU, so the
    extraction budget cannot bound it.
    """
    budget = Budget(current_app.config.get("EXTRACTION_BUDGET") or None,
                    time.monotonic() + current_app.config["FETCH_TIMEOUT"])
    return [{"index": index, **_store_item(index, item, budget)} for index, item in enumerate(items)]


class Budget:
    """The CPU seconds of extraction a batch has left; the first item tried gets them all."""

    def __init__(self, seconds: float | None, fetch_until: float):
        self.seconds, self.spent, self.fetch_until = seconds, 0.0, fetch_until

    def left(self) -> float | None:
        return None if self.seconds is None else self.seconds - self.spent


def _result(status: int, article=None, errors=None) -> dict:
    return {"status": status, "article": article, "errors": errors}


def _store_item(index: int, item, budget: Budget) -> dict:
    """Store one batch item; report a refusal, a spent budget or an unexpected error as its result."""
    if isinstance(item, ValidationError):
        return _result(422, errors=item.normalized_messages())
    left, first = budget.left(), budget.spent == 0
    again = f"the batch spent its {budget.seconds:g} s of extraction; send this item again" if left is not None else ""
    if left is not None and left <= 0:
        return _result(503, errors={"_item": [f"not tried: {again}"]})
    if item.get("body") is None and item.get("html") is None and time.monotonic() >= budget.fetch_until:
        spent = current_app.config["FETCH_TIMEOUT"]
        return _result(503, errors={"_item": [f"not tried: the batch spent its {spent:g} s of fetching; send this item again"]})
    began = time.thread_time()  # CPU time, as the extraction budget counts it
    try:
        article, created = store_article(article_in(item, fetch_until=budget.fetch_until), budget=left)
        return _result(201 if created else 200, article=articles.article_summary(article.id))
    except TooSlow as exc:
        # Only an item that had the whole budget to itself is too slow by itself; another ran out of the batch's.
        return _result(422, errors={"body": [str(exc)]}) if first else _result(503, errors={"_item": [f"not stored: {again}"]})
    except ArticleError as exc:
        return _result(422, errors={getattr(exc, "field", "body"): [str(exc)]})
    except (OperationalError, InterfaceError) as exc:
        log.warning("batch item %d: database unavailable: %s", index, exc)
        return _result(503, errors={"_item": ["not stored: the database is unavailable; send this item again shortly"]})
    except Exception:
        reference = uuid.uuid4().hex[:12]
        log.exception("batch item %d failed (reference %s)", index, reference)
        return _result(500, errors={"_item": [f"an unexpected error occurred; it has been logged with reference {reference}"]})
    finally:
        budget.spent += time.thread_time() - began
