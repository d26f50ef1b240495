"""Resolvers: turn a candidate's matched groups into a TIMEX3 value against the anchor.

Each resolver is small and handles one expression class; `RESOLVERS` maps the resolver names used
in patterns/rules.txt to them. A resolver returns a Resolved or None to drop the candidate.
"""
from __future__ import annotations

import logging
import re
from calendar import monthrange
from dataclasses import dataclass
from datetime import date, timedelta

from service.extraction.calendar_picks import pick, weekday_near
from service.extraction.timex import interval, iso_week, month_add, quarter_of
from service.extraction.vocabulary import lookup

log = logging.getLogger(__name__)

@dataclass(frozen=True, slots=True)
class Context:
    """Hold what a resolver may use: the anchor day, the tense, the last calendar date mentioned."""

    anchor: date | None
    tense: str | None
    reference: tuple[str, str] | None  # (value, granularity) of the last resolved calendar date
    direction: str | None = None  # the tense a reading must agree with, set only when the date's own verb is sure


@dataclass(frozen=True, slots=True)
class Resolved:
    """Hold a resolved value, its granularity and how sure the resolver is."""

    value: str | None
    granularity: str | None
    confidence: float
    from_reference: bool = False  # counted from the last date told, so it must not become the reference


_GRANULARITY = {"D": "day", "W": "week", "M": "month", "Q": "quarter", "Y": "year", "E": "decade",
                "C": "century", "H": "time", "MIN": "time"}
_UNRESOLVED = 0.3  # an expression we found but cannot place without an anchor
EXPLICIT = 0.95  # a value written out in full: it does not depend on the anchor


def _step(groups: dict) -> int:
    """Return the direction of the 'direction' group (-1, 0, +1); absent means this one."""
    return int(lookup("DIRECTION", groups.get("direction")) or 0)


def _day(year: int, month: int, day: int) -> date | None:
    """Return the date or None when it does not exist (31 April)."""
    if 1 <= month <= 12 and 1 <= day <= monthrange(year, month)[1]:
        return date(year, month, day)
    return None


def absolute(groups: dict, ctx: Context) -> Resolved | None:
    """Resolve a calendar date written with some of year, month and day."""
    year = _year(groups["year"]) if "year" in groups else None
    month = int(lookup("MONTH", groups.get("month")) or lookup("AMBIGUOUS_MONTH", groups.get("month"))
                or groups.get("month") or 0)
    day = int(groups["day"]) if "day" in groups else None
    if day == 0:
        return None  # "2021-04-00" names no day; reading it as the month would invent a date
    if month and day and year:
        found = _day(year, month, day)
        return Resolved(found.isoformat(), "day", EXPLICIT) if found else None
    if month and day:
        if day > 31:
            return None
        if ctx.anchor is None:
            return Resolved(None, "day", _UNRESOLVED)
        readings = [(d, d, d) for y in (ctx.anchor.year - 1, ctx.anchor.year, ctx.anchor.year + 1)
                    if (d := _day(y, month, day))]
        weekday = lookup("WEEKDAY", groups.get("weekday"))
        if weekday and any(d.isoweekday() == int(weekday) for d, _, _ in readings):
            readings = [r for r in readings if r[0].isoweekday() == int(weekday)]
        return Resolved(pick(readings, ctx.anchor, ctx.direction).isoformat(), "day", 0.85) if readings else None
    if month and year:
        return Resolved(f"{year:04d}-{month:02d}", "month", EXPLICIT)
    if month:
        if ctx.anchor is None:
            return Resolved(None, "month", _UNRESOLVED)
        return Resolved(_month_near(month, ctx), "month", 0.8)
    return Resolved(f"{year:04d}", "year", EXPLICIT) if year else None


def _year(text: str) -> int:
    """Return a year written in digits or spelled out ('nineteen ninety-seven')."""
    if text.isdigit():
        return int(text)
    words = re.split(r"[\s-]+", text.lower())
    units = int(lookup("YEAR_UNITS", words[2])) if len(words) > 2 else 0
    return int(lookup("CENTURY_WORD", words[0])) * 100 + int(lookup("YEAR_TENS", words[1])) + units


