"""The actors and topics tables as a registry and taxonomy; seed them from the TOML data files."""
from __future__ import annotations

from peewee import JOIN

from ..db import db
from ..entities import ActorSpec, Registry, Taxonomy, TopicSpec
from ..entities import registry as registry_module
from ..entities import topics as topics_module
from ..entities.countries import countries
from ..entities.vocab import load
from ..models import Actor, Topic
from .locks import lock_merging

_cache: dict = {"signature": None, "value": None}


def _rows() -> tuple[list, list]:
    """Return the actor and topic rows as dicts, oldest first."""
    actors = list(Actor.select(Actor.id, Actor.slug, Actor.name, Actor.kind, Actor.aliases, Actor.roles).order_by(Actor.id).dicts())
    parent = Topic.alias()
    topics = list(Topic.select(Topic.id, Topic.slug, Topic.name, Topic.keywords, parent.slug.alias("parent"))
                  .join(parent, on=(Topic.parent == parent.id), join_type=JOIN.LEFT_OUTER).order_by(Topic.id).dicts())
    return actors, topics


def vocabulary() -> tuple[Registry, Taxonomy]:
    """Return the registry and taxonomy of the current tables (rebuilt only when the rows changed)."""
    actors, topics = _rows()
    if not actors and not topics:
        lock_merging()  # concurrent first ingests into an empty database seed the tables once
        actors, topics = _rows()
    if not actors and not topics:
        sync_vocabularies()
        actors, topics = _rows()
    signature = repr((actors, topics))
    if _cache["signature"] != signature:
        extras = {t.slug: t for t in topics_module.file_specs()}
        topic_specs = []
        for row in topics:
            extra = extras.get(row["slug"])
            topic_specs.append(TopicSpec(row["slug"], row["name"], tuple(row["keywords"] or ()), row["parent"],
                                         extra.patterns if extra else (), extra.exclude if extra else ()))
        specs = registry_module.country_specs() + [ActorSpec.from_dict(row) for row in actors]
        _cache.update(signature=signature, value=(Registry.build(specs), Taxonomy(topic_specs)),
                      actor_ids={row["slug"]: row["id"] for row in actors},
                      topic_ids={row["slug"]: row["id"] for row in topics})
    return _cache["value"]


def row_ids() -> tuple[dict[str, int], dict[str, int]]:
    """Return the row ids of actors and topics by slug, as of the last vocabulary() call."""
    return _cache["actor_ids"], _cache["topic_ids"]


def _country_entries() -> list[dict]:
    """Return the countries of places.toml as actor entries."""
    listed = {entry["code"] for entry in load("places")["country"]}
    return [{"name": c.name, "slug": c.slug, "kind": "country", "aliases": list(c.aliases[1:])}
            for c in countries() if c.code in listed]


def sync_vocabularies() -> dict[str, int]:
    """Add the actors, countries and topics of the data files to the tables, keeping aliases added since."""
    created = {"actors": 0, "topics": 0}
    with db.atomic():
        for entry in load("actors")["actor"] + _country_entries():
            spec = ActorSpec.from_dict(entry)
            roles = [r.to_dict() for r in spec.roles]
            row = Actor.get_or_none(Actor.slug == spec.slug)
            if row is None:
                Actor.create(name=spec.name, slug=spec.slug, kind=spec.kind, aliases=list(spec.aliases), roles=roles)
                created["actors"] += 1
                continue
            row.aliases = list(dict.fromkeys([*(row.aliases or []), *spec.aliases]))
            row.roles = (row.roles or []) + [r for r in roles if r not in (row.roles or [])]
            row.save()
        for spec in topics_module.file_specs():
            parent = Topic.get_or_none(Topic.slug == spec.parent) if spec.parent else None
            row = Topic.get_or_none(Topic.slug == spec.slug)
            if row is None:
                Topic.create(name=spec.name, slug=spec.slug, keywords=list(spec.keywords), parent=parent)
                created["topics"] += 1
                continue
            row.keywords = list(dict.fromkeys([*(row.keywords or []), *spec.keywords]))
            row.parent = row.parent or parent
            row.save()
    return created
