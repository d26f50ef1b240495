"""Tell the tense a date expression is used in from the cue words of its sentence."""
from __future__ import annotations

import re
from functools import cache

from service.extraction.vocabulary import phrases_pattern, read_data

# A participle after "be" ("will be held", "to be signed") takes its tense from what precedes "be".
_PASSIVE_AUXILIARY = re.compile(r"\bbe\s+$", re.I)
# Cues further than this many characters from the expression say little about it.
_REACH = 120


@cache
def _cues() -> tuple[re.Pattern, dict[str, str], frozenset[str]]:
    """Compile the cue phrases of tense_cues.txt into one pattern plus a phrase -> tense map."""
    tense_of: dict[str, str] = {}
    not_verbs: set[str] = set()
    for line in read_data("tense_cues.txt"):
        tense, phrases = line.split(None, 1)
        for phrase in (p.strip().lower() for p in phrases.split("|")):
            if tense == "not_verb":
                not_verbs.add(phrase)
            else:
                tense_of.setdefault(" ".join(phrase.split()), tense)
    alternation = phrases_pattern(list(tense_of))
    pattern = re.compile(r"(?<![\w'’])(?:%s|(?P<ed>[a-z]{2,}ed))(?!\w)" % alternation, re.I)
    return pattern, tense_of, frozenset(not_verbs)


def sentence_cues(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """Return (start, end, tense) of every tense cue inside text[start:end]."""
    pattern, tense_of, not_verbs = _cues()
    cues = []
    for match in pattern.finditer(text, start, end):
        word = " ".join(match.group().lower().replace("’", "'").split())
        if tense_of.get(word) == "past" or match.group("ed"):
            if _PASSIVE_AUXILIARY.search(text, max(start, match.start() - 8), match.start()):
                continue  # "will be held": the auxiliary before it carries the tense
        if match.group("ed"):
            if word in not_verbs or word in tense_of:
                if word in tense_of:
                    cues.append((match.start(), match.end(), tense_of[word]))
                continue
            cues.append((match.start(), match.end(), "past"))
        elif word in tense_of:
            cues.append((match.start(), match.end(), tense_of[word]))
    return cues


def tense_near(cues: list[tuple[int, int, str]], start: int, end: int) -> str | None:
    """Return the tense of the cue nearest to the expression at [start, end), if any is close."""
    best = None
    for cue_start, cue_end, tense in cues:
        if cue_start < end and start < cue_end:
            continue  # a cue inside the expression ("next", "ago") is not its verb
        distance = start - cue_end if cue_end <= start else cue_start - end
        if distance <= _REACH and (best is None or distance < best[0]):
            best = (distance, tense)
    return best[1] if best else None
