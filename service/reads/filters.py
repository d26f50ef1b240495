"""The query parameters of /api/events, each declared once and rendered by every planner that needs it.

A page comes from one of three planners (see events.py): sorting the candidates (`event`: a condition on
Event rows), walking the event table's dates per granularity (`event` too, with the bounds), or walking the
links of the narrowest actor or topic (`link`: a condition on that link row, `l`, which carries its event's
dates). The walks also read a filter's bounds: `low` and `high` bound the dates walked per granularity
(span: that granularity's longest event), `visits` says which granularities are walked at all. Adding a
parameter is one entry here (and its field in schemas/events.py).
"""
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Callable

from peewee import SQL, fn

from ..db import db, is_postgres, marks
from ..models import Article, Event, EventActor, EventSource, EventTopic
from .names import actor_ids, named, topic_ids
from .search import matching


def day_param(day: date):
    """Return a date as a query parameter: SQLite stores dates as ISO text, PostgreSQL takes dates."""
    return day if is_postgres() else day.isoformat()


def days_before(day: date, days: float) -> date:
    """Return the date `days` before day, or the first day of the calendar when that is earlier (from=0001)."""
    return day - timedelta(days=min(days, (day - date.min).days))


@dataclass(frozen=True)
class Filter:
    """A query parameter that tests each event's own row."""

    name: str
    event: Callable  # value -> condition on Event
    link: Callable | None = None  # (value, placeholder) -> (SQL on link row l, params); None: walks bound it
    low: Callable | None = None  # (value, span in days) -> earliest date_start a walk visits
    high: Callable | None = None  # value -> latest date_start a walk visits
    visits: Callable | None = None  # (value, granularity) -> whether a walk visits that granularity


@dataclass(frozen=True)
class LinkFilter:
    """A query parameter naming actors or topics: met by an event linked to one of the ids a value names."""

    name: str
    model: type  # the link table
    column: str  # its column naming the actor or topic
    lookup: Callable  # value -> ids (empty: names nothing)

    @property
    def table(self) -> str:
        return self.model._meta.table_name

    def ids(self, value: str) -> list[int]:
        return named(self.name, self.lookup, value)


def _search(value, p):
    node = matching("event", value)
    return f"l.event_id IN {node.sql}", list(node.params or [])


# In the order conditions are written: cheap column tests first, so an event outside the dates never costs a
# link lookup; then the actor and topic links (narrowest first), then sources and search.
FILTERS = [
    Filter("from_", event=lambda v: Event.date_end >= v[0],
           link=lambda v, p: (f"l.date_end >= {p}", [day_param(v[0])]),
           low=lambda v, span: days_before(v[0], span)),
    Filter("to", event=lambda v: Event.date_start <= v[1], high=lambda v: v[1]),
    Filter("granularity", event=lambda v: Event.granularity.in_(v), visits=lambda v, granularity: granularity in v),
    Filter("status", event=lambda v: Event.status == v,
           link=lambda v, p: (f"EXISTS (SELECT 1 FROM event e WHERE e.id = l.event_id AND e.status = {p})", [v])),
    LinkFilter("actor", EventActor, "actor_id", actor_ids),
    LinkFilter("topic", EventTopic, "topic_id", topic_ids),
    Filter("article", event=lambda v: Event.id.in_(EventSource.select(EventSource.event).where(EventSource.article == v)),
           link=lambda v, p: (f"EXISTS (SELECT 1 FROM eventsource s WHERE s.event_id = l.event_id AND s.article_id = {p})", [v])),
    Filter("language", event=lambda v: Event.id.in_(
               EventSource.select(EventSource.event).join(Article).where(Article.language == v)),
           link=lambda v, p: ("EXISTS (SELECT 1 FROM eventsource s JOIN article a ON a.id = s.article_id "
                              f"WHERE s.event_id = l.event_id AND a.language = {p})", [v])),
    Filter("q", event=lambda v: Event.id.in_(matching("event", v)), link=_search),
]


def given(args: dict) -> list[tuple[Filter, object]]:
    """Return the row filters args set, with their values, in table order."""
    return [(f, args[f.name]) for f in FILTERS if isinstance(f, Filter) and args.get(f.name)]


def link_filters(args: dict) -> list[tuple[LinkFilter, list[int]]]:
    """Return each actor and topic value of args as (its filter, the ids it names), in the order given."""
    return [(f, f.ids(value)) for f in FILTERS if isinstance(f, LinkFilter) for value in args.get(f.name) or []]


def linked_count(link: LinkFilter, ids, cap: int) -> int:
    """Count the events linked to any of ids, stopping at cap."""
    sql = f"SELECT COUNT(*) FROM (SELECT 1 FROM {link.table} WHERE {link.column} IN ({marks(ids)}) LIMIT {int(cap)}) linked"
    return db.execute_sql(sql, ids).fetchone()[0]


def narrowest_first(links: list, cap: int) -> tuple[list, list[int]]:
    """Order link filters by how many events they match (counted up to cap); return them and their counts."""
    counts = [linked_count(*link, cap) for link in links]
    ranked = sorted(zip(counts, range(len(links))))
    return [links[i] for _, i in ranked], [count for count, _ in ranked]


def event_conditions(args: dict, links: list, skip=()) -> list:
    """Return the conditions on Event rows of args: the first link filter as an id list, the rest per event."""
    conditions, linked = [], False
    for f in FILTERS:
        if isinstance(f, LinkFilter):
            if not linked:
                conditions += [_linked(link, ids, i == 0) for i, (link, ids) in enumerate(links)]
                linked = True
        elif args.get(f.name) and f.name not in skip:
            conditions.append(f.event(args[f.name]))
    return conditions


def _linked(link: LinkFilter, ids, lead: bool):
    model = link.model
    column = model._meta.fields[link.column.removesuffix("_id")]
    if lead:
        return Event.id.in_(model.select(model.event).where(column.in_(ids)))
    # `+ 0` keeps SQLite on the (event, actor|topic) index: one seek per event, not one per id in the list.
    # PostgreSQL needs the bare column: its statistics on it tell a broad filter from a narrow one.
    linked = model.select(SQL("1")).where((model.event == Event.id) & (column if is_postgres() else column + 0).in_(ids))
    return fn.EXISTS(linked)


def link_conditions(args: dict, others: list) -> tuple[list[str], list]:
    """Return the conditions of args on a walked link row `l`, as SQL texts and their parameters."""
    p, where, params = db.param, [], []
    for f, value in given(args):
        if f.link:
            sql, values = f.link(value, p)
            where.append(sql)
            params += values
    for other, ids in others:
        # `+ 0` keeps SQLite on the (event, actor|topic) index: one seek per event, not one per id in the list.
        column = other.column if is_postgres() else f"{other.column} + 0"
        where.append(f"EXISTS (SELECT 1 FROM {other.table} o WHERE o.event_id = l.event_id AND o.{column} IN ({marks(ids)}))")
        params += ids
    return where, params


def walk_bounds(args: dict, granularity: str, span: float) -> tuple[list, list] | None:
    """Return the (low, high) date bounds args set on one granularity's walk, or None when it is not walked."""
    low, high = [], []
    for f, value in given(args):
        if f.visits and not f.visits(value, granularity):
            return None
        if f.low:
            low.append(f.low(value, span))
        if f.high:
            high.append(f.high(value))
    return low, high
