"""Resolvers of expressions counted from another date: the last date told, or the anchor when none was."""
from __future__ import annotations

from datetime import date, timedelta

from service.extraction.calendar_picks import weekday_near
from service.extraction.resolve_periods import duration
from service.extraction.resolution import (FINENESS, GRANULARITY, UNRESOLVED, Context, Resolved, calendar_day,
                                          is_year_bc, number_of, shift_period, shift_year_bc)
from service.extraction.timex import interval
from service.extraction.vocabulary import lookup


def anaphoric_weekday(groups: dict, ctx: Context) -> Resolved | None:
    """Resolve 'the previous Friday' / 'the following Monday' from the last day told, else the anchor."""
    step = -1 if groups["shift"].lower() in ("previous", "preceding", "prior") else 1
    base, from_reference = ctx.anchor, False
    if ctx.reference and ctx.reference[1] == "day":
        base, from_reference = date.fromisoformat(ctx.reference[0][:10]), True
    if base is None:
        return Resolved(None, "day", UNRESOLVED)
    found = weekday_near(base, int(lookup("WEEKDAY", groups["weekday"])), step, None)
    return Resolved(found.isoformat(), "day", 0.75, from_reference=from_reference)


def ago(groups: dict, ctx: Context) -> Resolved | None:
    """Resolve 'three years ago' / 'two days later' by calendar arithmetic on the anchor."""
    unit = lookup("UNIT", groups["unit"])
    direction = " ".join(groups["direction"].lower().split())
    sign = -1 if direction in ("ago", "earlier", "before") else 1
    amount = number_of(groups)
    if amount is None:
        return Resolved("PAST_REF" if sign < 0 else "FUTURE_REF", None, 0.6)
    if unit == "Y" and amount == int(amount) and _current_reference(ctx) and ctx.reference[1] == "quarter":
        # Earnings news compares a quarter with the same quarter "a year ago".
        return _shift_years(ctx.reference, sign * int(amount))
    return counted(unit, amount, sign, direction in ("earlier", "later", "before", "after"), ctx)


def counted(unit: str, amount: float, sign: int, from_told: bool, ctx: Context) -> Resolved | None:
    """Resolve an offset of amount units (D, W, M, Y, H, MIN) in direction sign: from the last date told when
    from_told and one can be counted from ("two days later", "deux jours plus tard"), else from the anchor."""
    base = ctx.anchor
    if (from_told and unit == "Y" and ctx.reference and is_year_bc(ctx.reference[0])
            and amount == int(amount)):
        # "In 480 BC ... two years later": counted in years BC
        value = shift_year_bc(ctx.reference[0], sign * int(amount))
        return Resolved(value, "year", 0.7, from_reference=True) if value else None
    if from_told and _counts_from_reference(ctx, unit):
        base = interval(ctx.reference[0])[0]  # narrative: counted from the last date told
        shifted = shift_period(base, unit, sign * int(amount)) if amount == int(amount) else None
        if shifted:
            return Resolved(shifted[0], shifted[1], 0.7, from_reference=True)
    if base is None:
        return Resolved(None, GRANULARITY.get(unit), UNRESOLVED)
    if unit in ("H", "MIN"):
        return Resolved(base.isoformat(), "day", 0.6)
    if amount != int(amount):
        return Resolved(None, GRANULARITY.get(unit), UNRESOLVED)
    shifted = shift_period(base, unit, sign * int(amount))
    return Resolved(shifted[0], shifted[1], 0.85) if shifted else None


# The granularity of each unit: "two years later" can count from a day, month or year told, "two days
# later" only from a day.
_UNIT_FINENESS = {"D": "day", "W": "week", "M": "month", "Q": "quarter", "Y": "year", "E": "decade", "C": "century"}


def _counts_from_reference(ctx: Context, unit: str) -> bool:
    """Tell whether an offset in unit can count from the last date told.

    A day told anchors any offset ("two days later"); a coarser date only in a narrative passage ("In 1941
    ... Two years later"), and only offsets at least as coarse as itself.
    """
    if not ctx.reference or unit not in _UNIT_FINENESS or not interval(ctx.reference[0]):
        return False
    if ctx.reference[1] == "day":
        return True
    return ctx.narrative() is not None and _at_least_as_fine(ctx.reference[1], unit)


