"""What the write routes change: articles stored or deleted, actors and topics added or edited."""
import re
import unicodedata

from flask_smorest import abort
from marshmallow import ValidationError

from .. import queries
from ..db import db
from ..ingest import ArticleError, store_article
from ..web.requests import article_in
from ..events import detach_article
from ..models import Actor, Article, Topic


def slugify(name: str) -> str:
    """Return a lowercase ASCII slug for name (e.g. 'Sergey Lavrov' -> 'sergey-lavrov')."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-") or "item"


def store(data: dict) -> tuple[int, bool]:
    """Store one validated article body; return (article id, created)."""
    try:
        article, created = store_article(article_in(data))
    except ArticleError as exc:
        abort(422, message=str(exc), errors={getattr(exc, "field", "body"): [str(exc)]}, type="/api/docs#validation")
    return article.id, created


def store_batch(items: list) -> list[dict]:
    """Store each loaded item (or report its validation error) and return one result per item."""
    results = []
    for index, item in enumerate(items):
        if isinstance(item, ValidationError):
            results.append({"index": index, "status": 422, "article": None, "errors": item.normalized_messages()})
            continue
        try:
            article, created = store_article(article_in(item))
        except ArticleError as exc:
            results.append({"index": index, "status": 422, "article": None, "errors": {getattr(exc, "field", "body"): [str(exc)]}})
            continue
        results.append({"index": index, "status": 201 if created else 200, "article": queries.article_summary(article.id), "errors": None})
    return results


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
