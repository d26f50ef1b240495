"""Read a language's override file: what dateparser's locale data gets wrong by design."""
from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

OVERRIDES = Path(__file__).parent / "overrides"
# Periods, hours in words and vague references (see periods/README.md): a second file per language, read
# into the same record, so that each class of words keeps its own file.
PERIODS = Path(__file__).parent / "periods"


@dataclass(frozen=True)
class Overrides:
    """Hold one language's corrections (see overrides/README.toml for each key)."""

    numbers: dict = field(default_factory=dict)
    rewrite: dict = field(default_factory=dict)
    ordinal: str = ""
    needs_number: frozenset = frozenset()
    not_after: dict = field(default_factory=dict)
    not_before: dict = field(default_factory=dict)
    case_sensitive: frozenset = frozenset()
    either_way: frozenset = frozenset()
    year_before: tuple = ()
    year_after: tuple = ()
    year_range_join: tuple = ()
    year_range_before: tuple = ()
    bare_years: bool = False
    count_words: tuple = ()
    counts_capitalised: bool = False
    words: dict = field(default_factory=dict)
    phrases: tuple = ()
    day_before: tuple = ()
    seasons: dict = field(default_factory=dict)
    day_after: tuple = ()
    modifiers: dict = field(default_factory=dict)
    modifiers_after: dict = field(default_factory=dict)
    clock_before: tuple = ()
    clock_after: tuple = ()
    not_duration_after: tuple = ()
    parts_of_day: dict = field(default_factory=dict)
    parts_after_day: dict = field(default_factory=dict)
    # The periods file (periods/<language>.toml)
    modifier_glue: tuple = ()
    year_after_modifier: tuple = ()
    decade_before: tuple = ()
    decade_after: tuple = ()
    decade_names: dict = field(default_factory=dict)
    decade_names_after: tuple = ()
    century_before: tuple = ()
    century_after: tuple = ()
    century_ordinal: str = ""
    century_names: dict = field(default_factory=dict)
    ordinals: dict = field(default_factory=dict)
    quarters: tuple = ()
    halves: tuple = ()
    period_year_glue: tuple = ()
    year_period_glue: tuple = ()
    period_shifts: dict = field(default_factory=dict)
    clock_bare_before: tuple = ()
    clock_named: dict = field(default_factory=dict)
    clock_named_before: tuple = ()
    clock_minutes: dict = field(default_factory=dict)
    clock_not_after: tuple = ()
    clock_parts_after: dict = field(default_factory=dict)
    clock_parts_before: dict = field(default_factory=dict)
    references: dict = field(default_factory=dict)
    weekends: dict = field(default_factory=dict)
    holidays: dict = field(default_factory=dict)
    holiday_country: str = ""
    holiday_first_names: frozenset = frozenset()


@cache
def overrides(language: str) -> Overrides:
    """Return the overrides of a language; a language without a file has none."""
    data: dict = {}
    for path in (OVERRIDES / f"{language}.toml", PERIODS / f"{language}.toml"):
        if path.is_file():
            data = _merged(data, tomllib.loads(path.read_text(encoding="utf-8")))
    if not data:
        return Overrides()
    return Overrides(
        numbers={k.lower(): int(v) for k, v in data.get("numbers", {}).items()},
        rewrite={k.lower(): v for k, v in data.get("rewrite", {}).items()},
        ordinal=data.get("ordinal", ""),
        needs_number=frozenset(w.lower() for w in data.get("needs_number", [])),
        not_after={phrase_key(k): tuple(w.lower() for w in v) for k, v in data.get("not_after", {}).items()},
        not_before={phrase_key(k): tuple(w.lower() for w in v) for k, v in data.get("not_before", {}).items()},
        case_sensitive=frozenset(data.get("case_sensitive", [])),
        either_way=frozenset(phrase_key(w) for w in data.get("either_way", [])),
        year_before=tuple(data.get("year_before", [])),
        year_after=tuple(data.get("year_after", [])),
        year_range_join=tuple(data.get("year_range_join", [])),
        year_range_before=tuple(data.get("year_range_before", [])),
        bare_years=bool(data.get("bare_years", False)),
        count_words=tuple(data.get("count_words", [])),
        counts_capitalised=bool(data.get("counts_capitalised", False)),
        words={k.lower(): v.lower() for k, v in data.get("words", {}).items()},
        phrases=tuple(" ".join(p.lower().split()) for p in data.get("phrases", [])),
        day_before=tuple(data.get("day_before", [])),
        seasons=_keyed(data, "seasons"),
        day_after=tuple(data.get("day_after", [])),
        modifiers=_keyed(data, "modifiers"),
        modifiers_after=_keyed(data, "modifiers_after"),
        clock_before=tuple(data.get("clock_before", [])),
        clock_after=tuple(data.get("clock_after", [])),
        not_duration_after=tuple(data.get("not_duration_after", [])),
        parts_of_day=_keyed(data, "parts_of_day"),
        parts_after_day=_keyed(data, "parts_after_day"),
        modifier_glue=tuple(data.get("modifier_glue", [])),
        year_after_modifier=tuple(data.get("year_after_modifier", [])),
        decade_before=tuple(data.get("decade_before", [])),
        decade_after=tuple(data.get("decade_after", [])),
        decade_names=_keyed(data, "decade_names"),
        decade_names_after=tuple(data.get("decade_names_after", [])),
        century_before=tuple(data.get("century_before", [])),
        century_after=tuple(data.get("century_after", [])),
        century_ordinal=data.get("century_ordinal", ""),
        century_names=_keyed(data, "century_names"),
        ordinals=_keyed(data, "ordinals"),
        quarters=tuple(data.get("quarters", [])),
        halves=tuple(data.get("halves", [])),
        period_year_glue=tuple(data.get("period_year_glue", [])),
        year_period_glue=tuple(data.get("year_period_glue", [])),
        period_shifts=_keyed(data, "period_shifts"),
        clock_bare_before=tuple(data.get("clock_bare_before", [])),
        clock_named=_keyed(data, "clock_named"),
        clock_named_before=tuple(data.get("clock_named_before", [])),
        clock_minutes=_keyed(data, "clock_minutes"),
        clock_not_after=tuple(data.get("clock_not_after", [])),
        clock_parts_after=_keyed(data, "clock_parts_after"),
        clock_parts_before=_keyed(data, "clock_parts_before"),
        references=_keyed(data, "references"),
        weekends=_keyed(data, "weekends"),
        holidays=_keyed(data, "holidays"),
        holiday_country=data.get("holiday_country", ""),
        holiday_first_names=frozenset(phrase_key(w) for w in data.get("holiday_first_names", [])),
    )


def _keyed(data: dict, name: str) -> dict:
    """Return a table of the file keyed by phrase_key, as every lookup of a matched phrase keys it: the finder
    matches a straight apostrophe and a typographic one alike ("l'été", "l’été")."""
    return {phrase_key(k): v for k, v in data.get(name, {}).items()}


def phrase_key(text: str) -> str:
    """Return a phrase as the data files' tables are keyed: lower case, single-spaced, straight apostrophe."""
    return " ".join(text.lower().replace("’", "'").split())


def _merged(data: dict, more: dict) -> dict:
    """Return two files' keys together: tables are joined, lists added up, any other value replaced."""
    result = dict(data)
    for key, value in more.items():
        if isinstance(value, dict) and isinstance(result.get(key), dict):
            result[key] = {**result[key], **value}
        elif isinstance(value, list) and isinstance(result.get(key), list):
            result[key] = [*result[key], *value]
        else:
            result[key] = value
    return result