def _at_least_as_fine(granularity: str, unit: str) -> bool:
    """Tell whether a date told at granularity can be counted from in unit ("the following year" from a
    month, not "that day" from a year)."""
    return (granularity in FINENESS and unit in _UNIT_FINENESS
            and FINENESS.index(granularity) <= FINENESS.index(_UNIT_FINENESS[unit]))


def anaphoric_season(groups: dict, ctx: Context) -> Resolved | None:
    """Resolve 'the following spring' / 'that summer' from the last date told, else the anchor."""
    code = lookup("SEASON", groups["season"])
    step = next((value for word, value in _SHIFT_STEP.items() if word in groups["shift"].lower().split()), 0)
    told = interval(ctx.reference[0]) if ctx.reference else None
    base, from_reference = (told, True) if told else ((ctx.anchor, ctx.anchor) if ctx.anchor else None, False)
    if base is None:
        return Resolved(None, "season", UNRESOLVED)
    seasons = [(year, *span) for year in range(base[0].year - 2, base[1].year + 2)
               if (span := interval(f"{year:04d}-{code}"))]
    if step > 0:
        year = min((year for year, start, _ in seasons if start > base[1]), default=None)
    elif step < 0:
        year = max((year for year, _, end in seasons if end < base[0]), default=None)
    elif from_reference and told[1] > told[0] + timedelta(days=92):
        year = base[0].year  # "that winter" after a year told: the winter that year opens
    else:
        year = base[0].year if code != "WI" or base[0].month >= 3 else base[0].year - 1
    if year is None or not interval(f"{year:04d}-{code}"):
        return None
    return Resolved(f"{year:04d}-{code}", "season", 0.7, from_reference=from_reference)


def future_offset(groups: dict, ctx: Context) -> Resolved | None:
    """Resolve 'in two weeks' after a future verb to the date it names; otherwise it is a duration."""
    amount = number_of(groups)
    if ctx.tense == "future" and ctx.anchor and amount == int(amount):
        if found := ahead(lookup("UNIT", groups["unit"]), int(amount), ctx):
            return found
    return duration(groups, ctx)


def ahead(unit: str, amount: int, ctx: Context) -> Resolved | None:
    """Return the period amount units after the anchor ("in two weeks": that week), None off the calendar."""
    shifted = shift_period(ctx.anchor, unit, amount)
    return Resolved(shifted[0], shifted[1], 0.8, type="DATE") if shifted else None


def same_period(groups: dict, ctx: Context) -> Resolved | None:
    """Resolve 'the same month a year ago' / 'the same period last year': the date compared with, a year back."""
    if ctx.reference and interval(ctx.reference[0]) and ctx.reference[1] in ("day", "week", "month", "quarter", "half"):
        return _shift_years(ctx.reference, -1)
    if ctx.anchor is None:
        return Resolved(None, "year", UNRESOLVED)
    return Resolved(f"{ctx.anchor.year - 1:04d}", "year", 0.6)


def _current_reference(ctx: Context) -> bool:
    """Tell whether the last date told lies in the anchor's year ("a year earlier" compares with it)."""
    return bool(ctx.reference and ctx.anchor and ctx.reference[0][:4] == f"{ctx.anchor.year:04d}")


def _shift_years(reference: tuple[str, str], years: int) -> Resolved | None:
    """Return the reference value moved by a number of years, same granularity."""
    value = f"{int(reference[0][:4]) + years:04d}{reference[0][4:]}"
    return Resolved(value, reference[1], 0.7, from_reference=True) if interval(value) else None


_SHIFT_STEP = {"previous": -1, "prior": -1, "preceding": -1, "before": -1,
               "following": 1, "next": 1, "after": 1}


