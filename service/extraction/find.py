"""Find candidate temporal expressions with the rules of patterns/rules.txt."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

import regex

from service.extraction.vocabulary import lookup, pattern, phrases_pattern, read_data

_REFERENCE = re.compile(r"\{([A-Z_]+)\}")
# Words (and the apostrophe of "'80s") at which a rule may start.
_TOKEN = re.compile(r"\w+|'(?=\d)")
# How much text before a match the context guards look at.
_GUARD_REACH = 40
# A date may be qualified by a modifier phrase right before it ("the end of", "mid-").
_MOD_GAP = r"(?:\s+|\s*-\s*)"
# "the late 1990s": the determiner belongs to the expression it heads (TimeML extents).
_DETERMINER = re.compile(r"(?<!\w)the\s+$", re.I)
# "the third-quarter loss": a hyphenated premodifier; "the" belongs to the noun after it.
_PREMODIFIER = re.compile(r"the\s+(?=\S+-\w+$)", re.I)
# Vague references take no modifier: "about the future" is a preposition, not an approximation.
_UNMODIFIED = {"reference", "vague_period"}


@dataclass(frozen=True, slots=True)
class Rule:
    """Hold one finding rule: its name, TIMEX3 type, resolver name and compiled pattern."""

    name: str
    type: str
    resolver: str
    pattern: re.Pattern
    prefix: regex.Pattern  # the same pattern in `regex`, whose partial matching finds where rules can start
    before: tuple[regex.Pattern, ...] = ()
    not_before: tuple[regex.Pattern, ...] = ()

    def accepts(self, text: str, start: int) -> bool:
        """Tell whether the text right before a match satisfies this rule's context guards."""
        if not (self.before or self.not_before):
            return True
        window = text[max(0, start - _GUARD_REACH):start]
        return all(g.search(window) for g in self.before) and not any(g.search(window) for g in self.not_before)


@dataclass(frozen=True, slots=True)
class Candidate:
    """Hold one matched expression before resolution."""

    rule: Rule
    start: int
    end: int
    groups: dict
    modifier: str | None = None


def _expand(source: str) -> str:
    """Replace {NAME} references with the vocabulary alternations they stand for."""
    return _REFERENCE.sub(lambda m: pattern(m.group(1)), source)


@cache
def rules() -> tuple[Rule, ...]:
    """Compile the rules of rules.txt, vocabulary references expanded, guards attached."""
    compiled: list[Rule] = []
    for line in read_data("rules.txt"):
        fields = line.split(None, 1)
        if fields[0] in ("before", "not_before"):
            # Guards see only the text before the match, so `regex` (variable look-behind) is cheap here.
            guard = regex.compile(r"(?:%s)$" % _expand(fields[1]), regex.I)
            last = compiled[-1]
            compiled[-1] = Rule(last.name, last.type, last.resolver, last.pattern, last.prefix,
                                last.before + ((guard,) if fields[0] == "before" else ()),
                                last.not_before + ((guard,) if fields[0] == "not_before" else ()))
            continue
        name, timex_type, resolver, source = line.split(None, 3)
        source = r"(?<!\w)(?:%s)(?!\w)" % _expand(source)
        compiled.append(Rule(name, timex_type, resolver, re.compile(source, re.I), regex.compile(source, regex.I | regex.V0)))
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


@cache
def _any_rule() -> regex.Pattern:
    """Compile all rules as one alternation, to rule out most words with one partial match."""
    return regex.compile("|".join("(?:%s)" % rule.prefix.pattern for rule in rules()), regex.I | regex.V0)


@lru_cache(maxsize=1 << 17)
def _rules_starting_with(prefix: str) -> tuple[tuple[int, Rule], ...]:
    """Return the (priority, rule) pairs whose match can begin with prefix (a partial match says so)."""
    if not _any_rule().match(prefix, partial=True):
        return ()
    return tuple((i, rule) for i, rule in enumerate(rules()) if rule.prefix.match(prefix, partial=True))


@lru_cache(maxsize=1 << 17)
def _rules_continuing(prefix: str, candidates: tuple[tuple[int, Rule], ...]) -> tuple[tuple[int, Rule], ...]:
    """Return the candidates that can still match once the prefix reaches into the next word."""
    return tuple((i, rule) for i, rule in candidates if rule.prefix.match(prefix, partial=True))


def find(text: str) -> list[Candidate]:
    """Return the non-overlapping candidates of text, longest match first, sorted by start."""
    found = []
    tokens = [(m.start(), m.end()) for m in _TOKEN.finditer(text)]
    # Trying every rule at every character is what makes naive regex extraction slow; a rule
    # can only start at a word that could begin it, so try each word's few rules there only.
    # The word plus the character after it ("s " is no "since") picks them, and for common
    # words ("the", "a") the next word too ("the 6th" versus "the talks").
    for index, (start, end) in enumerate(tokens):
        candidates = _rules_starting_with(text[start:end + 1])
        if len(candidates) > 2 and index + 1 < len(tokens) and tokens[index + 1][0] - end <= 3:
            candidates = _rules_continuing(text[start:tokens[index + 1][1] + 1], candidates)
        for priority, rule in candidates:
            match = rule.pattern.match(text, start)
            if match is None or not rule.accepts(text, start):
                continue
            # A rule with two ways to write a part names the second one "<group>2".
            groups = {k.rstrip("2"): v for k, v in match.groupdict().items() if v is not None}
            found.append((-(match.end() - start), priority, start, match.end(), rule, groups))
    found.sort(key=lambda item: (item[0], item[1]))
    taken: list[tuple[int, int]] = []
    chosen = []
    for _, _, start, end, rule, groups in found:
        if any(start < t_end and t_start < end for t_start, t_end in taken):
            continue
        taken.append((start, end))
        premodifier = _PREMODIFIER.match(text, start, end)
        if premodifier and text[end:end + 1] == " ":
            start = premodifier.end()
        chosen.append(_with_modifier(text, Candidate(rule, start, end, groups)))
    chosen.sort(key=lambda c: c.start)
    return chosen


def _with_modifier(text: str, candidate: Candidate) -> Candidate:
    """Widen candidate over a modifier phrase right before it and record the modifier."""
    if candidate.rule.resolver in _UNMODIFIED:
        return candidate
    window = text[max(0, candidate.start - 40):candidate.start]
    for mod, compiled in _modifier_patterns():
        if (mod == "QUANTITY") != (candidate.rule.type == "DURATION" or candidate.rule.resolver == "ago"):
            continue
        if mod == "QUANTITY" and text[candidate.start:candidate.start + 4].lower() == "the ":
            continue  # "over the past decade": a preposition, not "over two decades"
        match = compiled.search(window)
        if match:
            modifier = lookup("QUANTITY_MOD", match.group().strip()) if mod == "QUANTITY" else mod
            start = candidate.start - (len(window) - match.start())
            if mod != "QUANTITY" and not match.group().lower().startswith("the") and (
                    determiner := _DETERMINER.search(text, max(0, start - 8), start)):
                start = determiner.start()
            return Candidate(candidate.rule, start, candidate.end, candidate.groups, modifier)
    return candidate