def _month_near(month: int, ctx: Context) -> str:
    """Return the YYYY-MM of a month name read nearest the anchor in the tense's direction."""
    readings = []
    for year in (ctx.anchor.year - 1, ctx.anchor.year, ctx.anchor.year + 1):
        start, end = interval(f"{year:04d}-{month:02d}")
        readings.append((start, end, f"{year:04d}-{month:02d}"))
    return pick(readings, ctx.anchor, ctx.direction)


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
    day_first, month_first = _day(year, int(second), int(first)), _day(year, int(first), int(second))
    if day_first is None or month_first is None or day_first == month_first:
        found = day_first or month_first
        return Resolved(found.isoformat(), "day", 0.9) if found else None
    chosen = day_first
    if ctx.anchor and abs((month_first - ctx.anchor).days) < min(abs((day_first - ctx.anchor).days), _NEAR_ANCHOR_DAYS):
        chosen = month_first
    return Resolved(chosen.isoformat(), "day", 0.6)


def decade(groups: dict, ctx: Context) -> Resolved | None:
    """Resolve 'the 1990s' / "the '80s" / 'the nineties' to a decade value (199)."""
    digit = int(groups.get("decade") or lookup("DECADE_WORD", groups["decade_word"]))
    if "century" in groups or "century_word" in groups:
        return Resolved(f"{groups.get('century') or lookup('CENTURY_WORD', groups['century_word'])}{digit}", "decade", 0.9)
    latest = ctx.anchor.year if ctx.anchor else 1999
    century = latest // 100 if digit * 10 <= latest % 100 else latest // 100 - 1
    return Resolved(f"{century}{digit}", "decade", 0.8)


def century(groups: dict, ctx: Context) -> Resolved | None:
    """Resolve 'the 20th century' to a century value (19)."""
    number = int(groups["ordinal_number"])
    return Resolved(f"{number - 1:02d}", "century", 0.9) if 1 <= number <= 21 else None


def day_of_month(groups: dict, ctx: Context) -> Resolved | None:
    """Resolve 'on the 6th' / 'the 6th of last month' to a day near the anchor."""
    day = int(groups["day"])
    if not 1 <= day <= 31:
        return None
    if ctx.anchor is None:
        return Resolved(None, "day", _UNRESOLVED)
    if "direction" in groups:
        year, month = month_add(ctx.anchor.year, ctx.anchor.month, _step(groups))
        found = _day(year, month, day)
        return Resolved(found.isoformat(), "day", 0.9) if found else None
    readings = []
    for shift in (-1, 0, 1):
        year, month = month_add(ctx.anchor.year, ctx.anchor.month, shift)
        if found := _day(year, month, day):
            readings.append((found, found, found))
    return Resolved(pick(readings, ctx.anchor, ctx.direction).isoformat(), "day", 0.8)


def weekday(groups: dict, ctx: Context) -> Resolved | None:
    """Resolve 'Tuesday' / 'last Tuesday' to a date by direction word or tense."""
    if ctx.anchor is None:
        return Resolved(None, "day", _UNRESOLVED)
    found = weekday_near(ctx.anchor, int(lookup("WEEKDAY", groups["weekday"])), _step(groups), ctx.tense)
    return Resolved(found.isoformat(), "day", 0.85)


def anaphoric_weekday(groups: dict, ctx: Context) -> Resolved | None:
    """Resolve 'the previous Friday' / 'the following Monday' from the last day told, else the anchor."""
    step = -1 if groups["shift"].lower() in ("previous", "preceding", "prior") else 1
    base, from_reference = ctx.anchor, False
    if ctx.reference and ctx.reference[1] == "day":
        base, from_reference = date.fromisoformat(ctx.reference[0][:10]), True
    if base is None:
        return Resolved(None, "day", _UNRESOLVED)
    found = weekday_near(base, int(lookup("WEEKDAY", groups["weekday"])), step, None)
    return Resolved(found.isoformat(), "day", 0.75, from_reference=from_reference)


def relative_day(groups: dict, ctx: Context) -> Resolved | None:
    """Resolve yesterday / today / tomorrow."""
    if ctx.anchor is None:
        return Resolved(None, "day", _UNRESOLVED)
    found = ctx.anchor + timedelta(days=int(lookup("RELATIVE_DAY", groups["relative_day"])))
    return Resolved(found.isoformat(), "day", 0.9)


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


