"""What the write routes change besides ingest: articles deleted, actors and topics added or edited.

Refusals are domain errors (service/errors.py); the API turns them into problem+json in one place.
"""
from ..db import db
from ..entities.vocab import slugify
from ..errors import BadParent, NameTaken
from ..models import Actor, Article, Topic
from .locks import lock_edits
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
    """Return the form under which two names count as the same (case and spacing ignored)."""
    return " ".join(name.casefold().split())


def auto_slug(name: str, noun: str) -> str:
    """Return the slug made from a name; one of digits alone would read as an id, so it takes the noun first."""
    slug = slugify(name) or "item"
    return f"{noun}-{slug}" if slug.isdigit() else slug


def check_actor_names(actor_id: int | None, data: dict) -> None:
    """Refuse a name, alias or slug that already names another actor, naming the field (409).

    `actor=X` reads X as a slug first, then as an id, name or alias: each of them must point at one actor.
    """
    wanted = ([("name", data["name"])] if data.get("name") else []) + [("aliases", a) for a in data.get("aliases") or []]
    slug = data.get("slug")
    for other in Actor.select(Actor.id, Actor.slug, Actor.name, Actor.aliases).where(Actor.id != (actor_id or 0)):
        _check_names(other, "actor", [other.name, *(other.aliases or [])], wanted, slug)


def check_topic_names(topic_id: int | None, data: dict) -> None:
    """Refuse a name or slug that already names another topic, naming the field (409).

    Keywords may be shared: a keyword is what extraction looks for, and several topics may look for one word.
    """
    wanted = [("name", data["name"])] if data.get("name") else []
    for other in Topic.select(Topic.id, Topic.slug, Topic.name).where(Topic.id != (topic_id or 0)):
        _check_names(other, "topic", [other.name], wanted, data.get("slug"))


def _check_names(other, noun: str, names: list[str], wanted: list[tuple[str, str]], slug: str | None) -> None:
    """Raise NameTaken when a wanted (field, name) or the slug names `other` already."""
    taken = {same_name(name) for name in names} | {other.slug}
    for field, value in wanted:
        if same_name(value) in taken:
            raise NameTaken(field, f"'{value}' already names {noun} {other.id} ({other.slug})")
    # A slug is also refused when it is another row's name in slug form: `sergey-lavrov` for an impostor.
    if slug is not None and slug in {other.slug} | {slugify(name) for name in names}:
        raise NameTaken("slug", f"slug '{slug}' already names {noun} {other.id} ({other.slug}); give another slug")


def create_actor(data: dict) -> int:
    """Add an actor; return its id."""
    data.setdefault("slug", auto_slug(data["name"], "actor"))
    with db.atomic():
        lock_edits()
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
        lock_edits()
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
    data.setdefault("slug", auto_slug(data["name"], "topic"))
    with db.atomic():
        lock_edits()
        check_topic_names(None, data)
        check_parent(None, data.get("parent"))
        return Topic.create(**data).id


def update_topic(topic_id: int, data: dict) -> bool:
    """Apply data to a topic; False when there is none."""
    with db.atomic():
        lock_edits()
        if Topic.get_or_none(Topic.id == topic_id) is None:
            return False
        check_topic_names(topic_id, data)
        if "parent" in data:
            check_parent(topic_id, data["parent"])
        return update_row(Topic, topic_id, data)
