"""Read a candidate span with dateparser's DateDataParser and express the reading against any anchor."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import cache, lru_cache

from service.extraction.timex import iso_week, month_add

# dateparser reads each distinct span once, against this fixed base: a Wednesday noon in a leap
# year. A relative reading is kept as its shift from the base in its own period (-1 week), so one
# reading serves every publication date, and the expensive parser runs once per distinct span.
BASE = datetime(2012, 6, 13, 12)
PERIODS = ("day", "week", "month", "year")


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


@cache
def _parser(language: str):
    """Return the DateDataParser of one language (its construction loads the locale)."""
    from dateparser.date import DateDataParser  # the import is slow; English never needs it

    return DateDataParser(languages=[language], settings={"RELATIVE_BASE": BASE, "PREFER_DAY_OF_MONTH": "first"})


@lru_cache(maxsize=65536)
def read(language: str, span: str) -> Reading | None:
    """Return dateparser's reading of span in language, or None when it reads no calendar date."""
    data = _parser(language).get_date_data(span)
    if data is None or data.date_obj is None or data.period not in PERIODS:
        return None
    return Reading(data.date_obj.date(), data.period)


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
