"""Run the extraction stages: find candidates, pick the anchor, resolve, then join times to days."""
from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Sequence
from datetime import date, datetime
from functools import cache

from service import budget
from service.extraction.anchor import INFERRED_CONFIDENCE, Anchor, infer_anchor, published_day
from service.extraction.find import Candidate, find
from service.extraction.locales import extract_in, supported
from service.extraction.mention import Mention
from service.extraction.resolution import is_year_bc
from service.extraction.resolve import EXPLICIT, Context, Resolved, absolute
from service.extraction.resolvers import resolve
from service.extraction.sentences import sentences
from service.extraction.tense import SentenceTense
from service.extraction.timex import interval
from service.extraction.told import GUESS, HISTORY_YEARS, Told, paragraph_ends, retold

# What may stand between a time of day and the day it belongs to ("5 p.m. EST, Nov. 6", "noon Saturday").
_TIME_DAY_GLUE = {"", ",", "on", ", on", "at", ", at", "of"}
# "10:40 a.m. local time on Aug. 7": saying the zone is local keeps the time with its day.
_LOCAL_TIME = re.compile(r"^\(?local time\)? ?", re.I)
_CLOCK = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\dZ?$")
_PART = re.compile(r"^\d{4}-\d\d-\d\dT[A-Z]{2}$")
DATELINE_SCAN_CHARS = 600
# A date opening its sentence frames what follows ("In 1941, Germany attacked ..."); one inside a clause
# ("a program approved in 1987", "since 1980") does not.
_FRAME = re.compile(r"(?:(?:in|during|on|by)\s+)?", re.I)
# A text that writes out this many years, this share of them history, is a history as a whole.
_HISTORY_MIN_YEARS = 5
_HISTORY_SHARE = 0.8
# A day that closes the period told just before it ("the quarter, which ends March 31", "the year ended
# Sept. 30") dates that period: comparisons after it ("the year-earlier period") hang on the period.
_CLOSES = re.compile(r",?\s+(?:(?:which|that)\s+)?(?:ends?|ended|ending|closes|closed|closing)\s+(?:on\s+)?", re.I)
_PERIODS = ("month", "quarter", "half", "year")
# A year in a "since" phrase ("since 1980", "since its launch in 2003") bounds a state that lasts to the
# present: it tells no event of the past to go on from.
_SINCE = re.compile(r"\bsince\s+(?:[\w'’-]+\s+){0,4}$", re.I)
# A past perfect tells what came before the story's time ("In May, the Allies had prepared ..."), unless
# the date is a limit reached by then ("By January, the Soviets had pushed them back").
_PLUPERFECT = re.compile(r"\bhad\s+(?:(?:not|already|never|\w+ly)\s+)?(?!(?:a|an|the|no|to|some|many|few|its|his|her|their|"
                         r"been\s+(?:a|an|the)\s)\b)[a-z]+\b")
_BY = re.compile(r"\bby\s+(?:the\s+)?(?:(?:early|late|mid)\s*-?\s*)?$", re.I)


def extract(text: str, published: date | datetime | str | None,
            country: str | Sequence[str] | Callable[[], Sequence[str]] | None = None, *,
            language: str | None = None) -> list[Mention]:
    """Return the temporal expressions of text, sorted by start offset.

    country: the country the text is about, if known, to pick among national days of one name
    ("Independence Day"): an ISO 3166 code, codes most likely first, or a callable giving them, called
    at most once and only when the text names such a day.
    language: ISO 639-1 code of the text's language; other than English, the locale finder reads it.
    """
    if language and language != "en" and supported(language):
        return extract_in(text, published, language)
    if callable(country):
        country = cache(country)
    spans = sentences(text)
    starts = [start for start, _ in spans]
    candidates = find(text)
    anchor = _anchor(candidates, published)
    tenses: dict[tuple[int, int], SentenceTense] = {}
    pluperfect: dict[tuple[int, int], bool] = {}
    mentions: list[Mention] = []
    told: Told | None = None
    last_told: dict[str, str] = {}
    # A history (most years it tells lie years back) is one story: its narrative runs on over blank lines.
    history = _is_history(candidates, anchor.day)
    paragraphs = [] if history else paragraph_ends(text)
    for candidate in candidates:
        budget.check()
        paragraph = bisect_right(paragraphs, candidate.start)
        index = max(bisect_right(starts, candidate.start) - 1, 0)
        sentence = spans[index] if spans else (0, len(text))
        if candidate.end > sentence[1]:  # an expression broken over a line: its sentence runs on
            sentence = (sentence[0], spans[max(bisect_right(starts, candidate.end - 1) - 1, 0)][1])
        if sentence not in tenses:
            tenses[sentence] = SentenceTense(text, *sentence)
        tense = tenses[sentence].of(candidate.start, candidate.end)
        # In a history, a sentence with no tense cue ("The battle on 26 October cost them the carrier") goes on
        # with the story; in news it may as well be a present schedule.
        narrative = (told.narrative_year(anchor.day, paragraph)
                     if told and (tense.tense == "past" or (history and tense.tense is None)) else None)
        if narrative and sentence not in pluperfect:  # once per sentence, so long sentences cost no more
            pluperfect[sentence] = bool(_PLUPERFECT.search(text, sentence[0], sentence[1]))
        looks_back = bool(narrative and pluperfect[sentence]
                          and not _BY.search(text, max(sentence[0], candidate.start - 20), candidate.start))
        context = Context(anchor.day, tense.tense, told.reference if told else None, tense.direction, narrative, country,
                          bool(told and sentence[0] <= told.start), looks_back, history, last_told)
        resolved = resolve(candidate.rule.resolver, candidate.groups, context)
        if resolved is None:
            continue
        mention = _mention(text, candidate, resolved, anchor, tense.tense, sentence, told)
        closes_told = bool(told and told.granularity in _PERIODS and _CLOSES.fullmatch(text, told.end, mention.start))
        if ((mention.start_date is not None or is_year_bc(mention.value)) and resolved.confidence > GUESS
                and not closes_told):
            last_told[mention.granularity] = mention.value
            explicit = _explicit(candidate) and not _SINCE.search(text, max(0, candidate.start - 40), candidate.start)
            told = retold(told, mention, resolved.from_reference, narrative, explicit,
                          bool(_FRAME.fullmatch(text, sentence[0], mention.start)), paragraph)
        mentions.append(mention)
    return _join_times(text, mentions)


