"""Find a language's date expressions, have dateparser read them, and resolve them as Mentions."""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

import regex

from service import budget
from service.extraction.anchor import INFERRED_CONFIDENCE, Anchor, infer_anchor, published_day
from service.extraction.calendar_picks import pick, weekday_near
from service.extraction.locales.anchored import KINDS, UNIT_CODES
from service.extraction.locales.clock import amount, clock_of, duration_value, with_times
from service.extraction.locales.overrides import phrase_key
from service.extraction.locales.normalise import Reading, read, read_calendar, shifted, value_of
from service.extraction.locales.periods import period
from service.extraction.locales.tense import tense_of
from service.extraction.locales.vocabulary import Vocabulary, vocabulary
from service.extraction.mention import Mention
from service.extraction.named_days import named_day
from service.extraction.resolve import weekend
from service.extraction.resolution import GRANULARITY, Context, Resolved, calendar_day, shift_period
from service.extraction.resolve_anaphora import counted, step_from_told
from service.extraction.timex import interval, month_add
from service.extraction.told import GUESS, Told, paragraph_ends, retold

# Sentences end at . ! ? or the danda (।), before space, or at a line break.
_SENTENCE_END = regex.compile(r"(?<=[.!?।॥])[\"'»”’)\]]*\s+|\n\s*")
_SPACE = regex.compile(r"\s+")
_WORD = regex.compile(r"\w+")
# What a relative year may be joined to ("в апреле прошлого года", "le troisième trimestre de l'an dernier").
_IN_YEAR = ("month", "quarter", "half", "season")
# What may stand between a month and its relative year: space, or a short word such as "de", "del".
_MONTH_YEAR_GLUE = regex.compile(r"\s*(?:\w{1,3}\s+)?")
# A capitalised word next: the holiday's name is a person's first name ("Noël Mamère").
_NAME_NEXT = regex.compile(r"\s+\p{Lu}")
# What may stand between a relative day and the weekday it names ("mañana jueves", "demain, jeudi").
_BESIDE = regex.compile(r"\s*,?\s*")
EXPLICIT, PICKED, RELATIVE, UNRESOLVED = 0.95, 0.85, 0.8, 0.3
TWO_DIGIT_AHEAD = 20


@dataclass(frozen=True, slots=True)
class _Found:
    """Hold one matched expression: its extent, the groups the finder named, and its modifier."""

    start: int
    end: int
    groups: dict
    date_start: int  # the date itself, without the modifier phrase ("mars" of "début mars")
    date_end: int
    modifier: str | None = None


def supported(language: str | None) -> bool:
    """Tell whether dateparser has locale data for language (so this package can read it)."""
    return bool(language) and vocabulary(language) is not None


