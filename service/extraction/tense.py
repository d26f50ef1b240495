"""Tell the tense of the clause a date expression stands in, from the verb that governs it."""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import cache

from service.extraction.vocabulary import read_data

# A participle after a form of "be" ("will be held", "was signed") or another linking verb ("will stay
# closed", "remained unchanged") takes its tense from the verb before it.
_PASSIVE_AUXILIARY = re.compile(r"\b(?:be|been|being|is|are|am|was|were|(?:stay|remain|become|seem|get)(?:s|ed|ing)?|"
                                r"became|got|gotten)\s+(?:\w+ly\s+)?$", re.I)
_PERFECT_AUXILIARY = re.compile(r"(?:\b(?:has|have|had)|['’]ve|['’]d)\s+(?:\w+ly\s+)?$", re.I)
# A prefix that makes a hyphenated past form a verb, not an adjective compound ("counter-attacked", "re-entered").
_VERB_PREFIX = re.compile(r"(?<![\w-])(?:counter|re|co|pre|mis)-$", re.I)
# Words that may stand between a determiner and the adjective it heads ("a still unspecified date").
_ADVERBS = frozenset({"still", "yet", "not", "already", "now", "once"})
# What may stand between a verb and the date it governs directly ("said Monday", "met on Tuesday").
_ADJACENT = re.compile(r"\s*(?:(?:on|in|at)\s+)?", re.I)
# Words as the cue lists are matched: letters, or an apostrophe and letters ("'ll", "n't").
_TOKEN = re.compile(r"[A-Za-z]+|['’][A-Za-z]+")
# Cues further than this many characters from the expression say little about it.
_REACH = 120
_SURE_KINDS = ("past", "present", "future")
_LEANING_KINDS = {"leans_" + kind: kind for kind in _SURE_KINDS}


@dataclass(frozen=True, slots=True)
class Tense:
    """Hold the tense a date is used in and whether its own clause's verb says so for sure."""

    tense: str | None
    sure: bool = False

    @property
    def direction(self) -> str | None:
        """Return the tense a reading of the date must agree with (None: take the nearest reading)."""
        return self.tense if self.sure else None


@dataclass(frozen=True, slots=True)
class _Cue:
    """Hold one tense cue of a sentence."""

    start: int
    end: int
    tense: str
    sure: bool
    infinitive: bool = False  # "to" + a word: it may be a preposition ("to false leaks"), so it only blocks


@dataclass(frozen=True, slots=True)
class _Cues:
    """Hold the compiled cue lists."""

    kind_of: dict  # phrase as tokens joined by spaces -> (tense, sure)
    longest: dict  # first token -> tokens in the longest phrase it opens
    not_verbs: frozenset
    past_forms: frozenset  # the listed simple-past forms (past_verbs.txt), which an adjective use may hide
    not_past: frozenset  # -ed words that tell no past event ("expected", "proposed")
    adjective_before: frozenset  # words after which a past form is an adjective ("the proposed deal", "as expected")
    not_infinitive: frozenset
    reported: frozenset  # phrases that are a sure future in reported speech ("said ... would hold")
    breaks: re.Pattern  # group "before": a clause opens at the match; group "after": it ends after it
    target: re.Pattern  # a target preposition right before a date
    since: re.Pattern


def _phrase(phrase: str) -> str:
    """Return the regex of one listed phrase: spaces match any whitespace, either apostrophe matches."""
    return re.escape(phrase).replace(r"\ ", " ").replace(" ", r"\s+").replace("'", "['’]")


def _key(phrase: str) -> str:
    """Return the lookup key of a phrase: its tokens, lower case, joined by single spaces."""
    return " ".join(token.lower().replace("’", "'") for token in _TOKEN.findall(phrase))


def _alternation(phrases) -> str:
    """Return an alternation of whole-word phrases, longest first so the longest reading wins."""
    words = sorted({p for p in phrases if p[0].isalnum()}, key=len, reverse=True)
    others = sorted({p for p in phrases if not p[0].isalnum()}, key=len, reverse=True)
    # One shared lookbehind keeps the alternation a plain literal set, which the regex engine scans fast.
    pattern = r"(?<![\w'’])(?:%s)(?!\w)" % "|".join(map(_phrase, words)) if words else ""
    if others:
        pattern += ("|" if pattern else "") + "(?:%s)" % "|".join(
            _phrase(p) + (r"(?!\w)" if p[-1].isalnum() else "") for p in others)
    return pattern


