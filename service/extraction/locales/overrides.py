"""Read a language's override file: what dateparser's locale data gets wrong by design."""
from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, fields
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
    return Overrides(**{f.name: _read(f.name, f.type, data[f.name]) for f in fields(Overrides) if f.name in data})


# The keys read otherwise than their field's type says (see _read).
_READERS = {
    "numbers": lambda table: {k.lower(): int(v) for k, v in table.items()},
    "rewrite": lambda table: {k.lower(): v for k, v in table.items()},
    "words": lambda table: {k.lower(): v.lower() for k, v in table.items()},
    "not_after": lambda table: {phrase_key(k): tuple(w.lower() for w in v) for k, v in table.items()},
    "not_before": lambda table: {phrase_key(k): tuple(w.lower() for w in v) for k, v in table.items()},
    "needs_number": lambda words: frozenset(w.lower() for w in words),
    "case_sensitive": frozenset,  # matched as written
    "phrases": lambda phrases: tuple(" ".join(p.lower().split()) for p in phrases),
}


def _read(name: str, kind: str, value):
    """Return a file's value as its field holds it: a table keyed by phrase_key, a set of phrase_keys, a tuple,
    a flag or a string, unless _READERS reads the key otherwise."""
    if name in _READERS:
        return _READERS[name](value)
    if kind == "dict":
        return {phrase_key(k): v for k, v in value.items()}
    if kind == "frozenset":
        return frozenset(phrase_key(w) for w in value)
    if kind == "tuple":
        return tuple(value)
    if kind == "bool":
        return bool(value)
    return value


def phrase_key(text: str) -> str:
    """Return a phrase as the data files' tables are keyed: lower case, single-spaced, straight apostrophe; the
    finder matches a straight apostrophe and a typographic one alike ("l'été", "l’été")."""
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
