"""What every resolver shares: the context it reads, the result it returns, and calendar arithmetic."""
from __future__ import annotations

import re
from calendar import monthrange
from dataclasses import dataclass
from datetime import date, timedelta

from service.extraction.timex import interval, iso_week, month_add, quarter_of
from service.extraction.vocabulary import lookup


@dataclass(frozen=True, slots=True)
class Context:
    """Hold what a resolver may use: the anchor day, the tense, the last calendar date mentioned."""

    anchor: date | None
    tense: str | None
    reference: tuple[str, str] | None  # (value, granularity) of the last resolved calendar date
    direction: str | None = None  # the tense a reading must agree with, set only when the date's own verb is sure
    # The year of the last date told when it was written with its year and lies before the anchor's:
    # a narrative passage ("In 1941 ... In December") places yearless dates in it, unless told as future.
    narrative_year: int | None = None
    # The country the text is about, to pick among national days of one name: an ISO 3166 code, codes most
    # likely first, or a callable giving them, asked only when such a day is found.
    country: object = None
    told_in_sentence: bool = False  # the last date told stands in the same sentence
    # The clause looks back from the story's time ("In May, the Allies had prepared ..."): a narrative
    # date in it need not come after the date told.
    looks_back: bool = False
    history: bool = False  # the text is a history as a whole (pipeline._is_history)
    # The last date told at each granularity ({"day": "2010-03-02", "month": "2011-12"}), though coarser or
    # finer ones may have been told since: a market report's session ("in morning trading") is on the last
    # day told, "the month" is the last month told.
    last_told: dict | None = None

    def told_at(self, granularity: str) -> str | None:
        """Return the last date told at a granularity, or None."""
        return self.last_told.get(granularity) if self.last_told else None

    def narrative(self) -> int | None:
        """Return the narrative year a yearless date of this clause belongs to, or None."""
        return self.narrative_year if self.tense != "future" else None


@dataclass(frozen=True, slots=True)
class Resolved:
    """Hold a resolved value, its granularity and how sure the resolver is."""

    value: str | None
    granularity: str | None
    confidence: float
    from_reference: bool = False  # counted from the last date told, so it must not become the reference
    type: str | None = None  # the TIMEX3 type when the resolver decides it, not the rule


GRANULARITY = {"D": "day", "W": "week", "M": "month", "Q": "quarter", "Y": "year", "E": "decade",
                "C": "century", "H": "time", "MIN": "time"}
# Granularities from fine to coarse: a date told can be counted from in a unit at least as coarse as itself.
FINENESS = ("time", "day", "week", "month", "quarter", "season", "half", "year", "decade", "century")
UNRESOLVED = 0.3  # an expression we found but cannot place without an anchor
EXPLICIT = 0.95  # a value written out in full: it does not depend on the anchor


_YEAR_BC = re.compile(r"BC(\d{4})")


def is_year_bc(value: str | None) -> bool:
    """Tell whether value is a year BC ("BC0480")."""
    return bool(value and _YEAR_BC.fullmatch(value))


def shift_year_bc(value: str, years: int) -> str | None:
    """Return the year BC value moved by a number of years ("BC0480" + 1 -> "BC0479"; BC0001 + 1 -> 0001)."""
    astronomical = 1 - int(_YEAR_BC.fullmatch(value).group(1)) + years  # 1 BC is year 0
    if astronomical > 0:
        return f"{astronomical:04d}" if astronomical <= 9999 else None
    return f"BC{1 - astronomical:04d}" if 1 - astronomical <= 9999 else None


def step_of(groups: dict) -> int:
    """Return the direction of the 'direction' group (-1, 0, +1); absent means this one."""
    return int(lookup("DIRECTION", groups.get("direction")) or 0)


def calendar_day(year: int, month: int, day: int) -> date | None:
    """Return the date or None when it does not exist (31 April, the year 0)."""
    if 1 <= year <= 9999 and 1 <= month <= 12 and 1 <= day <= monthrange(year, month)[1]:
        return date(year, month, day)
    return None


def year_of(text: str) -> int:
    """Return a year written in digits or spelled out ('nineteen ninety-seven')."""
    if text.isdigit():
        return int(text)
    words = re.split(r"[\s-]+", text.lower())
    units = int(lookup("YEAR_UNITS", words[2])) if len(words) > 2 else 0
    return int(lookup("CENTURY_WORD", words[0])) * 100 + int(lookup("YEAR_TENS", words[1])) + units


def number_of(groups: dict) -> float | None:
    """Return the quantity of the number group ('twenty-four' -> 24), None for vague ones."""
    text = groups.get("number", "1")
    value = lookup("NUMBER", text)
    if value == "X":
        return None
    if value is not None:
        return float(value)
    words = re.split(r"[\s-]+", text)
    if len(words) == 2:  # "twenty four"
        return float(lookup("NUMBER", words[0])) + float(lookup("NUMBER", words[1]))
    return float(text)


def shift_period(anchor: date, unit: str, step: int) -> tuple[str, str] | None:
    """Return (value, granularity) of the period `step` units of `unit` away from anchor's; None off the calendar."""
    try:
        shifted = _shift(anchor, unit, step)
    except (OverflowError, ValueError):  # "eighty centuries ago", "10000000 days later"
        return None
    return shifted if shifted and interval(shifted[0]) else None


def _shift(anchor: date, unit: str, step: int) -> tuple[str, str] | None:
    """Compute shift_period's value, which may fall off the calendar."""
    if unit == "D":
        return (anchor + timedelta(days=step)).isoformat(), "day"
    if unit == "W":
        return iso_week(anchor + timedelta(weeks=step)), "week"
    if unit == "M":
        year, month = month_add(anchor.year, anchor.month, step)
        return f"{year:04d}-{month:02d}", "month"
    if unit == "Q":
        year, quarter = quarter_of(anchor)
        index = year * 4 + quarter - 1 + step
        return f"{index // 4:04d}-Q{index % 4 + 1}", "quarter"
    if unit == "Y":
        return f"{anchor.year + step:04d}", "year"
    if unit == "E":
        return f"{anchor.year // 10 + step:03d}", "decade"
    if unit == "C":
        return f"{anchor.year // 100 + step:02d}", "century"
    return None
