"""Actor and topic filter values to row ids: by slug, id, name, alias or keyword, then as extraction reads names."""
import json
import re

from ..db import db, is_postgres
from ..entities import names
from ..errors import UnknownName
from ..models import Actor

# The ASCII letters casefold() also makes out of other letters ("ß" -> "ss", "ﬁ" -> "fi", Kelvin sign -> "k"):
# sorted({x for c in map(chr, range(0x80, 0x110000)) for x in c.casefold() if x.isascii()})
FOLDED_FROM_OTHERS = "afhijklnstwy"


def name_pattern(key: str) -> str:
    """Return a LIKE pattern that every name or JSON word list whose casefold() holds key matches."""
    # The key's digits and ASCII letters that only an ASCII letter folds to, in order; anything else may differ.
    return "%" + "%".join(run for run in re.split(f"[^a-z0-9]|[{FOLDED_FROM_OTHERS}]", key) if run) + "%"


def _candidates(table: str, words: str, key: str) -> list[tuple]:
    """Return (id, slug, name, words) of the rows of table key may name: a superset, checked in Python."""
    # LIKE ignores ASCII case on SQLite, ILIKE on PostgreSQL. Raw SQL: on the hot path of every filtered page,
    # building the peewee query cost more than running it.
    like, p = ("ILIKE" if is_postgres() else "LIKE"), db.param
    sql = f"SELECT id, slug, name, {words} FROM {table} WHERE slug {like} {p} OR name {like} {p} OR {words} {like} {p}"
    params = [name_pattern(key)] * 3
    if key.isdigit() and int(key) < 2**31:
        sql += f" OR id = {p}"
        params.append(int(key))
    return db.execute_sql(sql, params).fetchall()


def by_slug(table: str, key: str) -> list[int]:
    """Return the id of the row whose slug is key: a slug names its row alone, found by the unique index."""
    return [row_id for row_id, in db.execute_sql(f"SELECT id FROM {table} WHERE slug = {db.param}", [key])]


def _named(key: str, row) -> bool:
    row_id, slug, name, words = row
    return key in {str(row_id), slug.casefold(), name.casefold(), *(str(w).casefold() for w in json.loads(words or "[]"))}


def actor_ids(value: str) -> list[int]:
    """Return the actor whose slug is value, else those whose id, name or alias is (case-insensitive), else by name key."""
    key = value.strip().casefold()
    return (by_slug("actor", key) or [row[0] for row in _candidates("actor", "aliases", key) if _named(key, row)]
            or actor_ids_by_key(value) or actor_ids_resolved(value))


def actor_ids_by_key(value: str) -> list[int]:
    """Return the ids of actors value names the way extraction matches names (diacritics, honorifics, initials)."""
    # Only reached on a miss: folding every actor's names costs far more than the LIKE lookup.
    wanted = {names.key(value), names.initial_key(value)} - {None, ""}
    found = []
    for actor_id, name, aliases in Actor.select(Actor.id, Actor.name, Actor.aliases).tuples():
        keys = {names.key(name), names.initial_key(name), *(names.key(str(alias)) for alias in aliases or [])}
        if wanted & keys:
            found.append(actor_id)
    return found


def actor_ids_resolved(value: str) -> list[int]:
    """Return the actor extraction reads value as: a typo ("Jaishnakar"), a rendering ("Su Jiesheng") or an office
    ("the Russian Foreign Minister", its holder today)."""
    from ..entities.actors import find_actors
    from ..events.vocabulary import current

    text = value.strip()
    if not text:
        return []
    vocabulary = current()  # reads the tables as they are: never seeds them
    # The hit ending the phrase is its head: "Russian" in "the Russian Foreign Minister" only says whose minister.
    slugs = {hit.actor.slug for hit in find_actors(text, vocabulary.registry, lambda _: None) if hit.end == len(text)}
    return sorted(vocabulary.actor_ids[slug] for slug in slugs if slug in vocabulary.actor_ids)


def topic_ids(value: str) -> list[int]:
    """Return the ids of the topic value names (its slug, else id, name or keyword) and of all their sub-topics."""
    key = value.strip().casefold()
    found = set(by_slug("topic", key)) or {row[0] for row in _candidates("topic", "keywords", key) if _named(key, row)}
    return sorted(with_subtopics(found, topic_children())) if found else []


def topic_children() -> dict[int | None, list[int]]:
    """Return {topic id: ids of its direct sub-topics} (the topic table is small: one query)."""
    children = {}
    for topic_id, parent_id in db.execute_sql("SELECT id, parent_id FROM topic"):
        children.setdefault(parent_id, []).append(topic_id)
    return children


def with_subtopics(ids, children: dict) -> set[int]:
    """Return ids and the ids of all their sub-topics, however deep (a loop in the parents ends the walk)."""
    found = set(ids)
    todo = list(found)
    while todo:
        for child in children.get(todo.pop(), []):
            if child not in found:
                found.add(child)
                todo.append(child)
    return found


def named(field: str, lookup, value: str) -> list[int]:
    """Return lookup(value), refusing a value that names no actor or topic."""
    ids = lookup(value)
    if not ids:
        raise UnknownName(field, value)
    return ids
