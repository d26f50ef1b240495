"""The actors and topics tables as a registry and taxonomy; seed them from the TOML data files."""
from __future__ import annotations

from dataclasses import dataclass

from ..db import db
from ..entities import ActorSpec, Registry, Taxonomy, TopicSpec
from ..entities import registry as registry_module
from ..entities import topics as topics_module
from ..entities.countries import countries
from ..entities.vocab import load
from ..models import Actor, Topic
from .locks import lock_merging

# Both tables in one query: the rows are the version stamp too, so an alias added through the API (by any
# process) reaches the next ingest, while the registry is rebuilt only when a row changed.
ROWS_SQL = """
SELECT 'actor', id, slug, name, kind, aliases, roles FROM actor
UNION ALL SELECT 'topic', id, slug, name, CAST(parent_id AS TEXT), keywords, NULL FROM topic
ORDER BY 1, 2
"""


@dataclass(frozen=True)
class Vocabulary:
    """The registry and taxonomy of the tables, and the row id of each actor and topic by slug."""

    registry: Registry
    taxonomy: Taxonomy
    actor_ids: dict[str, int]
    topic_ids: dict[str, int]


_cache: dict = {"state": (None, None)}


def _rows() -> list[tuple]:
    """Return the actor and topic rows as stored (JSON undecoded), actors then topics, oldest first."""
    return [tuple(row) for row in db.execute_sql(ROWS_SQL).fetchall()]


def _build(rows: list[tuple]) -> Vocabulary:
    """Build the registry and taxonomy of the rows."""
    as_list = Actor.aliases.python_value
    actors = [row for row in rows if row[0] == "actor"]
    topics = [row for row in rows if row[0] == "topic"]
    topic_slugs = {str(row[1]): row[2] for row in topics}
    extras = {t.slug: t for t in topics_module.file_specs()}
    topic_specs = []
    for _, _, slug, name, parent, keywords, _ in topics:
        extra = extras.get(slug)
        topic_specs.append(TopicSpec(slug, name, tuple(as_list(keywords) or ()), topic_slugs.get(parent),
                                     extra.patterns if extra else (), extra.exclude if extra else ()))
    specs = registry_module.country_specs() + [
        ActorSpec.from_dict({"slug": slug, "name": name, "kind": kind, "aliases": as_list(aliases), "roles": as_list(roles)})
        for _, _, slug, name, kind, aliases, roles in actors]
    return Vocabulary(Registry.build(specs), Taxonomy(topic_specs), {row[2]: row[1] for row in actors},
                      {row[2]: row[1] for row in topics})


def seeded() -> Vocabulary:
    """Return the vocabulary of the current tables, seeding them from the data files first when both are empty.

    For writers only: a read takes current(), which never writes.
    """
    rows = _rows()  # read once: every ingest asks, and the rows are the whole two tables
    if not rows:
        with db.atomic():
            lock_merging()  # concurrent first ingests into an empty database seed the tables once
            if not _rows():
                sync_vocabularies()
        rows = _rows()
    return _of(rows)


def current() -> Vocabulary:
    """Return the vocabulary of the current tables as they are (rebuilt only when a row changed since the last call)."""
    return _of(_rows())


def _of(rows: list[tuple]) -> Vocabulary:
    """Return the vocabulary of rows, built only when they differ from the rows of the last build."""
    # Rows and value in one tuple, so a thread never pairs the rows of one build with the value of another.
    cached_rows, cached = _cache["state"]
    if cached is None or cached_rows != rows:
        cached = _build(rows)
        _cache["state"] = (rows, cached)
    return cached


def vocabulary() -> tuple[Registry, Taxonomy]:
    """Return the registry and taxonomy of the current tables (seeded when empty)."""
    found = seeded()
    return found.registry, found.taxonomy


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