def extract_in(text: str, published: date | datetime | str | None, language: str) -> list[Mention]:
    """Return the temporal expressions of a text in language, sorted by start offset.

    As in English, a reference time moves with the text (service/extraction/told.py): the last date told,
    which "deux jours plus tard", "le lendemain" and, in a narrative ("En 1941 ... En décembre"), yearless
    dates hang on.
    """
    words = vocabulary(language)
    found = _find(words, text)
    day = published_day(published)
    anchor = Anchor(day, "published") if day else _inferred(words, text, found)
    sentences = _sentences(text)
    starts = [start for start, _ in sentences]
    paragraphs = paragraph_ends(text)
    mentions, clocks, joins_only, yearless = [], [], set(), set()
    told: Told | None = None
    for item in found:
        budget.check()
        sentence = sentences[max(bisect_right(starts, item.start) - 1, 0)]
        groups = item.groups
        counts = "counted_before" in groups or "counted_after" in groups or "told_phrase" in groups
        if not counts and {"unit", "hour", "clock_named", "part", "day_part"} & groups.keys():
            mention = _unanchored(words, text, item, anchor, sentence)
            if mention.type == "TIME" and not mention.start_date:  # its tense keeps it off a day ahead told before
                mention = replace(mention, tense=tense_of(language, text, sentence, item.start, item.end))
            # a duration, or a part of the day told from the publication day ("anoche"), is put on no other day
            (mentions if mention.type == "DURATION" or mention.value is None or mention.start_date else clocks).append(mention)
            if "day_part" in item.groups:
                joins_only.add(id(mention))
            continue
        tense = _beside_relative_day(text, mentions, item, anchor.day) or tense_of(
            language, text, sentence, item.start, item.end)
        paragraph = bisect_right(paragraphs, item.start)
        narrative = told.narrative_year(anchor.day, paragraph) if told and tense == "past" else None
        context = Context(anchor.day, tense, told.reference if told else None, tense, narrative, None,
                          bool(told and sentence[0] <= told.start))
        if counts:
            resolved = _counted(words, item.groups, context)
            if resolved is None:  # "en dos semanas" outside a future sentence: how long, not when
                mentions.append(_unanchored(words, text, _count_only(text, item), anchor, sentence))
                continue
        else:
            resolved = _resolve(words, text[item.date_start:item.date_end], item.groups, context)
        if resolved is None:
            continue
        mention = _mention(text, item, resolved, anchor, tense, sentence, told)
        if "day" in item.groups and "year" not in item.groups:
            yearless.add(id(mention))
        previous = mentions[-1] if mentions else None
        if previous and (joined := _with_year(text, previous, mention, yearless)):
            mentions[-1] = mention = joined
            resolved = Resolved(joined.value, joined.granularity, joined.confidence)
        else:
            mentions.append(mention)
        if mention.start_date is not None and resolved.confidence > GUESS:
            explicit = "year" in item.groups or "numeric" in item.groups
            told = retold(told, mention, resolved.from_reference, narrative, explicit,
                          bool(words.frame.fullmatch(text, sentence[0], mention.start)), paragraph)
    return with_times(words, text, mentions, clocks, joins_only)


def _beside_relative_day(text: str, mentions: list[Mention], item: _Found, anchor: date | None) -> str | None:
    """Return the direction a weekday right after a relative day points to: "mañana jueves", "demain jeudi",
    "morgen Donnerstag" (tomorrow, which is that weekday: future), "hier lundi" (past), "hoy miércoles"
    (today: present), or None for anything else."""
    previous = mentions[-1] if mentions else None
    if not (anchor and previous and previous.granularity == "day" and previous.value and item.groups.keys()
            & {"weekday"} and not item.groups.keys() & {"day", "month", "year"}
            and _BESIDE.fullmatch(text, previous.end, item.start) and not any(c.isdigit() for c in previous.text)):
        return None
    day = date.fromisoformat(previous.value)
    return "future" if day > anchor else "past" if day < anchor else "present"


def _mention(text: str, item: _Found, resolved: Resolved, anchor: Anchor, tense: str | None,
             sentence: tuple[int, int], told: Told | None) -> Mention:
    """Build the Mention of a resolved expression; one counted from the last date told names it as anchor."""
    confidence = resolved.confidence
    if anchor.source == "inferred" and confidence < EXPLICIT:
        confidence *= INFERRED_CONFIDENCE
    bounds = interval(resolved.value)
    return Mention(
        text=text[item.start:item.end], start=item.start, end=item.end, type="DATE", value=resolved.value,
        granularity=resolved.granularity, modifier=item.modifier, start_date=bounds[0] if bounds else None,
        end_date=bounds[1] if bounds else None, confidence=round(confidence, 2),
        anchor=told.as_anchor() if resolved.from_reference and told else anchor.as_dict(),
        tense=tense, sentence_start=sentence[0], sentence_end=sentence[1])


