"""Find the stored event a draft reports: candidates near its dates, scored as the same happening or not."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from math import ceil

from ..db import db, marks
from ..drafting.drafts import Draft
from ..drafting.kinds import kind_of
from ..drafting.similarity import Report, keywords, nested, same_happening
from ..entities import Registry
from ..models import Event, EventSource

# Enough candidates for any real day; ordered so the same interval and the oldest event come first.
MAX_CANDIDATES = 50

# The event columns derive() sets (besides its dates and updated_at), read with the candidates.
STORED_FIELDS = ("value", "granularity", "modifier", "title", "status", "confidence", "fingerprint")


@dataclass(frozen=True, slots=True)
class SourceRow:
    """What derive() reads of one report of an event: a stored source or the one being added."""

    article_id: int
    expression_start: int
    date_start: date
    date_end: date
    confidence: float
    title: str | None
    status: str | None
    value: str | None
    granularity: str | None
    modifier: str | None
    actors: tuple[str, ...]
    topics: tuple[str, ...]
    # How many identical reports this row stands for (article_id, expression_start: the first of them).
    copies: int = 1

    @classmethod
    def of(cls, source: EventSource) -> SourceRow:
        """Return the row of a stored source."""
        return cls(source.article_id, source.expression_start, source.date_start, source.date_end, source.confidence,
                   source.title, source.status, source.value, source.granularity, source.modifier,
                   tuple(source.actors or ()), tuple(source.topics or ()))



def report_of(draft: Draft) -> Report:
    """Return what merging compares of a draft."""
    return Report(draft.start_date, draft.end_date,
                  frozenset(a.slug for a in draft.actors if a.kind != "country"),
                  frozenset(a.slug for a in draft.actors if a.kind == "country"),
                  frozenset(draft.topics), draft.words, kind_of(draft.title))


def reports_of_event(start, end, sources: list[SourceRow], registry: Registry) -> list[Report]:
    """Return what merging compares of each source of a stored event: its title, actors, topics at the event's date."""
    reports = []
    for source in sources:
        persons, countries = set(), set()
        for slug in source.actors:
            spec = registry.specs.get(slug)
            (countries if spec and spec.kind == "country" else persons).add(slug)
        reports.append(Report(start, end, frozenset(persons), frozenset(countries), frozenset(source.topics),
                              keywords(source.title or ""), kind_of(source.title or "")))
    return reports


# Written by hand: peewee takes longer to build this nested query than the database takes to run it. It reads
# everything merging and derive() need of each candidate's sources, so the chosen event costs no second query.
# Identical reports (a wire story many outlets carry, a re-captured page) come back as one row with their count
# and the first one's place: a busy event's hundreds of copies cost merging one row, not one each.
# "Has a source" is a scalar subquery with LIMIT 1: as EXISTS beside an OR, PostgreSQL hashed every source row
# of the database for each draft instead of probing the index for the few events of the date.
# Dates must nest; when the draft names people, a candidate must share one (or be this article's own
# event, whose links are not written yet): without a shared person a nested date never reaches the merge
# threshold, and an event of other people scores zero.
CANDIDATES_SQL = """
SELECT e.id, e.date_start, e.date_end, e.value, e.granularity, e.modifier, e.title, e.status, e.confidence,
       e.fingerprint, count(s.id), min(CAST(s.article_id AS BIGINT) * {place} + s.expression_start), s.date_start,
       s.date_end, s.confidence, s.title, s.status, s.value, s.granularity, s.modifier, s.actors, s.topics
FROM event e LEFT JOIN eventsource s ON s.event_id = e.id
WHERE {mergeable} AND e.id IN (
  SELECT e.id FROM event e
  WHERE e.id IN ({found})
    AND (e.id IN ({fresh}) OR (SELECT 1 FROM eventsource s WHERE s.event_id = e.id LIMIT 1) IS NOT NULL)
  ORDER BY CASE WHEN e.date_start = {p} AND e.date_end = {p} THEN 0 ELSE 1 END, e.id
  LIMIT {limit})
GROUP BY e.id, s.date_start, s.date_end, s.confidence, s.title, s.status, s.value, s.granularity, s.modifier,
         s.actors, s.topics
ORDER BY min(s.id)
"""
# A report's place (article id, then offset) as one number for min(): above any article's length.
PLACE = 10 ** 9


# A busy event's sources come back with every report of it: decode each distinct stored value once.
@lru_cache(maxsize=1 << 14)
def _day(value) -> date | None:
    """Return a stored date (ISO text on SQLite, a date on PostgreSQL) as a date."""
    return Event.date_start.python_value(value)


@lru_cache(maxsize=1 << 14)
def _slug_list(value: str | None) -> tuple[str, ...]:
    """Return a stored JSON list of slugs as a tuple."""
    return tuple(EventSource.actors.python_value(value) or ())


@dataclass
class Candidate:
    """A stored event draft may report: its row as stored and every report of it."""

    start: date
    end: date
    stored: dict  # the event's derived fields as stored, so an update writes only what changed
    sources: list[SourceRow] = field(default_factory=list)


