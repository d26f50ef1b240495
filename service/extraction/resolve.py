"""Resolvers: turn a candidate's matched groups into a TIMEX3 value against the anchor.

Each resolver is small and handles one expression class; resolvers.py maps the resolver names used
in patterns/rules.txt to them (calendar dates here, quarters, halves and periods in resolve_periods.py,
times of day in resolve_times.py, dates counted from another in resolve_anaphora.py, holidays in
named_days.py). A resolver returns a Resolved or None to drop the candidate.
"""
from __future__ import annotations

import re
from datetime import date, timedelta

from service.extraction.calendar_picks import pick, weekday_near
from service.extraction.resolution import (EXPLICIT, FINENESS, GRANULARITY, UNRESOLVED, Context, Resolved,
                                          calendar_day, shift_period, step_of, year_of)
from service.extraction.timex import interval, iso_week, month_add
from service.extraction.vocabulary import lookup

__all__ = ["EXPLICIT", "Context", "Resolved", "absolute"]  # what the pipeline reads from here


def absolute(groups: dict, ctx: Context) -> Resolved | None:
    """Resolve a calendar date written with some of year, month and day."""
    year = year_of(groups["year"]) if "year" in groups else None
    month = int(lookup("MONTH", groups.get("month")) or lookup("AMBIGUOUS_MONTH", groups.get("month"))
                or groups.get("month") or 0)
    day = int(groups["day"]) if "day" in groups else None
    if day == 0:
        return None  # "2021-04-00" names no day; reading it as the month would invent a date
    if month and day and year:
        found = calendar_day(year, month, day)
        return Resolved(found.isoformat(), "day", EXPLICIT) if found else None
    if month and day:
        if day > 31:
            return None
        if ctx.narrative() and (found := calendar_day(_narrative_year(month, ctx), month, day)):
            return Resolved(found.isoformat(), "day", 0.75, from_reference=True)
        if ctx.anchor is None:
            return Resolved(None, "day", UNRESOLVED)
        readings = [(d, d, d) for y in (ctx.anchor.year - 1, ctx.anchor.year, ctx.anchor.year + 1)
                    if (d := calendar_day(y, month, day))]
        weekday = lookup("WEEKDAY", groups.get("weekday"))
        if weekday and any(d.isoweekday() == int(weekday) for d, _, _ in readings):
            readings = [r for r in readings if r[0].isoweekday() == int(weekday)]
        return Resolved(pick(readings, ctx.anchor, ctx.direction).isoformat(), "day", 0.85) if readings else None
    if month and year:
        return Resolved(f"{year:04d}-{month:02d}", "month", EXPLICIT)
    if month:
        if ctx.narrative():
            return Resolved(f"{_narrative_year(month, ctx):04d}-{month:02d}", "month", 0.75, from_reference=True)
        if ctx.anchor is None:
            return Resolved(None, "month", UNRESOLVED)
        # A month whose figures are reported ("will report December sales") is read nearest, as its
        # report may lie ahead while the month is over.
        direction = None if "report" in groups and ctx.direction == "future" else ctx.direction
        return Resolved(_month_near(month, ctx.anchor, direction), "month", 0.8)
    return Resolved(f"{year:04d}", "year", EXPLICIT) if year else None


def _narrative_year(month: int, ctx: Context) -> int:
    """Return the year of a yearless month in a narrative: the story's, or the next when the month told
    last (in that year) comes later in it ("In December 1941 ... In January" -> 1942), as stories move on,
    unless the clause looks back ("In June 1944 ... In May, the Allies had prepared")."""
    year = ctx.narrative()
    told = interval(ctx.reference[0]) if ctx.reference and ctx.reference[1] in ("time", "day", "week", "month") else None
    if told and told[0].year == year < 9999 and month < told[0].month and not ctx.looks_back:
        return year + 1
    return year


def _month_near(month: int, anchor: date, direction: str | None) -> str:
    """Return the YYYY-MM of a month name read nearest the anchor in the tense's direction."""
    readings = []
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        start, end = interval(f"{year:04d}-{month:02d}")
        readings.append((start, end, f"{year:04d}-{month:02d}"))
    return pick(readings, anchor, direction)


