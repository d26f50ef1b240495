"""Load the named word lists of patterns/vocabulary.txt and turn them into regex alternations."""
from __future__ import annotations

import re
from functools import cache
from pathlib import Path

PATTERNS = Path(__file__).parent / "patterns"


def read_data(name: str) -> list[list[str]]:
    """Return the lines of a pattern data file without comments and blank lines."""
    rows = []
    for line in (PATTERNS / name).read_text(encoding="utf-8").splitlines():
        line = line.split(" #", 1)[0].strip()
        if line and not line.startswith("#"):
            rows.append(line)
    return rows


def phrase_pattern(phrase: str) -> str:
    """Return the regex for one listed phrase: capitals required, '.' optional, spaces flexible."""
    optional_dot = phrase.endswith(".")
    body = re.escape(phrase.rstrip(".")).replace(r"\ ", " ").replace(" ", r"\s+")
    if phrase[:1].isupper():
        # The capital is what tells "May" the month from "may" the verb; headlines may shout.
        body = "(?-i:%s|%s)" % (body, re.escape(phrase.rstrip(".").upper()).replace(r"\ ", r"\s+"))
    return body + (r"\.?" if optional_dot else "")


def phrases_pattern(phrases: list[str]) -> str:
    """Return an alternation of phrases, longest first so the longest reading wins."""
    return "(?:%s)" % "|".join(phrase_pattern(p) for p in sorted(set(phrases), key=len, reverse=True))


def normal(text: str) -> str:
    """Return the lookup key of a matched phrase (lower case, single spaces, no trailing dot)."""
    return " ".join(text.lower().rstrip(".").split())


@cache
def vocabulary() -> dict[str, dict[str, str]]:
    """Return {list name: {phrase key: value}} from vocabulary.txt."""
    lists: dict[str, dict[str, str]] = {}
    for line in read_data("vocabulary.txt"):
        name, value, words = line.split(None, 2)
        for word in words.split("|"):
            lists.setdefault(name, {})[normal(word.strip())] = value
    return lists


@cache
def _phrases(name: str) -> list[str]:
    """Return the phrases of list name as written in the file (capitals kept)."""
    phrases = []
    for line in read_data("vocabulary.txt"):
        list_name, _, words = line.split(None, 2)
        if list_name == name:
            phrases.extend(word.strip() for word in words.split("|"))
    return phrases


def pattern(name: str) -> str:
    """Return the regex alternation matching any phrase of list name."""
    if name not in vocabulary():
        raise KeyError(f"unknown vocabulary list {name!r}")
    return phrases_pattern(_phrases(name))


def lookup(name: str, text: str | None) -> str | None:
    """Return the value of text in list name, or None."""
    return vocabulary()[name].get(normal(text)) if text else None