def related_events(start: date, end: date, people: list[int], fresh: list[int],
                   spans: list[tuple[str, float]]) -> tuple[str, list]:
    """Return a query of the events a draft dated start..end may report, and its parameters.

    With people: events dated the same, around or within the draft's dates that name one of them; without:
    events dated exactly the same. This article's own events (fresh: created or joined, so the only ones whose
    dates can have changed since spans, each granularity's longest span, was read) qualify by their dates
    alone. Each part is an index range, so the cost follows the events near the draft's dates, not the size
    of the database or how often a person is in the news.
    """
    p, dates = db.param, [start.isoformat(), end.isoformat()]
    # Around or within the draft (with people), else the same dates; `x` is the table's alias.
    relation, relation_params = (
        ("((x.date_start <= {p} AND x.date_end >= {p}) OR (x.date_start >= {p} AND x.date_end <= {p}))", dates * 2)
        if people else ("x.date_start = {p} AND x.date_end = {p}", dates))
    relation = relation.format(p=p)
    parts, params = [], []
    if fresh:
        parts.append(f"SELECT x.id FROM event x WHERE x.id IN ({marks(fresh)}) AND {relation}")
        params += [*fresh, *relation_params]
    if not people:
        parts.append(f"SELECT x.id FROM event x WHERE {relation}")
        params += relation_params
    else:
        named = f"x.actor_id IN ({marks(people)})"
        # The links carry their event's granularity and dates (schema step 40); within a granularity an event
        # around the draft starts at most that granularity's longest span earlier, so each range is bounded.
        for granularity, span in spans:
            earliest = start - timedelta(days=min(ceil(span or 0), (start - date.min).days))
            parts.append(f"SELECT x.event_id FROM eventactor x WHERE {named} AND x.granularity = {p} "
                         f"AND x.date_start >= {p} AND x.date_start <= {p} AND {relation}")
            params += [*people, granularity, earliest.isoformat(), dates[1], *relation_params]
    return " UNION ALL ".join(parts) or "SELECT 0 WHERE 1 = 0", params


def mergeable(start: date, end: date, persons: list[int], countries: list[int], fresh: list[int]) -> tuple[str, list]:
    """Return a condition on a candidate `e` that leaves out the events found through the draft's countries that
    can never be the one it reports, and its parameters.

    Which events are candidates (the first MAX_CANDIDATES) stays as it was; only those left out never score. A
    draft naming no people may be any of them: words, topics, countries and an agreeing kind can reach every
    threshold. A draft naming people is never an event that names only other people, except one of the same dates
    (a report of it naming nobody still counts in its average), since reports of other people score zero and
    dates that only nest need people that agree.
    """
    if not countries or not persons:
        return "1 = 1", []
    p = db.param
    same, dates = f"(e.date_start = {p} AND e.date_end = {p})", [start.isoformat(), end.isoformat()]
    shares = f"EXISTS (SELECT 1 FROM eventactor l WHERE l.event_id = e.id AND l.actor_id IN ({marks(persons)}))"
    names_people = ("EXISTS (SELECT 1 FROM eventactor l JOIN actor a ON a.id = l.actor_id "
                    "WHERE l.event_id = e.id AND a.kind <> 'country')")
    condition, params = f"({shares} OR {same} OR NOT {names_people})", [*persons, *dates]
    if fresh:
        condition, params = f"(e.id IN ({marks(fresh)}) OR {condition})", [*fresh, *params]
    return condition, params


def candidates(draft: Draft, persons: list[int], countries: list[int], fresh: list[int],
               pending: dict[int, list[SourceRow]], spans: list[tuple[str, float]]) -> dict[int, Candidate]:
    """Return the events draft may report by id, with their sources (this article's pending ones last)."""
    p = db.param
    found_sql, found_params = related_events(draft.start_date, draft.end_date, persons + countries, fresh, spans)
    kept_sql, kept_params = mergeable(draft.start_date, draft.end_date, persons, countries, fresh)
    sql = CANDIDATES_SQL.format(p=p, found=found_sql, fresh=marks(fresh) or "NULL", mergeable=kept_sql,
                                limit=MAX_CANDIDATES, place=PLACE)
    start, end = draft.start_date.isoformat(), draft.end_date.isoformat()
    params = [*kept_params, *found_params, *fresh, start, end]
    day, as_list = _day, _slug_list
    found: dict[int, Candidate] = {}
    for row in db.execute_sql(sql, params).fetchall():
        event_id, first, last, *stored, copies, place, source_start, source_end, confidence, title, status, value, \
            granularity, modifier, actors, topics = row
        entry = found.get(event_id)
        if entry is None:
            entry = found[event_id] = Candidate(day(first), day(last), dict(
                zip(STORED_FIELDS, stored), date_start=day(first), date_end=day(last)))
        if copies:  # else an event of this article, its sources all pending
            entry.sources.append(SourceRow(place // PLACE, place % PLACE, day(source_start), day(source_end),
                                           confidence, title, status, value, granularity, modifier, as_list(actors),
                                           as_list(topics), copies))
    for event_id, entry in found.items():
        entry.sources.extend(pending.get(event_id, ()))
    return found


def merge_target(draft: Draft, registry: Registry, persons: list[int], countries: list[int], fresh: list[int],
                 pending: dict[int, list[SourceRow]], spans: list[tuple[str, float]],
                 referent: int | None = None) -> tuple[int, Candidate] | None:
    """Return the id of the stored event draft reports (best score, oldest on a tie) and the event, if any."""
    # persons, countries: row ids of the actors whose events are candidates (countries only when they count);
    # fresh: events this article created or joined, whose links and sources are not all written yet; pending:
    # this article's sources by event; spans: each granularity's longest span when merging began; referent: the
    # event of the earlier sentence draft refers back to ("The talks were held..."), joined whenever the dates
    # still nest.
    draft_report = report_of(draft)
    found = candidates(draft, persons, countries, fresh, pending, spans)
    if referent in found:
        entry = found[referent]
        if all(nested(draft_report, r) for r in reports_of_event(entry.start, entry.end, entry.sources, registry)):
            return referent, entry
    best, best_score = None, -1.0
    for event_id, entry in sorted(found.items()):
        score = same_happening(draft_report, reports_of_event(entry.start, entry.end, entry.sources, registry),
                               [s.copies for s in entry.sources])
        if score is not None and score > best_score:
            best, best_score = (event_id, entry), score
    return best