# Numeric dates are read day first, as Indian and British news (our seed sources) write them; month
# first only when day first is impossible (4/26/2021) or month first is the reading nearer a
# publication date less than two months away (4/6/2021 published on 7 April).
_NEAR_ANCHOR_DAYS = 62


def numeric(groups: dict, ctx: Context) -> Resolved | None:
    """Resolve 6/4/2021 style dates (day/month/year unless only month/day/year makes sense)."""
    first, second, year_text = re.split(r"[/.]", groups["numeric"])
    year = int(year_text)
    if len(year_text) == 2:  # the century that puts the year nearest the anchor's
        base = ctx.anchor.year if ctx.anchor else 2000
        year = min((century + year for century in (base // 100 * 100 - 100, base // 100 * 100, base // 100 * 100 + 100)),
                   key=lambda y: abs(y - base))
    day_first, month_first = calendar_day(year, int(second), int(first)), calendar_day(year, int(first), int(second))
    if day_first is None or month_first is None or day_first == month_first:
        found = day_first or month_first
        return Resolved(found.isoformat(), "day", 0.9) if found else None
    chosen = day_first
    if ctx.anchor and abs((month_first - ctx.anchor).days) < min(abs((day_first - ctx.anchor).days), _NEAR_ANCHOR_DAYS):
        chosen = month_first
    return Resolved(chosen.isoformat(), "day", 0.6)


def short_year(groups: dict, ctx: Context) -> Resolved | None:
    """Resolve "since '82" to the latest such year by the anchor (1982 in 2008)."""
    latest = ctx.anchor.year if ctx.anchor else 1999
    year = latest // 100 * 100 + int(groups["short"])
    return Resolved(f"{year if year <= latest else year - 100:04d}", "year", 0.85)


def week_of(groups: dict, ctx: Context) -> Resolved | None:
    """Resolve 'the week of 12 April' to the ISO week holding that day."""
    day = absolute(groups, ctx)
    if day is None or day.value is None:
        return day and Resolved(None, "week", day.confidence)
    return Resolved(iso_week(interval(day.value)[0]), "week", day.confidence, day.from_reference)


def decade(groups: dict, ctx: Context) -> Resolved | None:
    """Resolve 'the 1990s' / "the '80s" / 'the nineties' to a decade value (199)."""
    digit = int(groups.get("decade") or lookup("DECADE_WORD", groups["decade_word"]))
    if "hundreds" in groups:  # "the 1800s": the hundred years from 1800, a century
        return Resolved(groups["hundreds"], "century", 0.85)
    if "century" in groups or "century_word" in groups:
        return Resolved(f"{groups.get('century') or lookup('CENTURY_WORD', groups['century_word'])}{digit}", "decade", 0.9)
    latest = ctx.anchor.year if ctx.anchor else 1999
    century = latest // 100 if digit * 10 <= latest % 100 else latest // 100 - 1
    return Resolved(f"{century}{digit}", "decade", 0.8)


def century(groups: dict, ctx: Context) -> Resolved | None:
    """Resolve 'the 20th century', 'the twentieth century' to a century value (19), 'the 5th century BC' to BC04."""
    number = int(groups.get("ordinal_number") or lookup("CENTURY_ORDINAL", groups["ordinal_word"]))
    if "era" in groups:
        return Resolved(f"BC{number - 1:02d}", "century", 0.9) if 1 <= number <= 99 else None
    return Resolved(f"{number - 1:02d}", "century", 0.9) if 1 <= number <= 21 else None


def year_era(groups: dict, ctx: Context) -> Resolved | None:
    """Resolve '55 BC' to BC0055 (TIMEX2's and HeidelTime's form, as ISO 8601 has no year 0) and 'AD 70' to 0070.

    An era group says BC, as does an empty one before a range that ends BC (the 218 of "from 218 to 201 BC").
    """
    year = int(groups["year"])
    bc = "era" in groups or "era2" in groups
    return Resolved(f"BC{year:04d}" if bc else f"{year:04d}", "year", EXPLICIT)


def day_of_month(groups: dict, ctx: Context) -> Resolved | None:
    """Resolve 'on the 6th' / 'the 6th of last month' to a day near the anchor."""
    day = int(groups["day"])
    if not 1 <= day <= 31:
        return None
    if ctx.anchor is None:
        return Resolved(None, "day", UNRESOLVED)
    if "direction" in groups:
        year, month = month_add(ctx.anchor.year, ctx.anchor.month, step_of(groups))
        found = calendar_day(year, month, day)
        return Resolved(found.isoformat(), "day", 0.9) if found else None
    readings = []
    for shift in (-1, 0, 1):
        year, month = month_add(ctx.anchor.year, ctx.anchor.month, shift)
        if found := calendar_day(year, month, day):
            readings.append((found, found, found))
    return Resolved(pick(readings, ctx.anchor, ctx.direction).isoformat(), "day", 0.8)


def weekday(groups: dict, ctx: Context) -> Resolved | None:
    """Resolve 'Tuesday' / 'last Tuesday' to a date by direction word or tense."""
    if ctx.history and ctx.narrative() and "direction" not in groups and ctx.reference and ctx.reference[1] == "day":
        # "On 7 December 1941 Japan attacked. On Monday, Roosevelt spoke": in a history, the story's next such day
        told = date.fromisoformat(ctx.reference[0])
        ahead = (int(lookup("WEEKDAY", groups["weekday"])) - told.isoweekday()) % 7
        if told < date.max - timedelta(days=ahead):
            return Resolved((told + timedelta(days=ahead)).isoformat(), "day", 0.7, from_reference=True)
    if ctx.anchor is None:
        return Resolved(None, "day", UNRESOLVED)
    tense = ctx.tense or "present"  # with no verb to tell, the nearer reading
    found = weekday_near(ctx.anchor, int(lookup("WEEKDAY", groups["weekday"])), step_of(groups), tense)
    return Resolved(found.isoformat(), "day", 0.85)


def relative_day(groups: dict, ctx: Context) -> Resolved | None:
    """Resolve yesterday / today / tomorrow; a 'Today,' opening a present-tense sentence is the present age."""
    if "opening" in groups and ctx.tense == "present":
        return Resolved("PRESENT_REF", None, 0.7)
    if ctx.anchor is None:
        return Resolved(None, "day", UNRESOLVED)
    found = ctx.anchor + timedelta(days=int(lookup("RELATIVE_DAY", groups["relative_day"])))
    return Resolved(found.isoformat(), "day", 0.9)


def relative_unit(groups: dict, ctx: Context) -> Resolved | None:
    """Resolve last/this/next week, month, quarter, year, decade."""
    unit = lookup("UNIT", groups["unit"])
    if (groups.get("direction") == "" and ctx.narrative() and ctx.reference and (told := interval(ctx.reference[0]))
            and FINENESS.index(ctx.reference[1]) <= FINENESS.index(GRANULARITY[unit])):
        # "By the end of the year" in a narrative: the year it is telling
        shifted = shift_period(told[0], unit, 0)
        return Resolved(shifted[0], shifted[1], 0.75, from_reference=True) if shifted else None
    if ctx.anchor is None:
        return Resolved(None, GRANULARITY[unit], UNRESOLVED)
    shifted = shift_period(ctx.anchor, unit, step_of(groups))
    return Resolved(shifted[0], shifted[1], 0.9) if shifted else None


def weekend(groups: dict, ctx: Context) -> Resolved | None:
    """Resolve 'last weekend' / 'the weekend' to a TIMEX3 weekend (2021-W14-WE)."""
    if ctx.anchor is None:
        return Resolved(None, "week", UNRESOLVED)
    step = step_of(groups)
    if "direction" not in groups:
        saturday = weekday_near(ctx.anchor, 6, 0, ctx.tense)
        if ctx.tense != "future" and ctx.anchor.isoweekday() == 7:
            saturday = ctx.anchor - timedelta(days=1)
        return Resolved(iso_week(saturday) + "-WE", "week", 0.7)
    # "last weekend" on a weekday is the one just past; "this weekend" the coming one.
    saturday = ctx.anchor + timedelta(days=6 - ctx.anchor.isoweekday())
    if step < 0:
        saturday -= timedelta(weeks=1)
    elif step > 0 and ctx.anchor.isoweekday() >= 6:
        saturday += timedelta(weeks=1)
    return Resolved(iso_week(saturday) + "-WE", "week", 0.85)


def relative_month(groups: dict, ctx: Context) -> Resolved | None:
    """Resolve 'last December' / 'next May': a month before, in or after the anchor's year."""
    month = int(lookup("MONTH", groups["month"]))
    if ctx.anchor is None:
        return Resolved(None, "month", UNRESOLVED)
    step = step_of(groups)
    year = ctx.anchor.year
    if step < 0:
        year -= month >= ctx.anchor.month
    elif step > 0:
        year += month <= ctx.anchor.month
    return Resolved(f"{year:04d}-{month:02d}", "month", 0.9)


def month_of_relative_year(groups: dict, ctx: Context) -> Resolved | None:
    """Resolve 'January this year' / 'March of last year'."""
    month = int(lookup("MONTH", groups["month"]))
    if ctx.anchor is None:
        return Resolved(None, "month", UNRESOLVED)
    return Resolved(f"{ctx.anchor.year + step_of(groups):04d}-{month:02d}", "month", 0.9)


def season(groups: dict, ctx: Context) -> Resolved | None:
    """Resolve 'summer 2020', 'last winter', 'in the spring' to a season value (2021-SU)."""
    code = lookup("SEASON", groups["season"])
    if "year" in groups:
        return Resolved(f"{year_of(groups['year']):04d}-{code}", "season", 0.9)
    if "direction" not in groups and ctx.narrative():
        # "In the autumn" in a narrative passage: that season of the year it is telling
        return Resolved(f"{ctx.narrative():04d}-{code}", "season", 0.75, from_reference=True)
    if ctx.anchor is None:
        return Resolved(None, "season", UNRESOLVED)
    readings = []
    for year in (ctx.anchor.year - 2, ctx.anchor.year - 1, ctx.anchor.year, ctx.anchor.year + 1):
        start, end = interval(f"{year:04d}-{code}")
        readings.append((start, end, year))
    if "direction" in groups and (step := step_of(groups)):
        # last/next: the nearest season of that name wholly before / after the anchor.
        if step < 0:
            year = max(r[2] for r in readings if r[1] < ctx.anchor)
        else:
            year = min(r[2] for r in readings if r[0] > ctx.anchor)
    elif "direction" in groups:
        year = ctx.anchor.year if code != "WI" or ctx.anchor.month >= 3 else ctx.anchor.year - 1
    else:
        year = pick(readings, ctx.anchor, ctx.direction)
    return Resolved(f"{year:04d}-{code}", "season", 0.8)


def year_end(groups: dict, ctx: Context) -> Resolved | None:
    """Resolve 'year-end' / 'the end of the year' to the anchor's year, or a narrative's (mod END is set by the finder)."""
    if ctx.narrative():
        return Resolved(f"{ctx.narrative():04d}", "year", 0.75, from_reference=True)
    if ctx.anchor is None:
        return Resolved(None, "year", UNRESOLVED)
    return Resolved(f"{ctx.anchor.year:04d}", "year", 0.8)


def spelled_year(groups: dict, ctx: Context) -> Resolved | None:
    """Resolve 'nineteen ninety-six' / 'the year two thousand' to a year."""
    century = int(lookup("CENTURY_WORD", groups.get("century_word")) or 20)
    rest = 0 if "century_word" not in groups else int(lookup("YEAR_TENS", groups["tens"]))
    rest += int(lookup("YEAR_UNITS", groups["units"]) or lookup("NUMBER", groups["units"])) if "units" in groups else 0
    return Resolved(f"{century * 100 + rest:04d}", "year", 0.9)
