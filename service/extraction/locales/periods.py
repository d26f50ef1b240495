"""Resolve the periods the periods file teaches the finder: decades, centuries, quarters and halves, the year
told after a modifier ("fin de l'année"), and the vague references (PRESENT_REF, PAST_REF, FUTURE_REF)."""
from __future__ import annotations

from datetime import date

from service.extraction.calendar_picks import pick
from service.extraction.locales.overrides import Overrides, phrase_key
from service.extraction.timex import interval

EXPLICIT, PICKED, REFERENCE, RELATIVE, UNRESOLVED = 0.95, 0.85, 0.9, 0.8, 0.3
_ROMAN = {"I": 1, "V": 5, "X": 10}


def period(extra: Overrides, groups: dict, anchor: date | None, tense: str | None):
    """Return (value, granularity, confidence) of a decade, century, quarter or half (told with its number or
    from the anchor's), the year after a modifier or a vague reference; None when the groups are none of these."""
    if "this_year" in groups:  # "fin de l'année": the year of the anchor
        return (f"{anchor.year:04d}", "year", RELATIVE) if anchor else (None, "year", UNRESOLVED)
    if "reference" in groups:
        return extra.references[phrase_key(groups["reference"])], None, REFERENCE
    if "period_shift" in groups:
        return _shifted(extra.period_shifts[phrase_key(groups["period_shift"])], anchor)
    if "quarter" in groups or "half" in groups:
        return _part_of_year(extra, groups, anchor, tense)
    if "decade" in groups:
        return groups["decade"][:3], "decade", EXPLICIT
    if "decade2" in groups:  # "les années 90": the decade of the 1900s that news means
        return "19" + groups["decade2"][0], "decade", PICKED
    if "decade_name" in groups:
        return "19%d" % extra.decade_names[phrase_key(groups["decade_name"])], "decade", PICKED
    number = None
    if "century" in groups:
        number = int(groups["century"])
    elif "century_name" in groups:
        number = extra.century_names[phrase_key(groups["century_name"])]
    elif "roman" in groups:
        number = _roman(groups["roman"])
    if number is None:
        return None
    return ("%02d" % (number - 1), "century", EXPLICIT) if 1 <= number <= 30 else (None, "century", UNRESOLVED)


def _part_of_year(extra: Overrides, groups: dict, anchor: date | None, tense: str | None):
    """Resolve "au troisième trimestre 2020" (2020-Q3) or, without a year, the one the tense points to."""
    if "ordinal" in groups:
        number = extra.ordinals[phrase_key(groups["ordinal"])]
    elif "roman" in groups:
        number = _roman(groups["roman"])
    else:
        number = int(groups["period_number"])
    letter, most = ("Q", 4) if "quarter" in groups else ("H", 2)
    granularity = "quarter" if letter == "Q" else "half"
    if not 1 <= number <= most:
        return None, granularity, UNRESOLVED
    if "period_year" in groups:
        return "%s-%s%d" % (groups["period_year"], letter, number), granularity, EXPLICIT
    if anchor is None:
        return None, granularity, UNRESOLVED
    readings = [(*interval(value), value) for value in
                ("%04d-%s%d" % (year, letter, number) for year in range(anchor.year - 1, anchor.year + 2))]
    return pick(readings, anchor, tense), granularity, PICKED


def _shifted(shift: str, anchor: date | None):
    """Resolve a period told from the anchor's: a quarter, half, decade or century ("Q-1": the quarter before
    the anchor's, "H0": the anchor's half, "C-1": the century before, "siglo pasado")."""
    letter, steps = shift[0], int(shift[1:])
    granularity = {"Q": "quarter", "H": "half", "D": "decade", "C": "century"}[letter]
    if anchor is None:
        return None, granularity, UNRESOLVED
    if letter == "D":
        return "%03d" % (anchor.year // 10 + steps), granularity, RELATIVE
    if letter == "C":
        return "%02d" % (anchor.year // 100 + steps), granularity, RELATIVE
    per_year = 4 if letter == "Q" else 2
    index = anchor.year * per_year + (anchor.month - 1) * per_year // 12 + steps
    return "%04d-%s%d" % (index // per_year, letter, index % per_year + 1), granularity, RELATIVE


def _roman(numeral: str) -> int:
    """Return the value of a Roman numeral of I to XXXIX."""
    total = 0
    for index, letter in enumerate(numeral):
        value = _ROMAN[letter]
        total += -value if index + 1 < len(numeral) and _ROMAN[numeral[index + 1]] > value else value
    return total