def _counted(words: Vocabulary, groups: dict, context: Context) -> Resolved | None:
    """Resolve a date counted from another: a fixed phrase ("le lendemain"), or a number and a unit with the
    words that say from where and which way ("deux jours plus tard", "dans 3 heures", "через две недели").

    None when the words make it a date only in a future sentence and this one is not ("en dos semanas").
    """
    if "told_phrase" in groups:
        step, unit, condition = words.anchored.phrases[phrase_key(groups["told_phrase"])]
        if condition == "in narrative" and not context.narrative() or condition == "if past" and context.tense != "past":
            # "в следующем году" outside a narrative: next year, from the publication date
            shifted = shift_period(context.anchor, unit, step) if context.anchor else None
            return Resolved(shifted[0], shifted[1], RELATIVE) if shifted else Resolved(None, GRANULARITY[unit], UNRESOLVED)
        return step_from_told(unit, step, context)
    kinds = [KINDS[table[phrase_key(groups[key])]] for key, table in
             (("counted_after", words.anchored.after), ("counted_before", words.anchored.before)) if key in groups]
    sign = next(sign for sign, _ in kinds if sign)
    bases = {base for _, base in kinds}
    base = "told" if "told" in bases else kinds[0][1]
    if base == "future" and context.tense != "future":
        return None
    number = amount(words, groups["amount"])
    unit = UNIT_CODES[words.unit_of[groups["unit"].lower()]]
    from_told = {"told": True, "past": context.tense == "past",
                 "sentence": context.told_in_sentence}.get(base, False)
    return counted(unit, number, sign, from_told, context)


def _count_only(text: str, item: _Found) -> _Found:
    """Return the number and unit of a counted expression alone ("dos semanas" of "en dos semanas")."""
    start = text.index(item.groups["amount"], item.start)
    end = text.index(item.groups["unit"], start) + len(item.groups["unit"])
    return _Found(start, end, item.groups, start, end)


def _unanchored(words: Vocabulary, text: str, item: _Found, anchor: Anchor, sentence: tuple[int, int]) -> Mention:
    """Return a duration ("trois jours": P3D), or a time of day still to be put on its day ("15 h": T15:00,
    "ce matin": TMO)."""
    clock = "unit" not in item.groups
    if "part" in item.groups or "day_part" in item.groups:
        part = phrase_key(item.groups.get("part") or item.groups["day_part"])
        code, _, shift = {**words.overrides.parts_of_day, **words.overrides.parts_after_day}[part].partition("-")
        value = "T" + code
        if shift:  # "ce matin", "la nuit dernière", "anoche": told from the publication day
            return _part_before(text, item, code, int(shift), anchor, sentence)
    else:
        value = "T" + clock_of(words, item.groups) if clock else duration_value(words, item.groups)
    return Mention(
        text=text[item.start:item.end], start=item.start, end=item.end, type="TIME" if clock else "DURATION",
        value=value, granularity="time" if clock else None, modifier=None, start_date=None, end_date=None,
        confidence=PICKED if clock else EXPLICIT, anchor=anchor.as_dict(), tense=None,
        sentence_start=sentence[0], sentence_end=sentence[1])


def _part_before(text: str, item: _Found, code: str, days: int, anchor: Anchor,
                 sentence: tuple[int, int]) -> Mention:
    """Return a part of the day told as days before the publication day ("anoche": its eve's night, TNI;
    "ce matin": 0 days, the publication day's morning, whatever day the text told last)."""
    day = anchor.day - timedelta(days=days) if anchor.day else None
    return Mention(
        text=text[item.start:item.end], start=item.start, end=item.end, type="TIME",
        value=f"{day.isoformat()}T{code}" if day else None, granularity="time", modifier=None, start_date=day,
        end_date=day, confidence=RELATIVE, anchor=anchor.as_dict(), tense="past" if days else None,
        sentence_start=sentence[0], sentence_end=sentence[1])


