"""Read a candidate span with dateparser's DateDataParser and express the reading against any anchor."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import cache, lru_cache

import regex

from service.extraction.timex import iso_week, month_add

# dateparser reads each distinct span once, against this fixed base: a Wednesday noon in a leap
# year. A relative reading is kept as its shift from the base in its own period (-1 week), so one
# reading serves every publication date, and the expensive parser runs once per distinct span.
BASE = datetime(2012, 6, 13, 12)
PERIODS = ("day", "week", "month", "year")
_RUN = regex.compile(r"\d+")
# Stand-ins for the numbers of a calendar span ("6 avril 2021" is read as "3 avril 1987"): each is a
# valid day and month, no two alike and none a field of BASE, so each is found again in the reading.
_PROBES = ({1: ("3", "4", "5"), 2: ("03", "04", "05"), 4: ("1987", "1986", "1985")},
           # a second set for a span whose month name is one of the first set ("3 марта")
           {1: ("9", "8", "7"), 2: ("09", "10", "11"), 4: ("1987", "1986", "1985")})


@dataclass(frozen=True, slots=True)
class Reading:
    """Hold dateparser's reading of a span against BASE: the date and its period."""

    day: date
    period: str

    def shift(self) -> int:
        """Return how many of its periods the reading lies from BASE (negative: before)."""
        base = BASE.date()
        if self.period == "day":
            return (self.day - base).days
        if self.period == "week":
            return ((self.day - timedelta(days=self.day.weekday())) - (base - timedelta(days=base.weekday()))).days // 7
        if self.period == "month":
            return (self.day.year - base.year) * 12 + self.day.month - base.month
        return self.day.year - base.year


# The finder knows whether a span is relative ("il y a 3 jours") or a calendar date ("6 avril"): dateparser
# then tries only the parser for that kind, not each of its parsers in turn.
PARSERS = {"relative": ["relative-time"], "calendar": ["absolute-time"]}


@cache
def _parser(language: str, kind: str):
    """Return the DateDataParser of one language and kind of span (its construction loads the locale)."""
    from dateparser.date import DateDataParser  # the import is slow; English never needs it

    return DateDataParser(languages=[language], settings={
        "RELATIVE_BASE": BASE, "PREFER_DAY_OF_MONTH": "first", "PARSERS": PARSERS[kind]})


@lru_cache(maxsize=65536)
def read(language: str, span: str, kind: str = "calendar") -> Reading | None:
    """Return dateparser's reading of a span of a kind (relative or calendar), or None when it reads no date."""
    data = _parser(language, kind).get_date_data(span)
    if data is None or data.date_obj is None or data.period not in PERIODS:
        return None
    return Reading(data.date_obj.date(), data.period)


def read_calendar(language: str, span: str) -> Reading | None:
    """Return dateparser's reading of a calendar span, parsed once per shape rather than once per date.

    dateparser reads the span with its numbers replaced by stand-ins; where each stand-in lands
    (day, month or year: the date order of the language decides) is where its real number goes.
    """
    runs = list(_RUN.finditer(span))
    if not runs:
        return read(language, span)
    for probe_set in _PROBES:
        used = {width: iter(probes) for width, probes in probe_set.items()}
        probes = [next(used[len(run.group())], None) if len(run.group()) in used else None for run in runs]
        if None in probes:
            return read(language, span)
        shape = "".join(part for run, probe, start in zip(runs, probes, [0] + [r.end() for r in runs])
                        for part in (span[start:run.start()], probe)) + span[runs[-1].end():]
        probe_reading = read(language, shape)
        if probe_reading is None:
            return None
        fields = _placed(runs, probes, probe_reading.day)
        if fields is not None:
            try:
                return Reading(date(fields["year"], fields["month"], fields["day"]), probe_reading.period)
            except ValueError:  # 31 April
                return None
    return read(language, span)


def _placed(runs, probes, reading: date) -> dict | None:
    """Return the reading's fields with each real number where its stand-in landed, or None if unsure."""
    found = {"year": reading.year, "month": reading.month, "day": reading.day}
    fields = dict(found)
    for run, probe in zip(runs, probes):
        names = [name for name, value in found.items()
                 if value == int(probe) or (name == "year" and len(probe) == 2 and value % 100 == int(probe))]
        if len(names) != 1:
            return None
        number = int(run.group())
        if names[0] == "year" and len(probe) == 2:  # a two-digit year: 69-99 in the 1900s, as dateparser (POSIX %y)
            number += 1900 if number >= 69 else 2000
        fields[names[0]] = number
    return fields


def shifted(anchor: date, period: str, shift: int) -> tuple[str, date]:
    """Return the TIMEX3 value of the period `shift` periods from anchor, and a day inside it."""
    if period == "day":
        day = anchor + timedelta(days=shift)
        return day.isoformat(), day
    if period == "week":
        day = anchor + timedelta(weeks=shift)
        return iso_week(day), day
    if period == "month":
        year, month = month_add(anchor.year, anchor.month, shift)
        return f"{year:04d}-{month:02d}", date(year, month, 1)
    return f"{anchor.year + shift:04d}", date(anchor.year + shift, 1, 1)


def value_of(day: date, period: str) -> str:
    """Return the TIMEX3 value of the period of `period` containing day."""
    return shifted(day, period, 0)[0]