def dateline(text: str) -> date | None:
    """Return the day an explicit full date at the top of text gives (the anchor the extractor would infer)."""
    # Only the top can hold a dateline; reading further would cost time for candidates the rule ignores.
    return _anchor(find(text[:DATELINE_SCAN_CHARS]), None).day


def _is_history(candidates: list[Candidate], anchor: date | None) -> bool:
    """Tell whether a text is a history: it writes out at least _HISTORY_MIN_YEARS years, and nearly all of
    them lie HISTORY_YEARS or more before the anchor (an encyclopedia's war article, not a news report
    with a background paragraph)."""
    years = [int(c.groups["year"]) for c in candidates if c.groups.get("year", "").isdigit()]
    if len(years) < _HISTORY_MIN_YEARS:
        return False
    if anchor is None:
        return True
    back = sum(1 for year in years if year <= anchor.year - HISTORY_YEARS)
    return back >= _HISTORY_SHARE * len(years)


def _explicit(candidate: Candidate) -> bool:
    """Tell whether a candidate wrote its year out ("In 1941", "6/4/2021"), so it needs no anchor."""
    return "year" in candidate.groups or candidate.rule.resolver in ("numeric", "spelled_year")


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


def _mention(text: str, candidate: Candidate, resolved: Resolved, anchor: Anchor, tense, sentence,
             told: Told | None) -> Mention:
    """Build the Mention of a resolved candidate; one resolved from the last date told names it as anchor."""
    timex_type = resolved.type or candidate.rule.type
    bounds = interval(resolved.value) if timex_type in ("DATE", "TIME") else None
    confidence = resolved.confidence
    if anchor.source == "inferred" and confidence < EXPLICIT:
        confidence *= INFERRED_CONFIDENCE
    return Mention(
        text=text[candidate.start:candidate.end], start=candidate.start, end=candidate.end,
        type=timex_type, value=resolved.value, granularity=resolved.granularity if timex_type in ("DATE", "TIME") else None,
        modifier=candidate.modifier, start_date=bounds[0] if bounds else None, end_date=bounds[1] if bounds else None,
        confidence=round(confidence, 2), anchor=told.as_anchor() if resolved.from_reference and told else anchor.as_dict(),
        tense=tense, sentence_start=sentence[0], sentence_end=sentence[1],
    )


def _join_times(text: str, mentions: list[Mention]) -> list[Mention]:
    """Merge a time of day with the day right next to it into one TIME ("10 p.m. Wednesday")."""
    joined: list[Mention] = []
    for mention in mentions:
        previous = joined[-1] if joined else None
        if previous and _joinable(text, previous, mention):
            # The day comes from the DATE ("the morning of 7 December"), or from a part of a day told with
            # its day ("10 p.m. ... Tuesday night"); the time of day from the other.
            if previous.type == "DATE" or mention.type != "DATE" and _PART.match(previous.value or ""):
                day, time = previous, mention
            else:
                day, time = mention, previous
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
    glue = _LOCAL_TIME.sub("", " ".join(text[first.end:second.start].split()))
    return glue in _TIME_DAY_GLUE and first.sentence_start == second.sentence_start
