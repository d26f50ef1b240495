"""Say a stored event date the way a reader would ("week 15, 2021", "Q3 2020", "end of 2021")."""
import re

HALVES = {"1": "first half of", "2": "second half of"}
SEASONS = {"SP": "spring", "SU": "summer", "FA": "autumn", "WI": "winter"}
# TIMEX3 mods the extractor emits (patterns/modifiers.txt), as words put before the date.
MODIFIERS = {"START": "start of", "MID": "mid-", "END": "end of", "APPROX": "around", "EARLY": "early", "LATE": "late"}
PERIOD = re.compile(r"^(\d{4})-(W(\d{2})|Q([1-4])|H([12])|(SP|SU|FA|WI))$")


def period_words(value: str | None, granularity: str, start, end) -> str:
    """Return the date without any modifier: 6 April 2021, April 2021, week 15, 2021, summer 2021, the 1990s."""
    match = PERIOD.match(value or "")
    if match:
        year, _, week, quarter, half, season = match.groups()
        if week:
            return f"week {int(week)}, {year}"
        if quarter:
            return f"Q{quarter} {year}"
        if half:
            return f"{HALVES[half]} {year}"
        # Winter runs from December into the next year.
        return f"winter {year}/{str(int(year) + 1)[-2:]}" if season == "WI" else f"{SEASONS[season]} {year}"
    if granularity == "decade":
        return f"the {start.year // 10 * 10}s"
    if granularity == "century":
        return f"the {start.year // 100 * 100}s"
    if granularity == "year":
        return str(start.year)
    if granularity == "month":
        return f"{start:%B} {start.year}"
    if granularity == "time" and value and "T" in value:
        return f"{start.day} {start:%B} {start.year}, {value.split('T', 1)[1][:5]}"
    if start != end:
        return f"{start.day} {start:%B} {start.year} – {end.day} {end:%B} {end.year}"
    return f"{start.day} {start:%B} {start.year}"


def display_date(date: dict) -> str:
    """Return a reader's words for an event's date dict (value, start, end, granularity, modifier)."""
    words = period_words(date["value"], date["granularity"], date["start"], date["end"])
    modifier = MODIFIERS.get(date["modifier"] or "")
    if not modifier:
        return words
    return f"{modifier}{words}" if modifier.endswith("-") else f"{modifier} {words}"
