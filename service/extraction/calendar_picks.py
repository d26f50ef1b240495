"""Choose which calendar reading of an underspecified date the anchor and tense point to."""
from __future__ import annotations

from datetime import date, timedelta



def pick(readings: list[tuple[date, date, object]], anchor: date, direction: str | None) -> object:
    """Return the payload of the reading (start, end, payload) the tense points to from anchor.

    direction past: the latest reading that has begun by the anchor; future: the earliest not yet
    over. Otherwise (present, or a tense not sure enough to be given as direction) the reading
    nearest the anchor, the past one on a tie, as news mostly reports.
    """
    if direction == "past":
        begun = [r for r in readings if r[0] <= anchor]
        if begun:
            return max(begun, key=lambda r: r[0])[2]
    if direction == "future":
        ahead = [r for r in readings if r[1] >= anchor]
        if ahead:
            return min(ahead, key=lambda r: r[0])[2]
    return min(readings, key=lambda r: (_distance(r, anchor), r[0] > anchor))[2]


def _distance(reading: tuple[date, date, object], anchor: date) -> int:
    """Return the days between anchor and a reading's interval (0 inside it)."""
    start, end, _ = reading
    if start <= anchor <= end:
        return 0
    return (start - anchor).days if start > anchor else (anchor - end).days


def weekday_near(anchor: date, weekday: int, step: int, tense: str | None) -> date:
    """Return the date of an ISO weekday (1-7) near anchor: step -1 last, +1 next, 0 by tense."""
    back = (anchor.isoweekday() - weekday) % 7
    ahead = (weekday - anchor.isoweekday()) % 7
    if step < 0:
        return anchor - timedelta(days=back or 7)
    if step > 0:
        return anchor + timedelta(days=ahead or 7)
    if tense == "future":
        # "The summit opens Friday", "will land on Monday" said on that very day: today, as wire news
        # dates the day it is written; a week ahead takes "next".
        return anchor + timedelta(days=ahead)
    if tense == "present" and ahead < back:
        # "The vote is on Friday" said on a Wednesday: the present reads the nearer one, ahead or past.
        return anchor + timedelta(days=ahead)
    # The past reads the latest such day, the anchor day included (dateparser #508).
    return anchor - timedelta(days=back)