def relative_unit(groups: dict, ctx: Context) -> Resolved | None:
    """Resolve last/this/next week, month, quarter, year, decade."""
    unit = lookup("UNIT", groups["unit"])
    if ctx.anchor is None:
        return Resolved(None, _GRANULARITY[unit], _UNRESOLVED)
    shifted = shift_period(ctx.anchor, unit, _step(groups))
    return Resolved(shifted[0], shifted[1], 0.9) if shifted else None


def weekend(groups: dict, ctx: Context) -> Resolved | None:
    """Resolve 'last weekend' / 'the weekend' to a TIMEX3 weekend (2021-W14-WE)."""
    if ctx.anchor is None:
        return Resolved(None, "week", _UNRESOLVED)
    step = _step(groups)
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
        return Resolved(None, "month", _UNRESOLVED)
    step = _step(groups)
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
        return Resolved(None, "month", _UNRESOLVED)
    return Resolved(f"{ctx.anchor.year + _step(groups):04d}-{month:02d}", "month", 0.9)


def season(groups: dict, ctx: Context) -> Resolved | None:
    """Resolve 'summer 2020', 'last winter', 'in the spring' to a season value (2021-SU)."""
    code = lookup("SEASON", groups["season"])
    if "year" in groups:
        return Resolved(f"{_year(groups['year']):04d}-{code}", "season", 0.9)
    if ctx.anchor is None:
        return Resolved(None, "season", _UNRESOLVED)
    readings = []
    for year in (ctx.anchor.year - 2, ctx.anchor.year - 1, ctx.anchor.year, ctx.anchor.year + 1):
        start, end = interval(f"{year:04d}-{code}")
        readings.append((start, end, year))
    if "direction" in groups and (step := _step(groups)):
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


def _number(groups: dict) -> float | None:
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


def ago(groups: dict, ctx: Context) -> Resolved | None:
    """Resolve 'three years ago' / 'two days later' by calendar arithmetic on the anchor."""
    unit = lookup("UNIT", groups["unit"])
    direction = " ".join(groups["direction"].lower().split())
    sign = -1 if direction in ("ago", "earlier", "before") else 1
    amount = _number(groups)
    if amount is None:
        return Resolved("PAST_REF" if sign < 0 else "FUTURE_REF", None, 0.6)
    if unit == "Y" and amount == int(amount) and _current_reference(ctx) and ctx.reference[1] == "quarter":
        # Earnings news compares a quarter with the same quarter "a year ago".
        return _shift_years(ctx.reference, sign * int(amount))
    base = ctx.anchor
    if direction in ("earlier", "later", "before", "after") and ctx.reference and ctx.reference[1] == "day":
        base = date.fromisoformat(ctx.reference[0][:10])  # narrative: counted from the last date told
        shifted = shift_period(base, unit, sign * int(amount)) if amount == int(amount) and unit not in ("H", "MIN") else None
        if shifted:
            return Resolved(shifted[0], shifted[1], 0.7, from_reference=True)
    if base is None:
        return Resolved(None, _GRANULARITY.get(unit), _UNRESOLVED)
    if unit in ("H", "MIN"):
        return Resolved(base.isoformat(), "day", 0.6)
    if amount != int(amount):
        return Resolved(None, _GRANULARITY.get(unit), _UNRESOLVED)
    shifted = shift_period(base, unit, sign * int(amount))
    return Resolved(shifted[0], shifted[1], 0.85) if shifted else None


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
        return Resolved(f"{ctx.anchor.year - 1:04d}", "year", 0.6) if ctx.anchor else Resolved(None, "year", _UNRESOLVED)
    unit = lookup("UNIT", groups.get("unit", "day"))
    step = next((value for word, value in _SHIFT_STEP.items() if word in shift.split()), 0)
    if ctx.reference and ctx.reference[0][:4].isdigit():
        base = interval(ctx.reference[0])[0]
        shifted = shift_period(base, unit, step)
        return Resolved(shifted[0], shifted[1], 0.7, from_reference=True) if shifted else None
    if ctx.anchor is None:
        return Resolved(None, _GRANULARITY[unit], _UNRESOLVED)
    shifted = shift_period(ctx.anchor, unit, step)
    return Resolved(shifted[0], shifted[1], 0.5) if shifted else None


