"""Decide whether two reports describe the same happening: compatible dates, shared actors, similar words."""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from .kinds import agree, kinds
from .rules import rules

_WORD = re.compile(r"[^\W\d_][\w'-]+")  # a word of any script: "elecciones" folds to "election" as "polls" does
# Weights of the evidence that two reports with compatible dates tell of one happening.
PERSON_WEIGHT, WORD_WEIGHT, TOPIC_WEIGHT, COUNTRY_WEIGHT = 0.5, 0.2, 0.15, 0.15
# Reports set in different countries (none shared) are likely different happenings of the same people.
COUNTRY_CONFLICT_FACTOR = 0.5
# Two or more shared people (a meeting's both sides) are strong evidence on their own.
PAIR_BONUS = 0.15
# Same day: the date already agrees, so sharing the main person (or most words) suffices.
SAME_DATE_THRESHOLD = 0.45
# Same month or year: one person does many things in a month, so more must agree.
SAME_PERIOD_THRESHOLD = 0.6
# One date inside the other (a day within "the first half of 2021") is no evidence by itself: it counts only when
# both reports tell of the same kind of happening (not mere sayings) by the same people; then this much more.
NESTED_DATE_THRESHOLD = 0.25
# What agreeing in kind adds to nested reports' score (it is their gate, and evidence too).
KIND_WEIGHT = 0.15
# Reports of the same dates naming no people to compare agree in kind as nested ones do when they share a pair of
# countries (the two parties of a deal or a meeting), or one country and at least this share of their words.
PAIR_COUNTRIES = 2
SAME_WORDS = 0.5


@dataclass(frozen=True, slots=True)
class Report:
    """What merging looks at: a draft's or a stored event's date, actors, topics and words."""

    start: date
    end: date
    persons: frozenset[str]  # slugs of people and organisations
    countries: frozenset[str]
    topics: frozenset[str]
    words: frozenset[str]
    kind: str | None = None  # talks | visit | exercise ... (kinds.py), None when the headline names none


@lru_cache(maxsize=8192)
def keywords(title: str) -> frozenset[str]:
    """Return the content words of a title, with synonyms folded to one word."""
    r = rules()
    found = set()
    for word in _WORD.findall(title.lower().replace("’", "'")):
        word = word.removesuffix("'s")
        if word in r.stopwords or len(word) < 3:
            continue
        found.add(r.synonyms.get(word, word))
    return frozenset(found)


def nested(a: Report, b: Report) -> bool:
    """Tell whether one report's interval lies within the other's (dates never conflict)."""
    return (a.start <= b.start and b.end <= a.end) or (b.start <= a.start and a.end <= b.end)


def _overlap(a: frozenset, b: frozenset) -> float:
    """Return the share of the smaller set found in the other (0 when either is empty)."""
    return len(a & b) / min(len(a), len(b)) if a and b else 0.0


def gathering(a: Report, b: Report) -> bool:
    """Tell whether two reports agree in kind and one tells a gathering many countries attend (a summit): the
    countries each names (the host, a guest's own) do not set them in different places."""
    return bool(agree(a.kind, b.kind)) and bool({a.kind, b.kind} & kinds().gathering)


def score(a: Report, b: Report) -> float:
    """Return how strongly two date-compatible reports look like one happening (0..1)."""
    if a.persons and b.persons and not a.persons & b.persons:
        return 0.0  # different people did it
    pair = PAIR_BONUS if len(a.persons & b.persons) >= 2 else 0.0
    value = (pair + PERSON_WEIGHT * _overlap(a.persons, b.persons) + WORD_WEIGHT * _overlap(a.words, b.words)
             + TOPIC_WEIGHT * _overlap(a.topics, b.topics) + COUNTRY_WEIGHT * _overlap(a.countries, b.countries))
    if a.countries and b.countries and not a.countries & b.countries and not gathering(a, b):
        value *= COUNTRY_CONFLICT_FACTOR
    return value


def people_agree(a: Report, reports: list[Report]) -> bool:
    """Tell whether a and an event's reports are about the same people: they share an actor (or neither names
    any), and neither names people or countries the other's exclude (Putin's visit to India is not to China).
    When both name people, one's people are all among the other's: Blinken's talks with Lavrov are not his talks
    with Wang Yi, though both name Blinken."""
    persons = frozenset().union(*(b.persons for b in reports))
    countries = frozenset().union(*(b.countries for b in reports))
    if a.persons and persons and not (a.persons <= persons or persons <= a.persons):
        return False
    if a.countries and countries and not a.countries & countries:
        return False
    if not (a.persons | a.countries) and not (persons | countries):
        return True
    return bool((a.persons | a.countries) & (persons | countries))


def same_happening(a: Report, reports: list[Report], counts: list[int] | None = None) -> float | None:
    """Return the merge score of a with an event's reports when they are one happening, else None.

    The score is the mean over the event's reports (average link), so an event cannot snowball by
    collecting the people and words of each report it absorbed; conflicting dates never merge, and
    neither do different kinds of happening (talks and exercises on one day are two events).
    counts: how many identical reports each one stands for (syndicated copies are scored once).
    """
    if not reports or not all(nested(a, b) for b in reports):
        return None
    agreement = [agree(a.kind, b.kind) for b in reports]
    if False in agreement:
        return None
    counts = counts or [1] * len(reports)
    value = sum(score(a, b) * n for b, n in zip(reports, counts)) / sum(counts)
    same_kind = True in agreement and a.kind not in kinds().saying and people_agree(a, reports)
    if any((a.start, a.end) != (b.start, b.end) for b in reports):
        if not same_kind:
            return None
        value += KIND_WEIGHT
        threshold = NESTED_DATE_THRESHOLD
    else:
        threshold = SAME_DATE_THRESHOLD if a.start == a.end else SAME_PERIOD_THRESHOLD
        if same_kind and not (a.persons and any(b.persons for b in reports)) and all(
                len(a.countries & b.countries) >= PAIR_COUNTRIES or _overlap(a.words, b.words) >= SAME_WORDS
                for b in reports):
            # Reports of the same dates where one side names no person ("Japan and Australia signed a trade deal
            # on 6 January", "Australia and Japan inked a pact on Thursday") cannot agree by their people; the same
            # kind by the same pair of countries tells one happening at least as surely as when one date only lies
            # inside the other. One country is only where it happened ("Air France pilots went on strike" and "Rail
            # workers across France went on strike" are two strikes), so there the words must agree too. Where
            # both name people, their people decide (an event cannot snowball through them).
            value += KIND_WEIGHT
            threshold = min(threshold, NESTED_DATE_THRESHOLD)
    return value if value >= threshold else None


def fingerprint(value: str | None, start: date, actors, words) -> str:
    """Return a stable identity for a happening: its date and its main people (else its words)."""
    people = sorted(a.slug for a in actors if a.kind != "country")
    basis = people or sorted(words)[:4]
    raw = f"{value or start.isoformat()}|{','.join(basis)}"
    return hashlib.sha1(raw.encode("utf-8")).hexdigest()[:20]