def shift_reference(groups: dict, ctx: Context) -> Resolved | None:
    """Resolve 'a year earlier', 'the previous day', 'that year' from the last date told."""
    shift = " ".join(groups["shift"].lower().split())
    if "year" in shift or "unit" not in groups and "day" not in shift:
        if _current_reference(ctx):
            return _shift_years(ctx.reference, -1)
        return Resolved(f"{ctx.anchor.year - 1:04d}", "year", 0.6) if ctx.anchor else Resolved(None, "year", UNRESOLVED)
    if shift == "the day" and ctx.told_at("day") and not (ctx.reference and ctx.reference[1] in ("day", "time")):
        # "ending the day up 3%" after months were told: the trading day the report tells of
        return Resolved(ctx.told_at("day"), "day", 0.6)
    unit = lookup("UNIT", groups.get("unit", "day"))
    step = next((value for word, value in _SHIFT_STEP.items() if word in shift.split()), 0)
    return step_from_told(unit, step, ctx)


def step_from_told(unit: str, step: int, ctx: Context) -> Resolved | None:
    """Resolve the period step units from the last date told ("the next day", "le lendemain", "that day"
    with step 0) when it is at least as fine as the unit; else from the anchor, as a guess."""
    if unit == "Y" and ctx.reference and is_year_bc(ctx.reference[0]):
        # "In 480 BC ... the following year": BC0479
        value = shift_year_bc(ctx.reference[0], step)
        return Resolved(value, "year", 0.7, from_reference=True) if value else None
    if ctx.reference and interval(ctx.reference[0]) and _at_least_as_fine(ctx.reference[1], unit):
        base = interval(ctx.reference[0])[0]
        shifted = shift_period(base, unit, step)
        return Resolved(shifted[0], shifted[1], 0.7, from_reference=True) if shifted else None
    if ctx.anchor is None:
        return Resolved(None, GRANULARITY[unit], UNRESOLVED)
    shifted = shift_period(ctx.anchor, unit, step)
    return Resolved(shifted[0], shifted[1], 0.5) if shifted else None


def told_period(groups: dict, ctx: Context) -> Resolved | None:
    """Resolve 'the month' to the month told last, though a day may have been told since; else no date."""
    granularity = GRANULARITY[lookup("UNIT", groups["unit"])]
    if not (told := ctx.told_at(granularity)):
        return None
    return Resolved(told, granularity, 0.7, from_reference=bool(ctx.reference and ctx.reference[0] == told))


def year_period(groups: dict, ctx: Context) -> Resolved | None:
    """Resolve 'the 1988 period': that year's quarter when quarters are being compared, else the year."""
    if ctx.reference and ctx.reference[1] == "quarter":
        return Resolved(f"{groups['year']}{ctx.reference[0][4:]}", "quarter", 0.7, from_reference=True)
    return Resolved(groups["year"], "year", 0.9)


def of_told_year(groups: dict, ctx: Context) -> Resolved | None:
    """Resolve 'March of the following year', 'the summer of that year' in the year told, else the anchor's."""
    step = next((value for word, value in _SHIFT_STEP.items() if word in groups["shift"].lower().split()), 0)
    told = interval(ctx.reference[0]) if ctx.reference else None
    granularity = "season" if "season" in groups else "day" if "day" in groups or "day2" in groups else "month"
    if told:
        year, confidence, from_reference = told[0].year + step, 0.7, True
    elif ctx.anchor:  # nothing told to hang on: a guess from the anchor
        year, confidence, from_reference = ctx.anchor.year + step, 0.5, False
    else:
        return Resolved(None, granularity, UNRESOLVED)
    if "season" in groups:
        value = f"{year:04d}-{lookup('SEASON', groups['season'])}"
        return Resolved(value, "season", confidence, from_reference) if interval(value) else None
    month = int(lookup("MONTH", groups["month"]))
    if granularity == "day":
        found = calendar_day(year, month, int(groups.get("day") or groups["day2"]))
        return Resolved(found.isoformat(), "day", confidence, from_reference) if found else None
    return Resolved(f"{year:04d}-{month:02d}", "month", confidence, from_reference) if 1 <= year <= 9999 else None