def year_period(groups: dict, ctx: Context) -> Resolved | None:
    """Resolve 'the 1988 period': that year's quarter when quarters are being compared, else the year."""
    if ctx.reference and ctx.reference[1] == "quarter":
        return Resolved(f"{groups['year']}{ctx.reference[0][4:]}", "quarter", 0.7, from_reference=True)
    return Resolved(groups["year"], "year", 0.9)


def year_end(groups: dict, ctx: Context) -> Resolved | None:
    """Resolve 'year-end' / 'the end of the year' to the anchor's year (mod END is set by the finder)."""
    if ctx.anchor is None:
        return Resolved(None, "year", _UNRESOLVED)
    return Resolved(f"{ctx.anchor.year:04d}", "year", 0.8)


def vague_period(groups: dict, ctx: Context) -> Resolved | None:
    """Resolve 'recent years' / 'coming months' to PAST_REF or FUTURE_REF."""
    first = groups["period"].lower().split()[0]
    if first == "the":
        first = groups["period"].lower().split()[1]
    return Resolved("FUTURE_REF" if first in ("coming", "future", "next") else "PAST_REF", None, 0.8)


def spelled_year(groups: dict, ctx: Context) -> Resolved | None:
    """Resolve 'nineteen ninety-six' / 'the year two thousand' to a year."""
    century = int(lookup("CENTURY_WORD", groups.get("century_word")) or 20)
    rest = 0 if "century_word" not in groups else int(lookup("YEAR_TENS", groups["tens"]))
    rest += int(lookup("YEAR_UNITS", groups["units"]) or lookup("NUMBER", groups["units"])) if "units" in groups else 0
    return Resolved(f"{century * 100 + rest:04d}", "year", 0.9)


def quarter(groups: dict, ctx: Context) -> Resolved | None:
    """Resolve 'the third quarter (of 2020)', 'Q3 2020', 'third-quarter' to 2020-Q3."""
    number = int(lookup("ORDINAL", groups.get("ordinal")) or groups.get("ordinal_number") or groups.get("ordinal_number2"))
    year = groups.get("year") or groups.get("year2")
    if year:
        return Resolved(f"{year}-Q{number}", "quarter", EXPLICIT)
    if ctx.anchor is None:
        return Resolved(None, "quarter", _UNRESOLVED)
    if "direction" in groups:
        return Resolved(f"{ctx.anchor.year + _step(groups):04d}-Q{number}", "quarter", 0.9)
    if "yearago" in groups:
        return Resolved(f"{ctx.anchor.year - 1:04d}-Q{number}", "quarter", 0.8)
    # Quarters are reported once under way or over: read this year's, unless it has not begun yet.
    year = ctx.anchor.year
    if interval(f"{year:04d}-Q{number}")[0] > ctx.anchor and ctx.tense != "future":
        year -= 1
    return Resolved(f"{year:04d}-Q{number}", "quarter", 0.8)


def latest_quarter(groups: dict, ctx: Context) -> Resolved | None:
    """Resolve 'the latest quarter' / 'the quarter': the quarter just reported or last named."""
    if ctx.anchor is None:
        return Resolved(None, "quarter", _UNRESOLVED)
    text = " ".join(groups.get("which", "").lower().split())
    if "current" in text:
        return Resolved(shift_period(ctx.anchor, "Q", 0)[0], "quarter", 0.85)
    if ctx.reference and ctx.reference[1] == "quarter" and "latest" not in text and "recent" not in text:
        return Resolved(ctx.reference[0], "quarter", 0.7, from_reference=True)
    previous = shift_period(ctx.anchor, "Q", -1)
    return Resolved(previous[0], "quarter", 0.7) if previous else None


def half(groups: dict, ctx: Context) -> Resolved | None:
    """Resolve 'the first half of 2021' to 2021-H1."""
    number = lookup("HALF", groups["half"])
    if "year" in groups:
        return Resolved(f"{groups['year']}-H{number}", "half", EXPLICIT)
    if ctx.anchor is None:
        return Resolved(None, "half", _UNRESOLVED)
    year = ctx.anchor.year + _step(groups)
    if "direction" not in groups and ctx.reference and ctx.reference[1] == "year":
        year = int(ctx.reference[0])
    return Resolved(f"{year:04d}-H{number}", "half", 0.8)


def reference(groups: dict, ctx: Context) -> Resolved | None:
    """Resolve now / recently / soon to PRESENT_REF, PAST_REF, FUTURE_REF."""
    text = groups["reference"]
    return Resolved(lookup("REFERENCE", text) or lookup("MODAL_REFERENCE", text), None, 0.9)


