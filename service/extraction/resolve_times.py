"""Resolvers of times of day and of now / recently / soon / the coming months (see resolve.py)."""
from __future__ import annotations

from datetime import timedelta

from service.extraction.calendar_picks import weekday_near
from service.extraction.resolution import UNRESOLVED, Context, Resolved
from service.extraction.timex import interval
from service.extraction.vocabulary import lookup


def reference(groups: dict, ctx: Context) -> Resolved | None:
    """Resolve now / recently / soon to PRESENT_REF, PAST_REF, FUTURE_REF."""
    text = groups["reference"]
    return Resolved(lookup("REFERENCE", text) or lookup("MODAL_REFERENCE", text), None, 0.9)


def vague_period(groups: dict, ctx: Context) -> Resolved | None:
    """Resolve 'recent years' / 'coming months' to PAST_REF or FUTURE_REF."""
    first = groups["period"].lower().split()[0]
    if first == "the":
        first = groups["period"].lower().split()[1]
    return Resolved("FUTURE_REF" if first in ("coming", "future", "next") else "PAST_REF", None, 0.8)


def clock(groups: dict, ctx: Context) -> Resolved | None:
    """Resolve '10:30 a.m.', 'noon' to a time on the anchor day (a following date may move it)."""
    if "clock" in groups:
        hhmm = lookup("CLOCK_WORD", groups["clock"])
    else:
        hour, minute = int(groups["hour"]), int(groups.get("minute", 0))
        part = (groups.get("part") or groups.get("part2", "")).lower()
        ampm = groups.get("ampm", "").lower().replace(".", "") or _PART_HALF.get(part, "")
        if ampm == "night":  # "at 11 in the night" is p.m., "at 2 in the night" a.m.
            ampm = "pm" if hour >= 6 else "am"
        if ampm and not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if ampm == "pm" else 0) if ampm else hour
        # Universal time is written as such (Z); local zones are kept as told, as TimeML does.
        hhmm = f"{hour:02d}:{minute:02d}" + ("Z" if groups.get("zone") in ("UTC", "GMT") else "")
    if ctx.told_in_sentence and ctx.reference[1] in ("day", "time"):
        # "made its first flight Tuesday in Everett at 18:00 UTC": the time of the day just told.
        return Resolved(f"{ctx.reference[0][:10]}T{hhmm}", "time", 0.7, from_reference=True)
    if ctx.anchor is None:
        return Resolved(None, "time", UNRESOLVED)
    return Resolved(f"{ctx.anchor.isoformat()}T{hhmm}", "time", 0.8)


_PART_HALF = {"morning": "am", "afternoon": "pm", "evening": "pm", "night": "night"}


def day_part(groups: dict, ctx: Context) -> Resolved | None:
    """Resolve 'this morning', 'last night', 'Thursday evening', 'tonight' to 2021-04-06TEV style."""
    if "tonight" in groups:
        code, offset = "NI", 0
    else:
        code = lookup("DAY_PART", groups["part"])
        word = (groups.get("relative_day") or groups.get("this") or "").lower()
        offset = {"yesterday": -1, "tomorrow": 1, "last": -1}.get(word, 0)
    if "told" in groups and ctx.reference and ctx.reference[1] == "day":
        # "in the morning" after a day told is that day's morning
        return Resolved(f"{ctx.reference[0][:10]}T{code}", "time", 0.6, from_reference=True)
    if "session" in groups and ctx.told_at("day"):
        # "rose in morning trading": the trading day the report tells of, though months were told since
        return Resolved(f"{ctx.told_at('day')}T{code}", "time", 0.6)
    if ctx.anchor is None:
        return Resolved(None, "time", UNRESOLVED)
    day = ctx.anchor + timedelta(days=offset)
    if "weekday" in groups:
        # with no verb to tell, the nearer reading, as for the weekday alone
        day = weekday_near(ctx.anchor, int(lookup("WEEKDAY", groups["weekday"])), 0, ctx.tense or "present")
    return Resolved(f"{day.isoformat()}T{code}", "time", 0.8 if (offset or "weekday" in groups or groups.get("this")) else 0.6)


# How many days from the day told each word of an anaphoric part of the day moves.
_PART_SHIFT = {"previous": -1, "following": 1, "next": 1}


def anaphoric_day_part(groups: dict, ctx: Context) -> Resolved | None:
    """Resolve 'the next morning', 'that evening' on the day last told (or the day after), else on the anchor."""
    code = lookup("DAY_PART", groups["part"])
    step = next((value for word, value in _PART_SHIFT.items() if word in groups["shift"].lower().split()), 0)
    if ctx.reference and ctx.reference[1] in ("day", "time") and (told := interval(ctx.reference[0])):
        return Resolved(f"{(told[0] + timedelta(days=step)).isoformat()}T{code}", "time", 0.7, from_reference=True)
    if ctx.anchor is None:
        return Resolved(None, "time", UNRESOLVED)
    # No day told to hang on: a guess from the anchor, which does not become the date last told.
    return Resolved(f"{(ctx.anchor + timedelta(days=step)).isoformat()}T{code}", "time", 0.5)