def _with_year(text: str, previous: Mention, mention: Mention, yearless: set) -> Mention | None:
    """Return a month, quarter, half or season, or a day and month, joined with the relative year right next to
    it ("в апреле прошлого года": 2020-04; "au troisième trimestre de l'année dernière": 2020-Q3; "le 3 mars
    de l'année dernière": 2020-03-03), or None when they are no such pair."""
    if previous.granularity != "year" and mention.granularity != "year":
        return None
    dated, year = (mention, previous) if previous.granularity == "year" else (previous, mention)
    if not (_bare(year, "year") and year.value and _MONTH_YEAR_GLUE.fullmatch(text, previous.end, mention.start)):
        return None
    if dated.granularity in _IN_YEAR and _bare(dated, dated.granularity):
        value = f"{year.value}-{dated.value[5:]}" if dated.value else None
    elif id(dated) in yearless and dated.granularity == "day":
        found = dated.value and calendar_day(int(year.value), int(dated.value[5:7]), int(dated.value[8:10]))
        value = found.isoformat() if found else None
    else:
        return None
    bounds = interval(value)
    return Mention(
        text=text[previous.start:mention.end], start=previous.start, end=mention.end, type="DATE", value=value,
        granularity=dated.granularity, modifier=previous.modifier or mention.modifier,
        start_date=bounds[0] if bounds else None, end_date=bounds[1] if bounds else None,
        confidence=min(previous.confidence, mention.confidence), anchor=year.anchor,
        tense=previous.tense, sentence_start=previous.sentence_start, sentence_end=previous.sentence_end)


def _bare(mention: Mention, granularity: str) -> bool:
    """Tell whether a mention of a granularity is written without digits ("avril", "l'année dernière")."""
    return mention.granularity == granularity and not any(c.isdigit() for c in mention.text)


def _find(words: Vocabulary, text: str) -> list[_Found]:
    """Return the expressions of text, left to right, not overlapping.

    The finder is tried only at words an expression can start with: scanning every character
    with hundreds of alternatives is what would make it slow.
    """
    found, taken = [], 0
    for word in _WORD.finditer(text):
        if word.start() < taken:
            continue
        match = None
        for pattern in words.patterns(word.group().lower()):
            budget.check()  # the article's time budget (service/budget.py), between matches
            if match := pattern.match(text, word.start()):
                break
        if match and _kept(words, text, match):
            groups = {k: v for k, v in match.groupdict().items() if v}
            # dateparser reads "1987 году" as 1987 years ago: it reads the date up to the year's digits only.
            date_end = match.end("year") if "year" in groups else match.end()
            found.append(_modified(words, text, _Found(match.start(), match.end(), groups, match.start(), date_end)))
            taken = found[-1].end
    return found


def _modified(words: Vocabulary, text: str, item: _Found) -> _Found:
    """Widen an expression over a modifier phrase next to it ("début mars": START) and record the modifier."""
    start, end, modifier = item.start, item.end, None
    if words.modifier_before and (found := words.modifier_before.search(text, max(0, start - 40), start)):
        start, modifier = found.start("mod"), words.overrides.modifiers[phrase_key(found.group("mod"))]
    if words.modifier_after and (found := words.modifier_after.match(text, end)):
        end, modifier = found.end("mod"), words.overrides.modifiers_after[phrase_key(found.group("mod"))]
    return _Found(start, end, item.groups, item.date_start, item.date_end, modifier)


def _kept(words: Vocabulary, text: str, match) -> bool:
    """Drop a match the overrides say is no date where it stands: after a word ("por la mañana": the
    morning) or before one ("ahora bien": "however")."""
    phrase = phrase_key(match.group())
    holiday = match.groupdict().get("holiday")
    if holiday and phrase_key(holiday) in words.overrides.holiday_first_names and _NAME_NEXT.match(text, match.end()):
        return False  # "Noël Mamère": a first name
    before = words.overrides.not_after.get(phrase)
    if before:
        previous = text[max(0, match.start() - 30):match.start()].split()
        if previous and previous[-1].lower() in before:
            return False
    after = words.overrides.not_before.get(phrase)
    if after:
        following = _WORD.search(text, match.end(), match.end() + 30)
        if following and following.group().lower() in after and not text[match.end():following.start()].strip():
            return False
    return True


