"""Read a language's override file: what dateparser's locale data gets wrong by design."""
from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

OVERRIDES = Path(__file__).parent / "overrides"


@dataclass(frozen=True)
class Overrides:
    """Hold one language's corrections (see overrides/README.toml for each key)."""

    numbers: dict = field(default_factory=dict)
    rewrite: dict = field(default_factory=dict)
    ordinal: str = ""
    needs_number: frozenset = frozenset()
    not_after: dict = field(default_factory=dict)
    case_sensitive: frozenset = frozenset()
    either_way: frozenset = frozenset()
    year_before: tuple = ()
    year_after: tuple = ()
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


@cache
def overrides(language: str) -> Overrides:
    """Return the overrides of a language; a language without a file has none."""
    path = OVERRIDES / f"{language}.toml"
    if not path.is_file():
        return Overrides()
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return Overrides(
        numbers={k.lower(): int(v) for k, v in data.get("numbers", {}).items()},
        rewrite={k.lower(): v for k, v in data.get("rewrite", {}).items()},
        ordinal=data.get("ordinal", ""),
        needs_number=frozenset(w.lower() for w in data.get("needs_number", [])),
        not_after={k.lower(): tuple(w.lower() for w in v) for k, v in data.get("not_after", {}).items()},
        case_sensitive=frozenset(data.get("case_sensitive", [])),
        either_way=frozenset(w.lower() for w in data.get("either_way", [])),
        year_before=tuple(data.get("year_before", [])),
        year_after=tuple(data.get("year_after", [])),
        words={k.lower(): v.lower() for k, v in data.get("words", {}).items()},
        phrases=tuple(" ".join(p.lower().split()) for p in data.get("phrases", [])),
        day_before=tuple(data.get("day_before", [])),
        seasons={" ".join(k.lower().split()): v for k, v in data.get("seasons", {}).items()},
        day_after=tuple(data.get("day_after", [])),
        modifiers={" ".join(k.lower().split()): v for k, v in data.get("modifiers", {}).items()},
        modifiers_after={" ".join(k.lower().split()): v for k, v in data.get("modifiers_after", {}).items()},
        clock_before=tuple(data.get("clock_before", [])),
        clock_after=tuple(data.get("clock_after", [])),
        not_duration_after=tuple(data.get("not_duration_after", [])),
        parts_of_day={" ".join(k.lower().split()): v for k, v in data.get("parts_of_day", {}).items()},
        parts_after_day={" ".join(k.lower().split()): v for k, v in data.get("parts_after_day", {}).items()},
    )
