"""What the write routes change besides ingest: articles deleted, actors and topics added or edited.

Refusals are domain errors (service/errors.py); the API turns them into problem+json in one place.
"""
from ..db import db
from ..entities.vocab import slugify
from ..errors import BadParent, NameTaken
from ..models import Actor, Article, Topic
from .store import detach_article


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
    """Refuse a name that is another actor's name or alias, or an alias that is another actor's name."""
    name, aliases = data.get("name"), data.get("aliases") or []
    # An actor filter by name must not become ambiguous: each name points at one actor.
    for other in Actor.select(Actor.id, Actor.slug, Actor.name, Actor.aliases).where(Actor.id != (actor_id or 0)):
        taken = {same_name(other.name)} | {same_name(alias) for alias in other.aliases or []}
        if name is not None and same_name(name) in taken:
            clash = ("name", name)
        else:
            clash = next((("aliases", alias) for alias in aliases if same_name(alias) == same_name(other.name)), None)
        if clash:
            raise NameTaken(clash[0], f"'{clash[1]}' already names actor {other.id} ({other.slug})")


def create_actor(data: dict) -> int:
    """Add an actor; return its id."""
    data.setdefault("slug", slugify(data["name"]) or "item")
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
            raise BadParent("parent", "would create a cycle", "a topic cannot be its own ancestor")
        seen.add(current)
        row = Topic.get_or_none(Topic.id == current)
        if row is None:
            raise BadParent("parent", f"no topic {current}")
        current = row.parent_id


def create_topic(data: dict) -> int:
    """Add a topic; return its id."""
    check_parent(None, data.get("parent"))
    data.setdefault("slug", slugify(data["name"]) or "item")
    return Topic.create(**data).id


def update_topic(topic_id: int, data: dict) -> bool:
    """Apply data to a topic; False when there is none."""
    if "parent" in data and Topic.get_or_none(Topic.id == topic_id):
        check_parent(topic_id, data["parent"])
    return update_row(Topic, topic_id, data)
