"""Narrow a date's interval by its TIMEX3 modifier: "the end of 2021" is its last four months, not all of 2021."""
from __future__ import annotations

from calendar import monthrange
from datetime import date, timedelta

# The part of the period each modifier keeps, in thirds: START the first, MID the middle, END the last.
THIRDS = {"START": 0, "MID": 1, "END": 2}
# Periods counted in whole years ("the late 1990s": 1997-1999) or months (a third of a year is four months);
# shorter ones are counted in days.
YEAR_GRANULARITIES = frozenset({"decade", "century"})
MONTH_GRANULARITIES = frozenset({"year", "half", "quarter", "season"})


def _months(start: date, end: date) -> int:
    """Return how many whole calendar months start..end spans."""
    return (end.year - start.year) * 12 + end.month - start.month + 1


def _add_months(day: date, months: int) -> date:
    """Return the first day of the month months after day's month."""
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def _thirds(count: int, third: int) -> tuple[int, int]:
    """Return the first unit and the number of units of the third-th third of count units."""
    edge = max(1, round(count / 3))
    if third == 0:
        return 0, edge
    if third == 2:
        return count - edge, edge
    return edge, max(1, count - 2 * edge)


def narrowed(start: date, end: date, granularity: str | None, modifier: str | None) -> tuple[date, date]:
    """Return the interval a modified date stands for, used to filter and sort; other dates are unchanged."""
    third = THIRDS.get(modifier or "")
    if third is None or start >= end:
        return start, end
    whole_months = start.day == 1 and end.day == monthrange(end.year, end.month)[1]
    if granularity in YEAR_GRANULARITIES | MONTH_GRANULARITIES and whole_months and _months(start, end) >= 3:
        unit = 12 if granularity in YEAR_GRANULARITIES and _months(start, end) % 12 == 0 else 1
        first, count = _thirds(_months(start, end) // unit, third)
        begin = _add_months(start, first * unit)
        last_month = _add_months(begin, count * unit - 1)  # not the month after: 9999's end has none
        last = last_month.replace(day=monthrange(last_month.year, last_month.month)[1])
        return begin, min(last, end)
    first, count = _thirds((end - start).days + 1, third)
    begin = start + timedelta(days=first)
    return begin, min(begin + timedelta(days=count - 1), end)