@cache
def _cues() -> _Cues:
    """Compile tense_cues.txt and past_verbs.txt."""
    lists: dict[str, list[str]] = {}
    for line in read_data("tense_cues.txt"):
        kind, phrases = line.split(None, 1)
        lists.setdefault(kind, []).extend(" ".join(p.split()).lower() for p in phrases.split("|"))
    for kind in (*_SURE_KINDS, *_LEANING_KINDS):
        lists[kind] = [_key(p) for p in lists.get(kind, [])]
    kind_of: dict[str, tuple[str, bool]] = {}
    for kind in _SURE_KINDS:
        kind_of.update((phrase, (kind, True)) for phrase in lists.get(kind, []))
    lists["reported_future"] = [_key(p) for p in lists.get("reported_future", [])]
    for kind, tense in (*_LEANING_KINDS.items(), ("reported_future", "future")):
        kind_of.update((phrase, (tense, False)) for phrase in lists.get(kind, []) if phrase not in kind_of)
    past_forms = {_key(form) for line in read_data("past_verbs.txt") for form in line.split("|") if form.strip()}
    kind_of.update((form, ("past", True)) for form in past_forms)
    longest: dict[str, int] = {}
    for key in kind_of:
        first = key.split(" ", 1)[0]
        longest[first] = max(longest.get(first, 0), key.count(" ") + 1)
    # ":" between digits is a clock time, not a clause break.
    opening = [p for p in lists["clause_break"] if p != ":"]
    breaks = re.compile(r"(?P<before>%s|:(?!\d))|(?P<after>%s)" % (_alternation(opening), _alternation(lists["clause_end"])), re.I)
    # A time of day may stand between the preposition and the day ("until 5 p.m. EST Nov. 9").
    target = re.compile(r"(?:%s)\s+(?:\d{1,2}(?::\d\d)?\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{2,4}\s*)?,?\s+)?$"
                        % _alternation(lists["target"]), re.I)
    since = re.compile(r"(?:%s)\s+$" % _alternation(lists["since"]), re.I)
    return _Cues(kind_of, longest, frozenset(lists["not_verb"]), frozenset(past_forms), frozenset(lists["not_past"]),
                 frozenset(lists["adjective_before"]), frozenset(lists["not_infinitive"]),
                 frozenset(lists["reported_future"]), breaks, target, since)


