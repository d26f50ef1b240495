"""What the write routes change: articles stored or deleted, actors and topics added or edited."""
import logging
import re
import time
import unicodedata
import uuid

from flask import current_app
from flask_smorest import abort
from marshmallow import ValidationError
from peewee import InterfaceError, OperationalError

from .. import queries
from ..db import db
from ..ingest import ArticleError, ArticleIn, TooSlow, store_article
from ..events import detach_article
from ..models import Actor, Article, Topic

log = logging.getLogger(__name__)


def slugify(name: str) -> str:
    """Return a lowercase ASCII slug for name (e.g. 'Sergey Lavrov' -> 'sergey-lavrov')."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-") or "item"


def store(data: dict) -> tuple[int, bool]:
    """Store one validated article body; return (article id, created)."""
    try:
        article, created = store_article(ArticleIn(**data), budget=current_app.config.get("EXTRACTION_BUDGET"))
    except ArticleError as exc:
        abort(422, message=str(exc), errors={"body": [str(exc)]}, type="/api/docs#validation")
    return article.id, created


def store_batch(items: list) -> list[dict]:
    """Store each loaded item in its own transaction and return one result per item, whatever befalls it.

    The items share one extraction budget, so a batch is answered in about the time one article may take.
    """
    budget = Budget(current_app.config.get("EXTRACTION_BUDGET") or None)
    return [{"index": index, **_store_item(index, item, budget)} for index, item in enumerate(items)]


class Budget:
    """The seconds of extraction a batch has left; the first item tried gets them all."""

    def __init__(self, seconds: float | None):
        self.seconds, self.spent = seconds, 0.0

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
    began = time.thread_time()  # CPU time, as the extraction budget counts it
    try:
        article, created = store_article(ArticleIn(**item), budget=left)
        return _result(201 if created else 200, article=queries.article_summary(article.id))
    except TooSlow as exc:
        # Only an item that had the whole budget to itself is too slow by itself; another ran out of the batch's.
        return _result(422, errors={"body": [str(exc)]}) if first else _result(503, errors={"_item": [f"not stored: {again}"]})
    except ArticleError as exc:
        return _result(422, errors={"body": [str(exc)]})
    except (OperationalError, InterfaceError) as exc:
        log.warning("batch item %d: database unavailable: %s", index, exc)
        return _result(503, errors={"_item": ["not stored: the database is unavailable; send this item again shortly"]})
    except Exception:
        reference = uuid.uuid4().hex[:12]
        log.exception("batch item %d failed (reference %s)", index, reference)
        return _result(500, errors={"_item": [f"an unexpected error occurred; it has been logged with reference {reference}"]})
    finally:
        budget.spent += time.thread_time() - began


def delete_article(article_id: int) -> bool:
    """Delete an article and detach it from its events, in one transaction; False when there is none."""
    with db.atomic():
        article = Article.get_or_none(Article.id == article_id)
        if article is None:
            return False
        detach_article(article)
        article.delete_instance()
    return True


def same_name(name: str) -> str:
    """Return the form under which two actor names count as the same (case and spacing ignored)."""
    return " ".join(name.casefold().split())


def check_actor_names(actor_id: int | None, data: dict) -> None:
    """Refuse (409) a name that is another actor's name or alias, or an alias that is another actor's name."""
    name, aliases = data.get("name"), data.get("aliases") or []
    # An actor filter by name must not become ambiguous: each name points at one actor.
    for other in Actor.select(Actor.id, Actor.slug, Actor.name, Actor.aliases).where(Actor.id != (actor_id or 0)):
        taken = {same_name(other.name)} | {same_name(alias) for alias in other.aliases or []}
        if name is not None and same_name(name) in taken:
            clash = ("name", name)
        else:
            clash = next((("aliases", alias) for alias in aliases if same_name(alias) == same_name(other.name)), None)
        if clash:
            detail = f"'{clash[1]}' already names actor {other.id} ({other.slug})"
            abort(409, message=detail, errors={clash[0]: [detail]}, type="/api/docs#conflict")


def create_actor(data: dict) -> int:
    """Add an actor; return its id."""
    data.setdefault("slug", slugify(data["name"]))
    with db.atomic():
        check_actor_names(None, data)
        return Actor.create(**data).id


def update_row(model, row_id: int, data: dict) -> bool:
    """Apply data to one row of model; False when there is none."""
    if model.get_or_none(model.id == row_id) is None:
        return False
    if data:
        model.update(**data).where(model.id == row_id).execute()
    return True


def update_actor(actor_id: int, data: dict) -> bool:
    """Apply data to an actor; False when there is none."""
    with db.atomic():
        check_actor_names(actor_id, data)
        return update_row(Actor, actor_id, data)


def check_parent(topic_id: int | None, parent_id: int | None) -> None:
    """Refuse a parent that does not exist or would put the topic under itself."""
    seen = set()
    current = parent_id
    while current is not None and current not in seen:
        if current == topic_id:
            abort(422, message="a topic cannot be its own ancestor", errors={"parent": ["would create a cycle"]}, type="/api/docs#validation")
        seen.add(current)
        row = Topic.get_or_none(Topic.id == current)
        if row is None:
            abort(422, message=f"no topic {current}", errors={"parent": [f"no topic {current}"]}, type="/api/docs#validation")
        current = row.parent_id


def create_topic(data: dict) -> int:
    """Add a topic; return its id."""
    check_parent(None, data.get("parent"))
    data.setdefault("slug", slugify(data["name"]))
    return Topic.create(**data).id


def update_topic(topic_id: int, data: dict) -> bool:
    """Apply data to a topic; False when there is none."""
    if "parent" in data and Topic.get_or_none(Topic.id == topic_id):
        check_parent(topic_id, data["parent"])
    return update_row(Topic, topic_id, data)
