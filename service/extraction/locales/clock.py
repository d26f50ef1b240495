"""Durations and times of day in other languages: their values, and each time of day joined to its day."""
from __future__ import annotations

from dataclasses import replace
from datetime import date
from functools import cache

import regex

from service.extraction.locales.overrides import phrase_key
from service.extraction.locales.vocabulary import DURATION_UNITS, Vocabulary, locale_info
from service.extraction.mention import Mention


@cache
def _simplifications(language: str) -> tuple:
    """Return dateparser's number words of a language as (compiled word pattern, value) pairs."""
    pairs = []
    for item in locale_info(language).get("simplifications", []) or []:
        for key, value in item.items():
            if str(value).isdigit() and regex.fullmatch(r"[\w()|]+", key):
                pairs.append((regex.compile(key, regex.I), int(value)))
    return tuple(pairs)


def amount(words: Vocabulary, written: str) -> float | None:
    """Return the value of a duration's number: digits ("1,5"), or a number word of the data or overrides."""
    if written[0].isdigit():
        return float(written.replace(",", "."))
    if written.lower() in words.numbers:
        return words.numbers[written.lower()]
    return next((value for pattern, value in _simplifications(words.language) if pattern.fullmatch(written)), None)


def duration_value(words: Vocabulary, groups: dict) -> str | None:
    """Return the TIMEX3 value of a duration ("trois jours" -> P3D, "2 heures" -> PT2H)."""
    number = amount(words, groups["amount"])
    unit = words.unit_of.get(groups["unit"].lower())
    if number is None or unit is None:
        return None
    count = "%d" % number if number == int(number) else ("%g" % number)
    return ("PT" if unit in ("hour", "minute") else "P") + count + DURATION_UNITS[unit]


def clock_of(words: Vocabulary, groups: dict) -> str:
    """Return the time of day of a clock time as HH:MM ("15 h 30" -> 15:30, "3 pm" -> 15:00, "trois heures de
    l'après-midi" -> 15:00, "à midi" -> 12:00)."""
    extra = words.overrides
    if groups.get("clock_named"):
        return extra.clock_named[phrase_key(groups["clock_named"])]
    written = groups["hour"]
    hour = int(written) if written.isdigit() else int(amount(words, written) or 0)
    if groups.get("half", "").lower() in words.pm and hour < 12:
        hour += 12
    part = groups.get("clock_part")
    if part:
        hour = _in_part(hour, {**extra.clock_parts_after, **extra.clock_parts_before}[phrase_key(part)])
    minutes = groups.get("clock_minutes")
    return "%02d:%s" % (hour, "%02d" % extra.clock_minutes[phrase_key(minutes)] if minutes
                        else groups.get("minute") or "00")


def _in_part(hour: int, part: str) -> int:
    """Return the hour on the 24-hour clock an hour told with its part of the day is ("3 de la tarde": 15).

    The afternoon and the evening are after noon; the night is after noon from six ("10 de la noche": 22)
    and after midnight before ("2 de la noche": 2); the morning keeps its hour.
    """
    if part in ("AF", "EV") and hour < 12:
        return hour + 12
    if part == "NI" and 6 <= hour < 12:
        return hour + 12
    return hour


def with_times(words: Vocabulary, text: str, mentions: list[Mention], clocks: list[Mention],
               joins_only: set = frozenset()) -> list[Mention]:
    """Put each time of day on its day: joined with a day right beside it ("6 avril à 15 h"), else on the
    day told next to it in its sentence, else on the anchor day. A part of the day that is one only right
    after a day ("soir" of "hier soir"; id in joins_only) is dropped elsewhere.

    A clock arrives as a TIME mention whose value is only its time ("T15:00"); its anchor says the day
    to fall back on. One pass over the mentions in text order, looking only at a clock's neighbours.
    """
    if not clocks:
        return mentions
    is_clock = {id(clock) for clock in clocks}
    items = sorted([*mentions, *clocks], key=lambda m: m.start)
    result: list[Mention] = []
    told: date | None = None  # the day last told: a day, or a time of day on its day ("вторник утром")
    for index, item in enumerate(items):
        if id(item) not in is_clock:
            result.append(item)
            told = item.start_date if _day(item) or _timed(item) else told
            continue
        before = result[-1] if result and _day(result[-1]) else None
        after = items[index + 1] if index + 1 < len(items) and id(items[index + 1]) not in is_clock else None
        after = after if _day(after) else None
        if before and words.glue.fullmatch(text, before.end, item.start):
            result[-1] = _joined(text, before, item, before.start, item.end)
            told = before.start_date
        elif after and words.glue.fullmatch(text, item.end, after.start):
            items[index + 1] = _joined(text, after, item, item.start, after.end)
        elif id(item) not in joins_only:
            near = next((m for m in (before, after) if m and m.sentence_start == item.sentence_start), None)
            result.append(_on(item, near.start_date if near else _told_day(item, told)))
            told = result[-1].start_date or told
    return result


def _timed(mention: Mention) -> bool:
    """Tell whether a mention is a time of day already on its day ("вторник утром", "anoche")."""
    return mention.type == "TIME" and mention.start_date is not None


def _told_day(clock: Mention, told: date | None) -> date | None:
    """Return the day a time of day told without one falls on: the day last told ("Le 3 avril, le feu a pris.
    Les pompiers sont arrivés à 19 heures": 3 April), else the anchor day; never a day after the anchor day
    in a sentence told in the past."""
    anchor = _anchor_day(clock)
    if told is None or (anchor and told > anchor and clock.tense == "past"):
        return anchor
    return told


def _day(mention: Mention | None) -> bool:
    """Tell whether a mention is a calendar day a time of day can stand on."""
    return (mention is not None and mention.type == "DATE" and mention.granularity == "day"
            and mention.start_date is not None)


def _joined(text: str, day: Mention, clock: Mention, start: int, end: int) -> Mention:
    """Return the day and its time of day as one TIME mention spanning both."""
    return replace(_on(clock, day.start_date), text=text[start:end], start=start, end=end, modifier=day.modifier,
                   confidence=min(day.confidence, clock.confidence), anchor=day.anchor, tense=day.tense)


def _on(clock: Mention, day: date | None) -> Mention:
    """Return a clock mention placed on a day (or left without a value when there is none)."""
    if day is None:
        return replace(clock, value=None)
    return replace(clock, value=day.isoformat() + clock.value, start_date=day, end_date=day)


def _anchor_day(clock: Mention) -> date | None:
    """Return the day a clock mention's anchor gives, if any."""
    return date.fromisoformat(clock.anchor["date"]) if clock.anchor and clock.anchor.get("date") else None
