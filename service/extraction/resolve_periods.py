"""Resolvers of quarters, halves, durations and frequencies (see resolve.py)."""
from __future__ import annotations

from datetime import date

from service.extraction.calendar_picks import pick
from service.extraction.resolution import (EXPLICIT, UNRESOLVED, Context, Resolved, calendar_day, number_of, shift_period,
                                          step_of)
from service.extraction.timex import interval
from service.extraction.vocabulary import lookup


def quarter(groups: dict, ctx: Context) -> Resolved | None:
    """Resolve 'the third quarter (of 2020)', 'Q3 2020', 'third-quarter' to 2020-Q3."""
    number = int(lookup("ORDINAL", groups.get("ordinal")) or groups.get("ordinal_number") or groups.get("ordinal_number2"))
    year = groups.get("year") or groups.get("year2")
    if year:
        return Resolved(f"{year}-Q{number}", "quarter", EXPLICIT)
    if ctx.anchor is None:
        return Resolved(None, "quarter", UNRESOLVED)
    if "direction" in groups:
        return Resolved(f"{ctx.anchor.year + step_of(groups):04d}-Q{number}", "quarter", 0.9)
    if "yearago" in groups:
        return Resolved(f"{ctx.anchor.year - 1:04d}-Q{number}", "quarter", 0.8)
    # Quarters are reported once under way or over: read this year's, unless it has not begun yet.
    year = ctx.anchor.year
    if "report" in groups and ctx.tense == "future":
        # "expects fourth-quarter earnings" early in January: results still to come are most often
        # those of the quarter just over or under way, so the nearer reading, not the next one.
        readings = [(*interval(f"{y:04d}-Q{number}"), y) for y in (year - 1, year, year + 1)]
        return Resolved(f"{pick(readings, ctx.anchor, None):04d}-Q{number}", "quarter", 0.8)
    if interval(f"{year:04d}-Q{number}")[0] > ctx.anchor and ctx.tense != "future":
        year -= 1
    return Resolved(f"{year:04d}-Q{number}", "quarter", 0.8)


def week_number(groups: dict, ctx: Context) -> Resolved | None:
    """Resolve 'week 15 of 2021' to the ISO week 2021-W15; None for a week the year does not have."""
    year, week = int(groups["year"]), int(groups["week"])
    # An ISO year has 53 weeks when 28 December, always in its last week, falls in week 53.
    if week > date(year, 12, 28).isocalendar()[1]:
        return None
    return Resolved(f"{year:04d}-W{week:02d}", "week", EXPLICIT)


def latest_quarter(groups: dict, ctx: Context) -> Resolved | None:
    """Resolve 'the latest quarter' / 'the quarter': the quarter just reported or last named."""
    if ctx.anchor is None:
        return Resolved(None, "quarter", UNRESOLVED)
    text = " ".join(groups.get("which", "").lower().split())
    if "month" in groups:  # "the quarter, which ends March 31": the quarter holding the nearest such day
        month, day = int(lookup("MONTH", groups["month"])), int(groups["day"])
        readings = [(d, d, d) for y in (ctx.anchor.year - 1, ctx.anchor.year, ctx.anchor.year + 1)
                    if (d := calendar_day(y, month, day))]
        if readings:
            closing = pick(readings, ctx.anchor, None)
            return Resolved(f"{closing.year:04d}-Q{(closing.month - 1) // 3 + 1}", "quarter", 0.8)
    if "current" in text:
        return Resolved(shift_period(ctx.anchor, "Q", 0)[0], "quarter", 0.85)
    if ctx.reference and ctx.reference[1] == "quarter" and "latest" not in text and "recent" not in text:
        return Resolved(ctx.reference[0], "quarter", 0.7, from_reference=True)
    previous = shift_period(ctx.anchor, "Q", -1)
    return Resolved(previous[0], "quarter", 0.7) if previous else None


def half(groups: dict, ctx: Context) -> Resolved | None:
    """Resolve 'the first half of 2021' to 2021-H1, and a forecast's 'the second half' to this year's."""
    number = lookup("HALF", groups["half"])
    if "year" in groups:
        return Resolved(f"{groups['year']}-H{number}", "half", EXPLICIT)
    if ctx.anchor is None:
        return Resolved(None, "half", UNRESOLVED)
    if "bare" in groups:
        # "expects growth in the second half": only a forecast says which year, the half not yet over
        if ctx.tense != "future":
            return None
        year = ctx.anchor.year + (1 if number == "1" and ctx.anchor.month > 6 else 0)
        return Resolved(f"{year:04d}-H{number}", "half", 0.7)
    year = ctx.anchor.year + step_of(groups)
    if "direction" not in groups and ctx.reference and ctx.reference[1] == "year" and ctx.reference[0].isdigit():
        year = int(ctx.reference[0])
    return Resolved(f"{year:04d}-H{number}", "half", 0.8)


def duration(groups: dict, ctx: Context) -> Resolved | None:
    """Resolve 'nearly a year', 'two-day', 'the past 24 hours' to a TIMEX3 period (P1Y)."""
    unit = lookup("UNIT", groups["unit"])
    amount = None if "vague" in groups else number_of(groups)
    if amount is not None and amount == int(amount):
        amount = int(amount)
    count = "X" if amount is None else amount
    if unit in ("H", "MIN"):
        return Resolved(f"PT{count}{'H' if unit == 'H' else 'M'}", None, 0.9, type="DURATION")
    if unit in ("E", "C") and count != "X":
        return Resolved(f"P{count * (10 if unit == 'E' else 100)}Y", None, 0.9, type="DURATION")
    return Resolved(f"P{count}{'Y' if unit in ('E', 'C') else unit}", None, 0.9, type="DURATION")


def frequency(groups: dict, ctx: Context) -> Resolved | None:
    """Resolve 'every week', 'annually', 'twice a year' to a TIMEX3 set period."""
    if "frequency" in groups:
        return Resolved(lookup("FREQUENCY", groups["frequency"]), None, 0.9)
    return Resolved(f"P1{lookup('UNIT', groups['unit'])}", None, 0.9)
