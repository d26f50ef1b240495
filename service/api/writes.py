"""Articles stored through the API, one or a batch: each item's outcome as the batch route reports it."""
import logging
import uuid
from dataclasses import dataclass

from flask import current_app
from marshmallow import ValidationError
from peewee import InterfaceError, OperationalError

from .. import budget
from ..errors import ArticleError, TooSlow
from ..ingest import store_article
from ..reads import articles
from ..web.requests import article_in

log = logging.getLogger(__name__)


def store(data: dict) -> tuple[int, bool]:
    """Store one validated article body within the request's CPU budget; return (article id, created)."""
    with budget.spending(budget.cpu(current_app.config.get("EXTRACTION_BUDGET"))):
        article, created = store_article(article_in(data))
    return article.id, created


@dataclass
class BatchBudgets:
    """What a batch's items share: CPU seconds to read and extract, wall seconds to fetch, and who came first.

    The first item tried gets the whole of both; an item refused because an earlier one spent them is told to
    come again. Waiting on a server costs no CPU, so the CPU budget cannot bound fetches.
    """

    working: budget.Budget
    waiting: budget.Budget
    tried: int = 0


def store_batch(items: list) -> list[dict]:
    """Store each loaded item in its own transaction and return one result per item, whatever befalls it.

    The items share the budgets of one request, so a batch is answered in about the time one article may take.
    """
    config = current_app.config
    budgets = BatchBudgets(budget.cpu(config.get("EXTRACTION_BUDGET")), budget.wall(config["FETCH_TIMEOUT"]))
    with budget.spending(budgets.working):
        return [{"index": index, **_store_item(index, item, budgets)} for index, item in enumerate(items)]


def _result(status: int, article=None, errors=None) -> dict:
    return {"status": status, "article": article, "errors": errors}


def _store_item(index: int, item, budgets: BatchBudgets) -> dict:
    """Store one batch item; report a refusal, a spent budget or an unexpected error as its result."""
    if isinstance(item, ValidationError):
        return _result(422, errors=item.normalized_messages())
    again = f"the batch spent its {budgets.working.seconds or 0:g} s of reading and extraction; send this item again"
    if budgets.working.over():
        return _result(503, errors={"_item": [f"not tried: {again}"]})
    if item.get("body") is None and item.get("html") is None and budgets.waiting.over():
        spent = budgets.waiting.seconds
        return _result(503, errors={"_item": [f"not tried: the batch spent its {spent:g} s of fetching; send this item again"]})
    first, budgets.tried = budgets.tried == 0, budgets.tried + 1
    try:
        article, created = store_article(article_in(item, waiting=budgets.waiting))
        return _result(201 if created else 200, article=articles.article_summary(article.id))
    except TooSlow as exc:
        # Only an item that had the whole budget to itself is too slow by itself; another ran out of the batch's.
        return _result(422, errors={exc.field: [str(exc)]}) if first else _result(503, errors={"_item": [f"not stored: {again}"]})
    except ArticleError as exc:
        return _result(422, errors={getattr(exc, "field", "body"): [str(exc)]})
    except (OperationalError, InterfaceError) as exc:
        log.warning("batch item %d: database unavailable: %s", index, exc)
        return _result(503, errors={"_item": ["not stored: the database is unavailable; send this item again shortly"]})
    except Exception:
        reference = uuid.uuid4().hex[:12]
        log.exception("batch item %d failed (reference %s)", index, reference)
        return _result(500, errors={"_item": [f"an unexpected error occurred; it has been logged with reference {reference}"]})