def clock(groups: dict, ctx: Context) -> Resolved | None:
    """Resolve '10:30 a.m.', 'noon' to a time on the anchor day (a following date may move it)."""
    if "clock" in groups:
        hhmm = lookup("CLOCK_WORD", groups["clock"])
    else:
        hour, minute = int(groups["hour"]), int(groups.get("minute", 0))
        ampm = groups.get("ampm", "").lower().replace(".", "")
        if ampm and not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if ampm == "pm" else 0) if ampm else hour
        hhmm = f"{hour:02d}:{minute:02d}"
    if ctx.anchor is None:
        return Resolved(None, "time", _UNRESOLVED)
    return Resolved(f"{ctx.anchor.isoformat()}T{hhmm}", "time", 0.8)


def day_part(groups: dict, ctx: Context) -> Resolved | None:
    """Resolve 'this morning', 'last night', 'Thursday evening', 'tonight' to 2021-04-06TEV style."""
    if "tonight" in groups:
        code, offset = "NI", 0
    else:
        code = lookup("DAY_PART", groups["part"])
        word = (groups.get("relative_day") or groups.get("this") or "").lower()
        offset = {"yesterday": -1, "tomorrow": 1, "last": -1}.get(word, 0)
    if ctx.anchor is None:
        return Resolved(None, "time", _UNRESOLVED)
    day = ctx.anchor + timedelta(days=offset)
    if "weekday" in groups:
        day = weekday_near(ctx.anchor, int(lookup("WEEKDAY", groups["weekday"])), 0, ctx.tense)
    return Resolved(f"{day.isoformat()}T{code}", "time", 0.8 if (offset or "weekday" in groups or groups.get("this")) else 0.6)


def duration(groups: dict, ctx: Context) -> Resolved | None:
    """Resolve 'nearly a year', 'two-day', 'the past 24 hours' to a TIMEX3 period (P1Y)."""
    unit = lookup("UNIT", groups["unit"])
    amount = None if "vague" in groups else _number(groups)
    if amount is not None and amount == int(amount):
        amount = int(amount)
    count = "X" if amount is None else amount
    if unit in ("H", "MIN"):
        return Resolved(f"PT{count}{'H' if unit == 'H' else 'M'}", None, 0.9)
    if unit in ("E", "C") and count != "X":
        return Resolved(f"P{count * (10 if unit == 'E' else 100)}Y", None, 0.9)
    return Resolved(f"P{count}{'Y' if unit in ('E', 'C') else unit}", None, 0.9)


def frequency(groups: dict, ctx: Context) -> Resolved | None:
    """Resolve 'every week', 'annually', 'twice a year' to a TIMEX3 set period."""
    if "frequency" in groups:
        return Resolved(lookup("FREQUENCY", groups["frequency"]), None, 0.9)
    return Resolved(f"P1{lookup('UNIT', groups['unit'])}", None, 0.9)


RESOLVERS = {
    "absolute": absolute, "numeric": numeric, "decade": decade, "century": century,
    "day_of_month": day_of_month, "weekday": weekday, "anaphoric_weekday": anaphoric_weekday, "relative_day": relative_day,
    "relative_unit": relative_unit, "weekend": weekend, "relative_month": relative_month,
    "month_of_relative_year": month_of_relative_year, "season": season, "ago": ago,
    "shift_reference": shift_reference, "quarter": quarter, "latest_quarter": latest_quarter,
    "half": half, "reference": reference, "clock": clock, "day_part": day_part,
    "year_period": year_period, "year_end": year_end, "vague_period": vague_period, "spelled_year": spelled_year,
    "duration": duration, "frequency": frequency,
}


def resolve(name: str, groups: dict, ctx: Context) -> Resolved | None:
    """Resolve a candidate's groups with the named resolver; None when they cannot be resolved."""
    try:
        return RESOLVERS[name](groups, ctx)
    except (LookupError, ValueError, TypeError, ArithmeticError):
        # A rule alternative that lacks a group its resolver reads, or a value out of range, must cost
        # one expression, never the article: the rule is at fault, so say which.
        log.warning("resolver %s failed on groups %r", name, groups, exc_info=True)
        return None