def _sentences(text: str) -> list[tuple[int, int]]:
    """Return the (start, end) spans of text's sentences."""
    spans, start = [], 0
    for boundary in _SENTENCE_END.finditer(text):
        spans.append((start, boundary.start()))
        start = boundary.end()
    spans.append((start, len(text)))
    return spans


def _inferred(words: Vocabulary, text: str, found: list[_Found]) -> Anchor:
    """Return the anchor an explicit full date near the top gives, when there is no publication date."""
    full = []
    for item in found:
        if "numeric" in item.groups or {"day", "month", "year"} <= item.groups.keys():
            reading = read_calendar(words.language, _prepared(words, text[item.date_start:item.date_end], item.groups))
            if reading and reading.period == "day":
                full.append((item.start, reading.day.isoformat()))
    return infer_anchor(full)


def _prepared(words: Vocabulary, span: str, groups: dict) -> str:
    """Return the span as dateparser should read it: overrides' rewrites, numbers and ordinals applied."""
    span = _SPACE.sub(" ", span.replace("’", "'")).strip()
    rewrite = words.overrides.rewrite.get(span.lower())
    if rewrite:
        return rewrite
    number = groups.get("number")
    if number and number.lower() in words.numbers:
        span = regex.sub(r"(?<!\w)%s(?!\w)" % regex.escape(number), str(words.numbers[number.lower()]), span,
                         count=1, flags=regex.I)
    if words.inflections:
        span = words.inflections.sub(lambda m: words.replacements[m.group().lower()], span)
    if words.overrides.ordinal and "day" in groups:
        span = regex.sub(r"(\d)(?:%s)" % words.overrides.ordinal, r"\1", span, count=1)
    return span


def _resolve(words: Vocabulary, span: str, groups: dict, context: Context) -> Resolved | None:
    """Resolve one expression, or None when dateparser cannot read it."""
    anchor, tense = context.anchor, context.tense
    if "dom" in groups:
        return _day_of_month(words, groups["dom"], anchor, tense)
    if "season" in groups:
        code = words.overrides.seasons[phrase_key(groups["season"])]
        if "year" in groups:  # "à l'automne 1995", "летом 1943 года": that year's season
            return Resolved(f"{int(groups['year']):04d}-{code}", "season", EXPLICIT)
        return _season(code, anchor, tense)
    if "holiday" in groups:  # the English machinery: holidays.tsv and the holidays library, this language's names
        key = words.overrides.holidays[phrase_key(groups["holiday"])]
        return named_day(key, groups, replace(context, country=words.overrides.holiday_country or None))
    if "weekend" in groups:  # as in English: "last", "this", "next", or the tense's ("el fin de semana")
        direction = words.overrides.weekends[phrase_key(groups["weekend"])]
        return weekend({"direction": direction} if direction else {}, context)
    if found := period(words.overrides, groups, anchor, tense):
        return Resolved(*found)
    prepared = _prepared(words, span, groups)
    reading = read(words.language, prepared, "relative") if "relative" in groups else read_calendar(words.language, prepared)
    if reading is None:
        return None
    if "year" in groups or "numeric" in groups:
        return Resolved(value_of(_century(reading.day, groups, anchor), reading.period), reading.period, EXPLICIT)
    if "relative" in groups:
        return _relative(words, span, reading, anchor, tense) if anchor else Resolved(None, reading.period, UNRESOLVED)
    if "day" in groups or "month" in groups:
        # In a narrative ("En 1941 ... En décembre"), the year it tells, as in English.
        narrative = context.narrative()
        if narrative and "day" not in groups:
            return Resolved(f"{narrative:04d}-{reading.day.month:02d}", "month", 0.75, from_reference=True)
        if narrative and (found := calendar_day(narrative, reading.day.month, reading.day.day)):
            return Resolved(found.isoformat(), "day", 0.75, from_reference=True)
    if anchor is None:
        return Resolved(None, reading.period, UNRESOLVED)
    if "day" in groups:
        return _day_month(reading, groups, words, anchor, tense)
    if "month" in groups:
        readings = [(start, _month_end(start), start)
                    for start in (date(year, reading.day.month, 1) for year in range(anchor.year - 1, anchor.year + 2))]
        chosen = pick(readings, anchor, tense)
        return Resolved(value_of(chosen, "month"), "month", PICKED)
    if "weekday" in groups:
        return Resolved(weekday_near(anchor, reading.day.isoweekday(), 0, tense).isoformat(), "day", PICKED)
    return None


