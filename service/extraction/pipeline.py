"""Run the extraction stages: find candidates, pick the anchor, resolve, then join times to days."""
from __future__ import annotations

import re
from bisect import bisect_right
from datetime import date, datetime

from service.extraction.anchor import INFERRED_CONFIDENCE, Anchor, infer_anchor, published_day
from service.extraction.find import Candidate, find
from service.extraction.mention import Mention
from service.extraction.resolve import EXPLICIT, Context, Resolved, absolute, resolve
from service.extraction.sentences import sentences
from service.extraction.tense import SentenceTense
from service.extraction.timex import interval

# What may stand between a time of day and the day it belongs to ("5 p.m. EST, Nov. 6", "noon Saturday").
_TIME_DAY_GLUE = {"", ",", "on", ", on", "at", ", at"}
_CLOCK = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d$")
_PART = re.compile(r"^\d{4}-\d\d-\d\dT[A-Z]{2}$")


def extract(text: str, published: date | datetime | str | None) -> list[Mention]:
    """Return the temporal expressions of text, sorted by start offset."""
    spans = sentences(text)
    starts = [start for start, _ in spans]
    candidates = find(text)
    anchor = _anchor(candidates, published)
    tenses: dict[tuple[int, int], SentenceTense] = {}
    mentions: list[Mention] = []
    reference = None
    for candidate in candidates:
        index = max(bisect_right(starts, candidate.start) - 1, 0)
        sentence = spans[index] if spans else (0, len(text))
        if candidate.end > sentence[1]:  # an expression broken over a line: its sentence runs on
            sentence = (sentence[0], spans[max(bisect_right(starts, candidate.end - 1) - 1, 0)][1])
        if sentence not in tenses:
            tenses[sentence] = SentenceTense(text, *sentence)
        tense = tenses[sentence].of(candidate.start, candidate.end)
        context = Context(anchor.day, tense.tense, reference, tense.direction)
        resolved = resolve(candidate.rule.resolver, candidate.groups, context)
        if resolved is None:
            continue
        mention = _mention(text, candidate, resolved, anchor, tense.tense, sentence)
        if mention.start_date is not None and not resolved.from_reference:
            reference = (mention.value, mention.granularity)
        mentions.append(mention)
    return _join_times(text, mentions)


def _anchor(candidates: list[Candidate], published) -> Anchor:
    """Return the publication day as anchor, or one inferred from an explicit date near the top."""
    day = published_day(published)
    if day is not None:
        return Anchor(day, "published")
    full_dates = []
    for candidate in candidates:
        if candidate.rule.resolver == "absolute" and {"year", "month", "day"} <= candidate.groups.keys():
            resolved = absolute(candidate.groups, Context(None, None, None))
            if resolved and resolved.granularity == "day" and resolved.value:
                full_dates.append((candidate.start, resolved.value))
    return infer_anchor(full_dates)


def _mention(text: str, candidate: Candidate, resolved: Resolved, anchor: Anchor, tense, sentence) -> Mention:
    """Build the Mention of a resolved candidate."""
    timex_type = candidate.rule.type
    bounds = interval(resolved.value) if timex_type in ("DATE", "TIME") else None
    confidence = resolved.confidence
    if anchor.source == "inferred" and confidence < EXPLICIT:
        confidence *= INFERRED_CONFIDENCE
    return Mention(
        text=text[candidate.start:candidate.end], start=candidate.start, end=candidate.end,
        type=timex_type, value=resolved.value, granularity=resolved.granularity if timex_type in ("DATE", "TIME") else None,
        modifier=candidate.modifier, start_date=bounds[0] if bounds else None, end_date=bounds[1] if bounds else None,
        confidence=round(confidence, 2), anchor=anchor.as_dict(), tense=tense,
        sentence_start=sentence[0], sentence_end=sentence[1],
    )


def _join_times(text: str, mentions: list[Mention]) -> list[Mention]:
    """Merge a time of day with the day right next to it into one TIME ("10 p.m. Wednesday")."""
    joined: list[Mention] = []
    for mention in mentions:
        previous = joined[-1] if joined else None
        if previous and _joinable(text, previous, mention):
            time, day = (mention, previous) if previous.type == "DATE" or _PART.match(previous.value or "") else (previous, mention)
            value = day.value[:10] + time.value[10:] if time.value and day.value else None
            bounds = interval(value)
            joined[-1] = Mention(
                text=text[previous.start:mention.end], start=previous.start, end=mention.end, type="TIME",
                value=value, granularity="time", modifier=previous.modifier or mention.modifier,
                start_date=bounds[0] if bounds else None, end_date=bounds[1] if bounds else None,
                confidence=min(previous.confidence, mention.confidence), anchor=day.anchor, tense=day.tense,
                sentence_start=previous.sentence_start, sentence_end=previous.sentence_end,
            )
        else:
            joined.append(mention)
    return joined


def _joinable(text: str, first: Mention, second: Mention) -> bool:
    """Tell whether two neighbouring mentions are a clock time and its day (or part of a day)."""
    kinds = {(first.type, first.granularity), (second.type, second.granularity)}
    clock_and_part = kinds == {("TIME", "time")} and _CLOCK.match(first.value or "") and _PART.match(second.value or "")
    if kinds != {("TIME", "time"), ("DATE", "day")} and not clock_and_part:
        return False
    glue = " ".join(text[first.end:second.start].split())
    return glue in _TIME_DAY_GLUE and first.sentence_start == second.sentence_start
