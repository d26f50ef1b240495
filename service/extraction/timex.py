"""TIMEX3 values: build them from calendar units and turn them into calendar intervals."""
from __future__ import annotations

import re
from calendar import monthrange
from datetime import date, timedelta

# Every value the extractor may emit; tests check outputs against it.
VALUE = re.compile(
    r"""^(?:
        \d{4}(?:-\d{2}(?:-\d{2}(?:T(?:\d{2}:\d{2}Z?|MO|AF|EV|NI))?)?)?   # year, month, day, time (Z: UTC)
      | \d{4}-W\d{2}(?:-WE)?                                           # ISO week, weekend
      | \d{4}-(?:Q[1-4]|H[12]|SP|SU|FA|WI)                             # quarter, half, season
      | \d{2,3}                                                        # century, decade
      | BC\d{2}(?:\d{2})?                                               # century, year BC
      | PRESENT_REF|PAST_REF|FUTURE_REF
      | P(?:\d+(?:\.\d+)?|X)[YMWDQ]|P(?:\d+|X)E|PT(?:\d+(?:\.\d+)?|X)[HMS]|P\d+C   # durations, sets
    )$""",
    re.X,
)
_SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14)}


def is_value(value: str) -> bool:
    """Tell whether value is a TIMEX3 value this extractor can produce."""
    return bool(VALUE.match(value))


def month_add(year: int, month: int, months: int) -> tuple[int, int]:
    """Return (year, month) shifted by a number of months."""
    index = year * 12 + month - 1 + months
    return index // 12, index % 12 + 1


def iso_week(day: date) -> str:
    """Return the TIMEX3 week value (2021-W14) containing day."""
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}"


def quarter_of(day: date) -> tuple[int, int]:
    """Return (year, quarter) containing day."""
    return day.year, (day.month - 1) // 3 + 1


def interval(value: str | None) -> tuple[date, date] | None:
    """Return the inclusive calendar interval a DATE/TIME value covers, or None."""
    if not value or not value[:1].isdigit() or not VALUE.match(value) or value.startswith("P"):
        return None
    try:
        return _interval(value)
    except ValueError:  # out-of-range year such as 0000 or 9999 + 1
        return None


def _interval(value: str) -> tuple[date, date] | None:
    """Compute the interval of a validated calendar value."""
    if len(value) == 2:
        start = int(value) * 100
        return date(max(start, 1), 1, 1), date(start + 99, 12, 31)
    if len(value) == 3:
        start = int(value) * 10
        return date(max(start, 1), 1, 1), date(start + 9, 12, 31)
    year = int(value[:4])
    rest = value[5:]
    if not rest:
        return date(year, 1, 1), date(year, 12, 31)
    if rest in _SEASON_MONTHS:
        first, last = _SEASON_MONTHS[rest]
        end_year, end_month = month_add(year, 1, last - 1)
        return date(year, first, 1), _month_end(end_year, end_month)
    if rest[0] == "W":
        monday = date.fromisocalendar(year, int(rest[1:3]), 1)
        if rest.endswith("-WE"):
            return monday + timedelta(days=5), monday + timedelta(days=6)
        return monday, monday + timedelta(days=6)
    if rest[0] == "Q":
        first = (int(rest[1]) - 1) * 3 + 1
        return date(year, first, 1), _month_end(year, first + 2)
    if rest[0] == "H":
        first = 1 if rest[1] == "1" else 7
        return date(year, first, 1), _month_end(year, first + 5)
    month = int(rest[:2])
    if len(rest) == 2:
        return date(year, month, 1), _month_end(year, month)
    day = date(year, month, int(rest[3:5]))
    return day, day


def _month_end(year: int, month: int) -> date:
    """Return the last day of a month."""
    return date(year, month, monthrange(year, month)[1])