class SentenceTense:
    """Find the clause and governing verb of the date expressions of one sentence."""

    def __init__(self, text: str, start: int, end: int):
        """Read the tense cues and clause breaks of text[start:end] once for all its dates."""
        self.text, self.start, self.end = text, start, end
        cues = _cues()
        # A reporting verb ends its clause ("officials said | the rights expire Nov. 21"), but not as a
        # passive participle: "will be announced in two weeks" dates the announcement.
        reports, self.breaks = [], []
        for match in cues.breaks.finditer(text, start, end):
            if not match.group("after"):
                self.breaks.append(match.start())
            elif not _PASSIVE_AUXILIARY.search(text, max(start, match.start() - 20), match.start()):
                self.breaks.append(match.end())
                reports.append(match.end())
        self.breaks.sort()
        self.reported = bool(reports)
        # Everything a date's lookup needs is indexed once here, so each date costs a few bisections
        # and a walk over the cues within reach: a sentence of n dates costs O(n log n), not O(n^2).
        self.cues = self._find_cues()
        self.cue_starts = [c.start for c in self.cues]
        self.cue_ends = [c.end for c in self.cues]  # cues run left to right, so ends are ordered too
        self.sure = [c for c in self.cues if c.sure]
        self.sure_starts = [c.start for c in self.sure]
        self.sure_ends = [c.end for c in self.sure]
        self.commas = [m.start() for m in re.finditer(",", text[start:end])]
        self.commas = [start + offset for offset in self.commas]

    def _find_cues(self) -> list[_Cue]:
        """Return the cues of the sentence: listed phrases (longest first), infinitives and -ed words."""
        cues = _cues()
        tokens = [(m.start(), m.end(), m.group().lower().replace("’", "'")) for m in _TOKEN.finditer(self.text, self.start, self.end)]
        found, index = [], 0
        while index < len(tokens):
            start, end, word = tokens[index]
            length = self._phrase_at(tokens, index)
            if length:
                words = tokens[index:index + length]
                phrase = " ".join(w for _, _, w in words)
                tense, sure = cues.kind_of[phrase]
                # Reported speech looks forward from the saying: "said that they would meet in December".
                sure = sure or (phrase in cues.reported and self.reported)
                form = phrase in cues.past_forms
                # A capital makes a past form a name: "Rose", "the Met Office".
                if (not form or self.text[start:end].islower()) and (cue := self._cue(
                        start, words[-1][1], tense, sure, tokens[max(0, index - 2):index] if form else None)):
                    found.append(cue)
                index += length
                continue
            following = tokens[index + 1] if index + 1 < len(tokens) else None
            if (word == "to" and following and following[2] not in cues.not_infinitive
                    and self.text[following[0]:following[1]].islower() and self.text[end:following[0]].isspace()):
                found.append(_Cue(start, following[1], "future", False, infinitive=True))
            elif word.endswith("ed") and len(word) > 3 and word.isalpha() and word not in cues.not_verbs:
                # A regular past form is a sure past where it stands as a verb; a capitalised one is a
                # name ("Mohammed", "Reed"), and an expectation ("expected", "proposed") tells no past event.
                if self.text[start:end].islower() and (cue := self._cue(
                        start, end, "past", word not in cues.not_past, tokens[max(0, index - 2):index])):
                    found.append(cue)
            index += 1
        return found

    def _phrase_at(self, tokens: list, index: int) -> int:
        """Return how many tokens from index form the longest listed phrase (0: none)."""
        cues = _cues()
        for length in range(min(cues.longest.get(tokens[index][2], 0), len(tokens) - index), 1, -1):
            words = tokens[index:index + length]
            if (" ".join(w for _, _, w in words) in cues.kind_of
                    and all(a[1] == b[0] or self.text[a[1]:b[0]].isspace() for a, b in zip(words, words[1:]))):
                return length
        return 1 if tokens[index][2] in cues.kind_of else 0

    def _cue(self, start: int, end: int, tense: str, sure: bool, before: list | None = None) -> _Cue | None:
        """Return the cue of a past form or other cue word, or None when it is no verb of its own.

        before: for a simple-past form (listed, or a regular -ed word), which may also be a participle
        or an adjective, the two tokens before it.
        """
        if tense == "past" and _PASSIVE_AUXILIARY.search(self.text, max(self.start, start - 20), start):
            return None  # "will be held", "was signed": the auxiliary before it carries the tense
        if tense == "past" and _PERFECT_AUXILIARY.search(self.text, max(self.start, start - 20), start):
            return _Cue(start, end, tense, True)  # "has fluctuated": a perfect tells the past for sure, whatever the verb
        if before is None:
            return _Cue(start, end, tense, sure)
        prefixed = _VERB_PREFIX.search(self.text, max(self.start, start - 9), start)
        if self.text[start - 1:start] == "-" and start > self.start and not prefixed or self.text.startswith("-", end):
            return None  # "so-called", "long-awaited", "state-owned": an adjective; "counter-attacked" is a verb
        previous = before[-1][2] if before else ""
        if previous in _ADVERBS or previous.endswith("ly"):  # "the newly signed pact", "a still unspecified date"
            previous = before[0][2] if len(before) == 2 else ""
        if previous in _cues().adjective_before:
            sure = False  # "the proposed deal", "as expected": an adjective, or a participle with no subject
        return _Cue(start, end, tense, sure)

    def of(self, start: int, end: int) -> Tense:
        """Return the tense of the date at [start, end): sure from its governing verb, else its clause's nearest cue."""
        lead_in = self.text[max(self.start, start - 40):start]
        if _cues().since.search(lead_in):
            return Tense("past", True)
        governing = self._governing(start, end)
        if governing is None:
            clause = self._around(start, end, self.breaks)
            weak = self._leaning(clause, start, end)
            return Tense(weak.tense if weak else None)
        if governing.start >= end and (leaning := self._adjacent_leaning(start)):
            # "whose fiscal year ends Jan. 28, said ...": the schedule verb right before the date is its
            # own, not the verb after it.
            return Tense(leaning.tense)
        low, high = min(governing.end, end), max(governing.start, start)
        between = [c for c in self.cues[bisect_left(self.cue_starts, low):bisect_right(self.cue_starts, high)]
                   if not c.sure and c.tense != governing.tense and c.end <= high]
        if between and governing.tense == "present" and any(c.tense == "future" and not c.infinitive for c in between):
            # "The storm is forecast to weaken over the weekend": a forecast made now looks ahead.
            return Tense("future")
        if between:
            # "agreed to buy the unit in February": the infinitive, not the past verb, governs the date.
            # A leaning verb of another tense ("was set to land on Monday", "appeared ..., set to resume
            # Monday") makes it a future seen from the past: no one tense, so the nearest reading.
            return Tense(None if any(not c.infinitive for c in between) else governing.tense)
        if _cues().target.search(lead_in) and governing.tense != "future":
            # "extended to Nov. 20": the past act does not place its target; a future one does.
            return Tense(governing.tense)
        return Tense(governing.tense, True)

    def _adjacent_leaning(self, start: int) -> _Cue | None:
        """Return the leaning cue right before the date ("ends Jan. 28", "resumes on Monday"), if any."""
        last = bisect_right(self.cue_ends, start) - 1
        cue = self.cues[last] if last >= 0 else None
        if cue and not cue.sure and not cue.infinitive and _ADJACENT.fullmatch(self.text, cue.end, start):
            return cue
        return None

    def _governing(self, start: int, end: int) -> _Cue | None:
        """Return the sure cue that governs the date: right before it, else nearest in its phrase, then clause."""
        last = bisect_right(self.sure_ends, start) - 1
        if last >= 0 and _ADJACENT.fullmatch(self.text, self.sure[last].end, start):
            return self.sure[last]  # "said Monday that ...": the reporting verb's own date
        clause = self._around(start, end, self.breaks)
        segment = self._around(start, end, self.commas)
        segment = max(segment[0], clause[0]), min(segment[1], clause[1])
        # Dates mostly follow their verb; a date opening the clause ("In May, Modi visited") precedes it.
        return (self._nearest(segment, start, end, left=True) or self._nearest(segment, start, end, left=False)
                or self._nearest(clause, start, end, left=True) or self._nearest(clause, start, end, left=False))

    def _around(self, start: int, end: int, breaks: list[int]) -> tuple[int, int]:
        """Return the span between the last break before start and the first after end."""
        before, after = bisect_right(breaks, start), bisect_left(breaks, end)
        left = breaks[before - 1] if before else self.start
        right = breaks[after] if after < len(breaks) else self.end
        return max(left, self.start), min(right, self.end)

    def _nearest(self, span: tuple[int, int], start: int, end: int, left: bool) -> _Cue | None:
        """Return the nearest sure cue inside span on one side of the expression, within reach."""
        # Sure cues do not overlap, so the nearest one on a side is the one next to the date there.
        if left:
            index = bisect_right(self.sure_ends, start) - 1
            cue = self.sure[index] if index >= 0 else None
            return cue if cue and span[0] <= cue.start and start - cue.end <= _REACH else None
        index = bisect_left(self.sure_starts, end)
        cue = self.sure[index] if index < len(self.sure) else None
        return cue if cue and cue.end <= span[1] and cue.start - end <= _REACH else None

    def _leaning(self, span: tuple[int, int], start: int, end: int) -> _Cue | None:
        """Return the cue nearest the expression inside span (any strength), within reach."""
        best = None
        first, last = bisect_left(self.cue_ends, start - _REACH), bisect_right(self.cue_starts, end + _REACH)
        for cue in self.cues[first:last]:
            if not (span[0] <= cue.start and cue.end <= span[1]) or (cue.start < end and start < cue.end) or cue.infinitive:
                continue  # outside the span, inside the expression ("next", "ago") and so not its verb, or maybe no verb
            distance = start - cue.end if cue.end <= start else cue.start - end
            if distance <= _REACH and (best is None or distance < best[0]):
                best = (distance, cue)
        return best[1] if best else None