def _century(day: date, groups: dict, anchor: date | None) -> date:
    """Put a two-digit year ("12/05/45") no further than TWO_DIGIT_AHEAD years after the anchor.

    dateparser puts 00-68 in the 2000s whatever the text's date: an archive article of 1990 that
    writes 12/05/45 means 1945.
    """
    numeric = groups.get("numeric", "")
    if anchor is None or not regex.search(r"[./-]\d\d$", numeric) or day.year <= anchor.year + TWO_DIGIT_AHEAD:
        return day
    return day.replace(year=day.year - 100)


def _relative(words: Vocabulary, span: str, reading: Reading, anchor: date, tense: str | None):
    """Resolve a relative expression by its shift from dateparser's base, applied to the anchor."""
    shift = reading.shift()
    if phrase_key(span) in words.overrides.either_way:
        shift = abs(shift) if tense == "future" else -abs(shift)  # one word for yesterday and tomorrow
    value, _ = shifted(anchor, reading.period, shift)
    return Resolved(value, reading.period, RELATIVE)


def _day_month(reading: Reading, groups: dict, words: Vocabulary, anchor: date, tense: str | None):
    """Resolve a day and month without a year: the reading the tense points to, nearest otherwise."""
    readings = []
    for year in range(anchor.year - 1, anchor.year + 2):
        try:
            day = date(year, reading.day.month, reading.day.day)
        except ValueError:  # 29 February out of a leap year
            continue
        readings.append((day, day, day))
    weekday = words.weekday_of.get(groups.get("weekday", "").lower().rstrip("."))
    if weekday and any(r[0].isoweekday() == weekday for r in readings):
        readings = [r for r in readings if r[0].isoweekday() == weekday]
    if not readings:
        return None
    return Resolved(pick(readings, anchor, tense).isoformat(), "day", PICKED)


def _season(code: str, anchor: date | None, tense: str | None):
    """Resolve a season (SP, SU, FA, WI) to the year the tense points to, else the nearest."""
    if anchor is None:
        return Resolved(None, "season", UNRESOLVED)
    readings = [(*interval(f"{year:04d}-{code}"), f"{year:04d}-{code}") for year in range(anchor.year - 1, anchor.year + 2)]
    return Resolved(pick(readings, anchor, tense), "season", PICKED)


def _day_of_month(words: Vocabulary, number: str, anchor: date | None, tense: str | None):
    """Resolve a day of the month alone ("6-го числа"): that day in the month the tense points to."""
    reading = read(words.language, str(int(number)))  # dateparser: that day of its base month
    if reading is None:
        return None
    if anchor is None:
        return Resolved(None, "day", UNRESOLVED)
    readings = []
    for shift in (-1, 0, 1):
        year, month = month_add(anchor.year, anchor.month, shift)
        try:
            day = date(year, month, reading.day.day)
        except ValueError:  # the 31st of a short month
            continue
        readings.append((day, day, day))
    return Resolved(pick(readings, anchor, tense).isoformat(), "day", PICKED)


def _month_end(start: date) -> date:
    """Return the last day of start's month."""
    return interval(value_of(start, "month"))[1]
