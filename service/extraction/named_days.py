"""Holidays and named days: which day "Christmas Eve", "Easter" or "Independence Day" is in a given year.

Movable feasts and national days come from the holidays library (python-holidays); patterns/holidays.tsv
maps each name of the HOLIDAY vocabulary to a fixed day or to a holiday of one or more countries' calendars.
"""
from __future__ import annotations

import re
import warnings
from datetime import date, timedelta
from functools import cache

from service.extraction.calendar_picks import pick
from service.extraction.resolution import EXPLICIT, UNRESOLVED, Context, Resolved, calendar_day, step_of, year_of
from service.extraction.timex import iso_week
from service.extraction.vocabulary import lookup, read_data


@cache
def _sources() -> dict[str, tuple[tuple[str, str], ...]]:
    """Return {holiday id: ((country or "", name or MM-DD), ...)} from holidays.tsv, default first."""
    sources = {}
    for line in read_data("holidays.tsv"):
        key, source = line.split("\t", 1)
        sources[key] = tuple(("", part) if ":" not in part else tuple(part.split(":", 1))
                             for part in (p.strip() for p in source.split(",")))
    return sources


_OFFSET = re.compile(r"(?P<key>[a-z_]+)(?P<days>[+-]\d+)")  # a day counted from another listed holiday

_ESTIMATED = " (estimated)"  # how python-holidays marks a lunar date it computed rather than took from an authority


@cache
def _calendar(country: str, year: int) -> dict[str, date]:
    """Return {holiday name: first day} of a country's (or "US-DC" subdivision's) calendar for a year, in English."""
    import holidays  # loaded on the first named day: most texts name none

    code, _, subdivision = country.partition("-")
    with warnings.catch_warnings():
        # Lunar calendars are computed for a range of years only; outside it the holiday is simply absent.
        warnings.simplefilter("ignore")
        calendar = holidays.country_holidays(code, subdiv=subdivision or None, years=year, language="en_US")
        listed = sorted(calendar.items())
    days: dict[str, date] = {}
    for day, names in listed:
        for name in names.split("; "):  # two holidays on one day are listed together
            days.setdefault(name.removesuffix(_ESTIMATED), day)
    return days


def day_of(key: str, year: int, country) -> date | None:
    """Return the day of holiday `key` in year, from the first hinted country whose calendar lists one."""
    if not 1 <= year <= 9999:
        return None
    sources = _sources()[key]
    if len(sources) > 1:  # only a name several countries share reads the hint, which may cost a scan
        codes = country_codes(country)
        hinted = [s for code in codes for s in sources if s[0] == code]
        # The hinted country's calendar first, then the listed ones: a calendar that does not reach the
        # year (lunar feasts are computed for a range of years) leaves the day to the next that does.
        sources = (*hinted, *(s for s in sources if s not in hinted))
    for where, what in sources:
        if not where and (offset := _OFFSET.fullmatch(what)):  # "thanksgiving+1": Black Friday
            found = day_of(offset["key"], year, country)
            return found + timedelta(days=int(offset["days"])) if found else None
        if not where:
            month, day = what.split("-")
            return calendar_day(year, int(month), int(day))
        if found := _calendar(where, year).get(what):
            return found
    return None


def country_codes(country) -> tuple[str, ...]:
    """Return the ISO codes a country hint names, most likely first: a code, a sequence, or a callable giving either."""
    if callable(country):
        country = country()
    if not country:
        return ()
    return tuple(code.upper() for code in ((country,) if isinstance(country, str) else country))


def holiday(groups: dict, ctx: Context) -> Resolved | None:
    """Resolve 'Christmas Eve', 'Easter 2021', 'last Thanksgiving', 'Easter week/weekend' to a day (or its week/weekend)."""
    return named_day(lookup("HOLIDAY", groups["holiday"]), groups, ctx)


def named_day(key: str, groups: dict, ctx: Context) -> Resolved | None:
    """Resolve a holiday by its id in holidays.tsv (other languages name it in their own words: "Noël", "Ostern"),
    with the groups of holiday() besides the name."""
    found, confidence, from_reference = _day(key, groups, ctx)
    if found is None:  # no anchor, or a year the calendar does not reach: found, but not placed
        return Resolved(None, "week" if "week" in groups or "weekend" in groups else "day", UNRESOLVED)
    if "week" in groups:
        return Resolved(iso_week(found), "week", confidence, from_reference)
    if "weekend" in groups:  # a Monday or Tuesday holiday ends its weekend; a later day opens it
        saturday = found + timedelta(days=6 - found.isoweekday() - (7 if found.isoweekday() <= 2 else 0))
        return Resolved(iso_week(saturday) + "-WE", "week", confidence, from_reference)
    if "around" in groups:  # "the day after Christmas"
        found += timedelta(days=1 if groups["around"].lower() == "after" else -1)
    return Resolved(found.isoformat(), "day", confidence, from_reference)


def _day(key: str, groups: dict, ctx: Context) -> tuple[date | None, float, bool]:
    """Return the holiday's day, how sure the reading is and whether it came from the last date told."""
    if "year" in groups:
        return day_of(key, year_of(groups["year"]), ctx.country), EXPLICIT, False
    if ctx.narrative() and "direction" not in groups:
        return day_of(key, ctx.narrative(), ctx.country), 0.75, True
    if ctx.anchor is None:
        return None, UNRESOLVED, False
    readings = [(d, d, d) for year in range(ctx.anchor.year - 1, ctx.anchor.year + 2)
                if (d := day_of(key, year, ctx.country))]
    if not readings:
        return None, UNRESOLVED, False
    step = step_of(groups) if "direction" in groups else None
    if step:  # last / next: the one wholly before / after the anchor day
        side = [r for r in readings if (r[0] < ctx.anchor if step < 0 else r[0] > ctx.anchor)]
        return (max(side)[0] if step < 0 else min(side)[0]) if side else None, 0.85, False
    if step == 0:  # "this Christmas": this year's
        return next((r[0] for r in readings if r[0].year == ctx.anchor.year), None), 0.85, False
    return pick(readings, ctx.anchor, ctx.direction), 0.8, False
