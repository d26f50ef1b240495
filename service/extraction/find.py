"""Find candidate temporal expressions with the rules of patterns/rules.txt."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import regex

from service.extraction.vocabulary import lookup, pattern, phrases_pattern, read_data

_REFERENCE = regex.compile(r"\{([A-Z_]+)\}")
# A date may be qualified by a modifier phrase right before it ("the end of", "mid-").
_MOD_GAP = r"(?:\s+|\s*-\s*)"


@dataclass(frozen=True, slots=True)
class Rule:
    """Hold one finding rule: its name, TIMEX3 type, resolver name and compiled pattern."""

    name: str
    type: str
    resolver: str
    pattern: regex.Pattern


@dataclass(frozen=True, slots=True)
class Candidate:
    """Hold one matched expression before resolution."""

    rule: Rule
    start: int
    end: int
    groups: dict
    modifier: str | None = None


@cache
def rules() -> tuple[Rule, ...]:
    """Compile the rules of rules.txt, vocabulary references expanded."""
    compiled = []
    for line in read_data("rules.txt"):
        name, timex_type, resolver, source = line.split(None, 3)
        source = _REFERENCE.sub(lambda m: pattern(m.group(1)), source)
        compiled.append(Rule(name, timex_type, resolver,
                             regex.compile(r"(?<![\w])(?:%s)(?![\w])" % source, regex.I | regex.V0)))
    return tuple(compiled)


@cache
def _modifier_patterns() -> tuple[tuple[str, regex.Pattern], ...]:
    """Compile one 'phrase right before a date' pattern per modifier kind."""
    compiled = []
    for line in read_data("modifiers.txt"):
        mod, phrases = line.split(None, 1)
        words = phrases_pattern([p.strip() for p in phrases.split("|")])
        compiled.append((mod, regex.compile(r"(?<![\w])%s%s$" % (words, _MOD_GAP), regex.I)))
    compiled.append(("QUANTITY", regex.compile(
        r"(?<![\w])%s\s+$" % pattern("QUANTITY_MOD"), regex.I)))
    return tuple(compiled)


def find(text: str) -> list[Candidate]:
    """Return the non-overlapping candidates of text, longest match first, sorted by start."""
    found = []
    for priority, rule in enumerate(rules()):
        for match in rule.pattern.finditer(text):
            groups = {k: v for k, v in match.groupdict().items() if v is not None}
            found.append((-(match.end() - match.start()), priority, match.start(), match.end(), rule, groups))
    found.sort(key=lambda item: (item[0], item[1]))
    taken: list[tuple[int, int]] = []
    chosen = []
    for _, _, start, end, rule, groups in found:
        if any(start < t_end and t_start < end for t_start, t_end in taken):
            continue
        taken.append((start, end))
        chosen.append(_with_modifier(text, Candidate(rule, start, end, groups)))
    chosen.sort(key=lambda c: c.start)
    return chosen


def _with_modifier(text: str, candidate: Candidate) -> Candidate:
    """Widen candidate over a modifier phrase right before it and record the modifier."""
    window = text[max(0, candidate.start - 40):candidate.start]
    for mod, compiled in _modifier_patterns():
        if (mod == "QUANTITY") != (candidate.rule.type == "DURATION" or candidate.rule.resolver == "ago"):
            continue
        match = compiled.search(window)
        if match:
            modifier = lookup("QUANTITY_MOD", match.group().strip()) if mod == "QUANTITY" else mod
            start = candidate.start - (len(window) - match.start())
            return Candidate(candidate.rule, start, candidate.end, candidate.groups, modifier)
    return candidate
