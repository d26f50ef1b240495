"""Tell which rules can start at a word, from a table built once and stored beside the patterns.

A rule can only match where a word could begin it, so `find` tries each word's few rules there.
Working that out takes partial matching (the `regex` module) over every rule, which costs more than
a second of compiling; the answer depends only on the pattern files, so it is computed ahead of time
into patterns/rule_index.json and rebuilt in memory only when those files changed since.
Regenerate the file after editing patterns:
`python -c "from service.extraction.rule_index import write; write()"`.
"""
from __future__ import annotations

import hashlib
import json
import re
from functools import cache

from service.extraction.vocabulary import PATTERNS, pattern, read_data

INDEX_FILE = PATTERNS / "rule_index.json"
_SOURCES = ("rules.txt", "vocabulary.txt")
_WORD = re.compile(r"[A-Za-z]+")
# What may follow a word in text: one character of each kind the patterns tell apart (a rule matched at
# a word continues with one of these or ends there).
_AFTER = (" ", "\u00a0", "\n", "-", ".", ",", ";", ":", "'", "’", "/", "(", ")", '"', "%", "$", "&")
# Common first words ("the", "last") begin many rules; for them the next word narrows the choice,
# when a single space or hyphen joins the two.
_PAIRED_ABOVE = 4
PAIR_GAPS = (" ", "-")
_REFERENCE = re.compile(r"\{([A-Z_]+)\}")


def expand(source: str) -> str:
    """Replace {NAME} references with the vocabulary alternations they stand for."""
    return _REFERENCE.sub(lambda m: pattern(m.group(1)), source)


def full_pattern(source: str) -> str:
    """Return a rule's pattern source expanded and held to word boundaries."""
    return r"(?<!\w)(?:%s)(?!\w)" % expand(source)


def token_key(token: str) -> str:
    """Return the index key of a word: itself in lower case, '#' for numbers, 'q#' for 'Q3'."""
    first = token[0]
    if first.isdigit():
        return "#"
    if token.isalpha():
        return token.lower()
    return first.lower() + "#"


def rule_lines() -> list[tuple[str, str, str, str, list[tuple[str, str]]]]:
    """Return (name, type, resolver, pattern source, [(guard kind, guard source)]) per rule of rules.txt."""
    parsed: list[tuple[str, str, str, str, list[tuple[str, str]]]] = []
    for line in read_data("rules.txt"):
        fields = line.split(None, 1)
        if fields[0] in ("before", "not_before"):
            parsed[-1][4].append((fields[0], fields[1]))
            continue
        name, timex_type, resolver, source = line.split(None, 3)
        parsed.append((name, timex_type, resolver, source, []))
    return parsed


def source_hash() -> str:
    """Return a digest of the pattern files the index is derived from."""
    digest = hashlib.sha256()
    for name in _SOURCES:
        digest.update((PATTERNS / name).read_bytes())
    return digest.hexdigest()[:16]


@cache
def starting_rules() -> tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]]:
    """Return ({word key: rule names that can start there}, {"key gap next-key": rule names})."""
    try:
        stored = json.loads(INDEX_FILE.read_text(encoding="utf-8"))
        if stored.get("source_hash") == source_hash():
            return ({key: tuple(names) for key, names in stored["index"].items()},
                    {key: tuple(names) for key, names in stored["pairs"].items()})
    except (OSError, ValueError, KeyError):
        pass
    return build()  # the pattern files changed: correct, only slower to start


def build() -> tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]]:
    """Compute the index by partially matching every rule against every word that could start one."""
    import regex  # slow to compile; needed only here

    prefixes = [(name, regex.compile(full_pattern(source), regex.I | regex.V0))
                for name, _, _, source, _ in rule_lines()]
    # A rule's first word comes from its literal words or the vocabulary; numbers and "Q3"-like words
    # are keyed by their first character, so partially matching that character covers them all.
    samples: dict[str, set[str]] = {"#": set("0123456789"), token_key("'"): {"'"}}
    for name in _SOURCES:
        for word in _WORD.findall((PATTERNS / name).read_text(encoding="utf-8")):
            samples.setdefault(word.lower(), set()).update({word.lower(), word.capitalize(), word.upper()})
    for letter in "abcdefghijklmnopqrstuvwxyz":
        samples[letter + "#"] = {case + digit for case in (letter, letter.upper()) for digit in "0123456789"}

    def can_start(prefix, texts: set[str], alphabetic: bool) -> bool:
        if not alphabetic:  # keyed by the first character: any partial match may apply
            return any(prefix.match(t, partial=True) for t in texts)
        # A whole word: the match ends with it or goes on with a non-word character.
        return any(prefix.fullmatch(t) or any(prefix.match(t + after, partial=True) for after in _AFTER)
                   for t in texts)

    index, pairs = {}, {}
    for key, texts in samples.items():
        alphabetic = key.isalpha()
        names = tuple(name for name, prefix in prefixes if can_start(prefix, texts, alphabetic))
        if names:
            index[key] = names
        if not alphabetic or len(names) <= _PAIRED_ABOVE:
            continue
        narrowed = [(name, prefix) for name, prefix in prefixes if name in names]
        for gap in PAIR_GAPS:
            # Rules that may end at the word itself fit whatever word comes next ("current prices").
            ending = {name for name, prefix in narrowed if any(prefix.fullmatch(t) or prefix.fullmatch(t + gap)
                                                               for t in texts)}
            pairs[key + gap] = tuple(name for name, _ in narrowed if name in ending)
            for next_key, next_texts in samples.items():
                joined = {t + gap + n for t in texts for n in next_texts}
                pair = tuple(name for name, prefix in narrowed
                             if name in ending or any(prefix.match(j, partial=True) for j in joined))
                if pair != pairs[key + gap]:
                    pairs[key + gap + next_key] = pair
    return index, pairs


def write() -> None:
    """Store the index beside the pattern files."""
    document = {
        "purpose": "Generated by service.extraction.rule_index.write() from rules.txt and vocabulary.txt: "
                   "for each word key (lower-case word, '#' a number, 'q#' a letter and digits) the rules that "
                   "can start there, in rules.txt order; under pairs, for common first words, the same for the word "
                   "followed by a space or hyphen and the next word's key ('the ' alone: any other next word). "
                   "Do not edit; regenerate after editing the patterns.",
        "source_hash": source_hash(),
    }
    index, pairs = build()
    document["index"] = dict(sorted(index.items()))
    document["pairs"] = dict(sorted(pairs.items()))
    INDEX_FILE.write_text(json.dumps(document, indent=0) + "\n", encoding="utf-8")
