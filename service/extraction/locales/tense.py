"""Tell the tense around a date from a language's cue file (cues/<language>.toml), when it has one."""
from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import regex

CUES = Path(__file__).parent / "cues"
_WORD = regex.compile(r"\w+(?:['’]\w+)?")
# Cues further than this from the expression say little about it.
_REACH = 80


@dataclass(frozen=True)
class _Cues:
    """Hold a language's cue words and word endings per tense."""

    words: dict  # word (lower case) -> tense
    endings: tuple  # (compiled ending pattern, tense), tried when a word is not listed
    ahead: regex.Pattern | None  # a phrase right before a date that points ahead ("reportée au")


@cache
def _cues(language: str) -> _Cues | None:
    """Return the compiled cues of a language, or None when it has no cue file."""
    path = CUES / f"{language}.toml"
    if not path.is_file():
        return None
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    words = {w.lower(): tense for tense in ("past", "present", "future") for w in data.get(tense, [])}
    endings = tuple((regex.compile(r"(?:%s)$" % "|".join(data[key]), regex.I), key.split("_")[0])
                    for key in ("past_endings", "future_endings") if data.get(key))
    ahead = regex.compile(r"(?<!\w)(?:%s)\s+$" % "|".join(
        regex.escape(p).replace(r"\ ", r"\s+") for p in data["future_before"]), regex.I) if data.get("future_before") else None
    return _Cues(words, endings, ahead)


def tense_of(language: str, text: str, sentence: tuple[int, int], start: int, end: int) -> str | None:
    """Return the tense (past, present, future) of the cue nearest the expression in its sentence."""
    cues = _cues(language)
    if cues is None:
        return None
    if cues.ahead and cues.ahead.search(text, max(sentence[0], start - 40), start):
        return "future"  # "reportée au 3 mai": the date a thing is moved to lies ahead, whatever the verb's tense
    low, high = max(sentence[0], start - _REACH), min(sentence[1], end + _REACH)
    best = None
    for word in _WORD.finditer(text, low, high):
        if start <= word.start() < end:
            continue  # the expression's own words ("l'année dernière") are no verb
        tense = _tense(cues, word.group())
        if tense:
            distance = start - word.end() if word.end() <= start else word.start() - end
            if best is None or distance < best[0]:
                best = (distance, tense)
    return best[1] if best else None


def _tense(cues: _Cues, word: str) -> str | None:
    """Return the tense a word signals, from the listed words first, then the endings."""
    if word.lower() in cues.words:
        return cues.words[word.lower()]
    if word[0].isupper():
        return None  # a name ("Moscou"), not a verb that happens to end like one
    for pattern, tense in cues.endings:
        if len(word) > 3 and pattern.search(word):
            return tense
    return None
