"""Find candidate temporal expressions with the rules of patterns/rules.txt."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from service import budget
from service.extraction.rule_index import PAIR_GAPS, expand, full_pattern, rule_lines, starting_rules, token_key
from service.extraction.vocabulary import lookup, pattern, phrases_pattern, read_data

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
    """Hold one finding rule: its name, TIMEX3 type, resolver name, pattern source and context guards."""

    name: str
    type: str
    resolver: str
    source: str
    before: tuple[re.Pattern, ...] = ()
    not_before: tuple[re.Pattern, ...] = ()

    @property
    def pattern(self) -> re.Pattern:
        """Return the compiled pattern (compiled on first use: most documents need few rules)."""
        return _compiled(self.source)

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


@cache
def _compiled(source: str) -> re.Pattern:
    """Compile a rule's pattern, vocabulary references expanded."""
    return re.compile(full_pattern(source), re.I)


@cache
def rules() -> tuple[Rule, ...]:
    """Return the rules of rules.txt in priority order, guards compiled (patterns compile lazily)."""
    compiled = []
    for name, timex_type, resolver, source, guards in rule_lines():
        # Guards see only the text before the match, anchored at its end.
        before = tuple(re.compile(r"(?:%s)$" % expand(g), re.I) for kind, g in guards if kind == "before")
        not_before = tuple(re.compile(r"(?:%s)$" % expand(g), re.I) for kind, g in guards if kind == "not_before")
        compiled.append(Rule(name, timex_type, resolver, source, before, not_before))
    return tuple(compiled)


@cache
def _rules_by_key() -> tuple[dict[str, tuple[tuple[int, Rule], ...]], dict[str, tuple[tuple[int, Rule], ...]]]:
    """Return the (priority, rule) pairs that can start at a word key, and at a key plus the next word."""
    by_name = {rule.name: (priority, rule) for priority, rule in enumerate(rules())}
    index, pairs = starting_rules()
    return ({key: tuple(by_name[name] for name in names) for key, names in index.items()},
            {key: tuple(by_name[name] for name in names) for key, names in pairs.items()})


@cache
def _modifier_patterns() -> tuple[tuple[str, re.Pattern], ...]:
    """Compile one 'phrase right before a date' pattern per modifier kind."""
    compiled = []
    for line in read_data("modifiers.txt"):
        mod, phrases = line.split(None, 1)
        words = phrases_pattern([p.strip() for p in phrases.split("|")])
        compiled.append((mod, re.compile(r"(?<![\w])%s%s$" % (words, _MOD_GAP), re.I)))
    compiled.append(("QUANTITY", re.compile(
        r"(?<![\w])%s\s+$" % pattern("QUANTITY_MOD"), re.I)))
    return tuple(compiled)


def candidates_at(text: str, tokens: list[re.Match], index: int) -> tuple[tuple[int, Rule], ...]:
    """Return the (priority, rule) pairs that can match at word `index` of text."""
    # Trying every rule at every character is what makes naive regex extraction slow; a rule
    # can only start at a word that could begin it, so try each word's few rules there only
    # (for common words such as "the", the few that fit the word after it).
    by_key, by_pair = _rules_by_key()
    token = tokens[index]
    key = token_key(token.group())
    candidates = by_key.get(key, ())
    if candidates and index + 1 < len(tokens) and key + " " in by_pair:
        following = tokens[index + 1]
        gap = text[token.end():following.start()]
        if gap in PAIR_GAPS:
            return by_pair.get(key + gap + token_key(following.group())) or by_pair[key + gap]
    return candidates


def find(text: str) -> list[Candidate]:
    """Return the non-overlapping candidates of text, longest match first, sorted by start."""
    found = []
    tokens = list(_TOKEN.finditer(text))
    for index, token in enumerate(tokens):
        if not index % 64:  # a clock read per word would cost about 5 % of a typical article's extraction
            budget.check()
        start = token.start()
        for priority, rule in candidates_at(text, tokens, index):
            match = rule.pattern.match(text, start)
            if match is None or not rule.accepts(text, start):
                continue
            # A rule with two ways to write a part names the second one "<group>2".
            groups = {k.rstrip("2"): v for k, v in match.groupdict().items() if v is not None}
            found.append((-(match.end() - start), priority, start, match.end(), rule, groups))
    found.sort(key=lambda item: (item[0], item[1]))
    taken = bytearray(len(text))  # 1 under each chosen candidate: an overlap test costs its own length only
    chosen = []
    for _, _, start, end, rule, groups in found:
        budget.check()
        if taken.find(1, start, end) >= 0:
            continue
        taken[start:end] = b"\1" * (end - start)
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
