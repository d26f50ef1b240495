"""Read a language's anchored-date file: the words that count a date from another date.

"deux jours plus tard" counts from the date the text last told, "dans deux semaines" from the publication
date, "le lendemain" is the day after the date last told. The reference time that moves with the text is
the English pipeline's (service/extraction/told.py); this file only says which words do what.
"""
from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import regex

from service.extraction.locales.overrides import phrase_key

ANCHORED = Path(__file__).parent / "anchored"
# What each kind of word says: the direction of the count, and where it counts from.
#   told: the date last told when one can be counted from (a day; a coarser date in a narrative), else the anchor
#   anchor: the publication date; future: the publication date, in a sentence told in the future only
#   past: the date last told in a sentence told in the past, else the publication date
#   sentence: the date last told when it stands in the same sentence, else the publication date
KINDS = {
    "later": (1, "told"), "earlier": (-1, "told"), "ahead": (1, "anchor"), "ahead_if_future": (1, "future"),
    "later_if_past": (1, "past"), "earlier_if_told_in_sentence": (-1, "sentence"), "told": (0, "told"),
}
# dateparser's unit names as the resolvers' unit codes.
UNIT_CODES = {"day": "D", "week": "W", "month": "M", "year": "Y", "hour": "H", "minute": "MIN"}
# A phrase's step: "+1 day" counts from the date last told; "+1 year in narrative" only in a narrative (else
# from the publication date, as "в следующем году" is next year), "+1 week if past" only in a past sentence.
_STEP = regex.compile(r"([+-]?\d+)\s+(day|week|month|year)(?:\s+(in narrative|if past))?")


@dataclass(frozen=True)
class Anchored:
    """Hold one language's words for dates counted from another (see anchored/README.md)."""

    before: dict = field(default_factory=dict)  # word before a number and a unit -> kind
    after: dict = field(default_factory=dict)  # word after them -> kind
    phrases: dict = field(default_factory=dict)  # fixed phrase -> (step, unit code, condition): "le lendemain" -> (1, "D", None)
    units: dict = field(default_factory=dict)  # unit word the locale data lacks -> dateparser unit name
    frame_before: tuple = ()  # words that may open a sentence before a date that frames what follows


@cache
def anchored(language: str) -> Anchored:
    """Return a language's anchored-date words; a language without a file has none."""
    path = ANCHORED / f"{language}.toml"
    if not path.is_file():
        return Anchored()
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    for table in ("before", "after"):
        unknown = set(data.get(table, {}).values()) - KINDS.keys()
        if unknown:
            raise ValueError(f"{path.name}: unknown kinds {sorted(unknown)} in [{table}]")
    phrases = {}
    for phrase, step in data.get("phrases", {}).items():
        parsed = _STEP.fullmatch(step.strip())
        if not parsed:
            raise ValueError(f"{path.name}: phrase {phrase!r} needs a step such as '+1 day', not {step!r}")
        phrases[phrase_key(phrase)] = (int(parsed.group(1)), UNIT_CODES[parsed.group(2)], parsed.group(3))
    return Anchored(
        before={phrase_key(k): v for k, v in data.get("before", {}).items()},
        after={phrase_key(k): v for k, v in data.get("after", {}).items()},
        phrases=phrases,
        units={k.lower(): v for k, v in data.get("units", {}).items()},
        frame_before=tuple(phrase_key(w) for w in data.get("frame_before", [])),
    )
