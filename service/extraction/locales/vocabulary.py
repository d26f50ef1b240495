"""Generate a language's finder pattern from dateparser's locale data and the language's overrides."""
from __future__ import annotations

import importlib
import unicodedata
from dataclasses import dataclass, field
from functools import cache

import regex

from service.extraction.locales.anchored import Anchored, anchored
from service.extraction.locales.overrides import Overrides, overrides

MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december")
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# dateparser's relative keys ("1 week ago", "in \\1 month") in the units an event date is told in.
_UNITS = ("day", "week", "month", "year")
# The units of a duration, as dateparser's data names them, and their TIMEX3 designators (P3D, PT2H).
DURATION_UNITS = {"year": "Y", "month": "M", "week": "W", "day": "D", "hour": "H", "minute": "M"}
_NUMBER = r"(\d++[.,]?\d*+)"
_LANGUAGE = regex.compile(r"^[a-z]{2,3}$")
_B, _E = r"(?<![\w])", r"(?![\w])"
# A short form (an abbreviation such as "mar", "so", "jeu") is a date only beside a number.
_SHORT = 4


_TOKEN = regex.compile(r"\w+")
# A Roman numeral, maybe with an ordinal ending ("xxe", "xixème", "iii"), as the finder sees a word.
_ROMAN_START = regex.compile(r"[ivx]+[^\W\d]{0,3}$")
# How many words' patterns a vocabulary keeps (a word is a few dozen bytes).
_PLANS = 50_000
_ROMAN = r"(?-i:(?P<roman>(?=[IVX])X{0,2}(?:IX|IV|V?I{0,3})))"


@dataclass(frozen=True)
class Vocabulary:
    """Hold a language's compiled finder and the lookups its matches are read with."""

    language: str
    pattern: regex.Pattern
    month_of: dict
    weekday_of: dict
    relative_of: dict  # phrase (lower case) -> dateparser key such as "1 week ago"
    numbers: dict  # number word -> value, from the overrides
    overrides: Overrides
    triggers: frozenset | None  # words an expression can start with (None: try every word)
    number_word: regex.Pattern  # a word that is a number ("trois", "двух")
    replacements: dict  # word the data lacks -> the form dateparser reads (the overrides' words, nukta-less spellings)
    inflections: regex.Pattern | None  # finds those words in a span, to be replaced before dateparser reads
    modifier_before: regex.Pattern | None  # a modifier phrase ending right before a date ("début", "в конце")
    modifier_after: regex.Pattern | None  # one right after it ("के अंत में")
    unit_of: dict  # duration unit word (lower case) -> dateparser's unit name ("semaines" -> "week")
    pm: frozenset  # words after a clock time that put it after noon ("pm", "пп")
    glue: regex.Pattern  # what may stand between a day and its time of day ("à", "a las", "um", ",")
    anchored: Anchored  # words that count a date from another ("plus tard", "dans", "le lendemain")
    frame: regex.Pattern  # what may open a sentence before a date that frames what follows ("En 1941, ...")
    # The phrases and counts that open with a word ("le lendemain", "dans deux semaines", "через два дня"),
    # tried before the finder at their own first words only: most are common words ("le", "am", "в").
    counted: regex.Pattern | None
    counted_triggers: frozenset
    periods: regex.Pattern | None  # decades, centuries, quarters, halves, hours in words ("années 1990")
    period_starts: frozenset  # the words they start with, besides numbers
    roman: bool  # whether a Roman numeral may start a period ("XXe siècle", "III квартал")
    references: regex.Pattern | None  # the vague references ("actuellement": PRESENT_REF)
    reference_starts: frozenset  # the words they start with

    plans: dict = field(default_factory=dict, compare=False)  # word -> its patterns, as patterns() found them

    def patterns(self, word: str) -> tuple:
        """Return the patterns to try, in turn, at this word (lower case): the counts and phrases that open with
        a word ("через 2 дня" may count from the date last told, where dateparser's own pattern would count from
        the publication date), the periods', the finder's and the references', each only where an expression
        of its own may start.

        News repeats its words: each word's answer is kept, up to _PLANS words.
        """
        plan = self.plans.get(word)
        if plan is None:
            if len(self.plans) >= _PLANS:
                self.plans.clear()
            plan = self.plans[word] = self._patterns(word)
        return plan

    def _patterns(self, word: str) -> tuple:
        """Work out patterns() for a word."""
        number = word[0].isdigit() or bool(self.number_word.fullmatch(word))
        counted = self.counted is not None and word in self.counted_triggers
        period = self.periods is not None and (number or word in self.period_starts or (
            self.roman and bool(_ROMAN_START.match(word))))
        main = self.triggers is None or number or word in self.triggers
        reference = word in self.reference_starts
        return tuple(pattern for pattern, tried in ((self.counted, counted), (self.periods, period),
                                                    (self.pattern, main), (self.references, reference)) if tried)


def locale_info(language: str) -> dict | None:
    """Return dateparser's locale data for an ISO 639 code, or None when it has none."""
    if not _LANGUAGE.match(language or ""):
        return None
    try:
        return importlib.import_module(f"dateparser.data.date_translation_data.{language}").info
    except ModuleNotFoundError:
        return None


@cache
def vocabulary(language: str) -> Vocabulary | None:
    """Return the compiled vocabulary of a language (built once, on first use), or None."""
    info = locale_info(language)
    if info is None:
        return None
    extra = overrides(language)
    marks = anchored(language)
    month_of = _forms(info, MONTHS)
    weekday_of = _forms(info, WEEKDAYS)
    replacements = {**_without_nukta([*month_of, *weekday_of]), **extra.words}
    for word, form in replacements.items():  # inflections the locale data lacks ("в апреле"), other spellings
        for table in (month_of, weekday_of):
            if form in table:
                table[word] = table[form]
    relative_of = {" ".join(p.lower().split()): key for key, phrases in info.get("relative-type", {}).items()
                   if _unit(key) for p in phrases}
    relative_of.update({phrase: "override" for phrase in (*extra.rewrite, *extra.phrases)})
    numbers = _number_words(info, extra)
    relative = _relative_patterns(info, numbers)
    # A one-letter unit ("h", "j") is left out: "15 h" is a clock time, "3 j" rare.
    unit_of = {w.lower(): unit for unit in DURATION_UNITS for w in info.get(unit, []) if regex.fullmatch(r"\w\w+", w)}
    unit_of.update({w: unit for w, unit in marks.units.items() if unit in DURATION_UNITS})
    clock = _clock(info, extra, unit_of)
    counted_after, counted_before = _counted(marks, numbers, unit_of, extra)
    # Periods and hours in words are tried first ("années 1990" is a decade, not the year 1990; "शाम 5 बजे"
    # one time), with a pattern of their own, at their own first words only.
    first = _periods(info, extra) + _clock_words(info, extra, unit_of)
    periods = regex.compile("|".join(_B + "(?:%s)" % alternative + _E for alternative in first), regex.I | regex.V0) \
        if first else None
    period_starts = {_first_word(form) for form in (
        *extra.decade_before, *extra.decade_names, *extra.century_before, *extra.century_names, *extra.ordinals,
        *extra.period_shifts, *extra.weekends, *extra.holidays,
        *extra.clock_named, *extra.clock_parts_before,
        *(n + a for n in extra.decade_names for a in extra.decade_names_after))}  # "Neunzigerjahre"
    pattern = regex.compile("|".join(_alternatives(info, extra, month_of, weekday_of, relative_of, relative,
                                                   counted_after, unit_of)
                                     + [_B + "(?:%s)" % alternative + _E for alternative in clock]
                                     + [_B + _duration(extra, numbers, unit_of) + _E]),
                            regex.I | regex.V0)
    # The vague references ("actuellement", "à présent") have a pattern of their own, tried only at their
    # first words: "à", "en", "de" would otherwise send most words of a text through the whole finder.
    references = regex.compile(_B + "(?P<reference>%s)" % _phrases(extra.references) + _E, regex.I) \
        if extra.references else None
    triggers = {_first_word(form) for form in (*month_of, *weekday_of, *relative_of, *extra.day_before,
                                               *extra.seasons, *extra.parts_of_day, *extra.parts_after_day,
                                               *extra.year_after_modifier)}
    for source in relative:
        if source[:1].isalpha():
            triggers.add(_first_word(source))
        elif not source.startswith("(?P<number>"):
            triggers = None  # a pattern that opens otherwise: try it at every word
            break
    inflections = regex.compile(r"(?<!\w)(?:%s)(?!\w)" % "|".join(map(regex.escape, replacements)),
                                regex.I) if replacements else None
    # A modifier, then maybe an article ("fin des années 1990", "Ende der 1990er Jahre"), then the date.
    glue = r"(?:\s+%s)?" % _words(extra.modifier_glue) if extra.modifier_glue else ""
    before = regex.compile(r"(?<!\w)(?P<mod>%s)%s(?:\s+|-)$" % (_words(extra.modifiers), glue), regex.I) \
        if extra.modifiers else None
    after = regex.compile(r"\s+(?P<mod>%s)(?!\w)" % _words(extra.modifiers_after), regex.I) \
        if extra.modifiers_after else None
    # dateparser skips these words between a date's parts ("6 avril à 15 h", "6 de abril a las 15:00").
    skip = [w for w in info.get("skip", []) if w.strip() and w[0].isalpha()]
    glue = regex.compile(r"(?:\s*,)?(?:\s+(?:%s))*\s*" % _words([*skip, *extra.clock_before]), regex.I)
    pm = frozenset(w.lower() for w in info.get("pm", []))
    # A date opens its sentence when nothing but such words stand before it ("En 1941", "В 1941 году").
    frame = regex.compile(r"\s*(?:%s\s+)?" % _words([*info.get("in", []), *skip, *marks.frame_before]), regex.I)
    return Vocabulary(language, pattern, month_of, weekday_of, relative_of, extra.numbers, extra,
                      frozenset(triggers) if triggers is not None else None,
                      regex.compile(numbers, regex.I), replacements, inflections, before, after, unit_of, pm, glue,
                      marks, frame,
                      regex.compile("|".join(_B + "(?:%s)" % a + _E for a in counted_before), regex.I | regex.V0)
                      if counted_before else None,
                      frozenset(_first_word(form) for form in (*marks.before, *marks.phrases)),
                      periods, frozenset(period_starts),
                      bool(extra.century_before or extra.century_after or extra.quarters or extra.halves),
                      references, frozenset(_first_word(phrase) for phrase in extra.references))


def _without_nukta(forms) -> dict:
    """Map the spelling without nukta of each Devanagari form that has one to the form ("फरवरी" -> "फ़रवरी").

    Hindi news writes both; dateparser's data has only the dotted one.
    """
    variants = {}
    for form in forms:
        plain = unicodedata.normalize("NFC", unicodedata.normalize("NFD", form).replace("\u093c", ""))
        if plain != form:
            variants[plain] = form
    return variants


def _first_word(source: str) -> str:
    """Return the first word of a form or pattern, in lower case."""
    word = _TOKEN.search(source)
    return word.group().lower() if word else ""


def _relative_patterns(info: dict, numbers: str) -> list[str]:
    """Return dateparser's relative patterns in event-date units, number words accepted, longest first."""
    relative = []
    for key, patterns in info.get("relative-type-regex", {}).items():
        if _unit(key):
            relative += [p.replace(_NUMBER, r"(?P<number>\d+|%s)" % numbers).replace(" ", r"\s+") for p in patterns]
    return sorted(relative, key=len, reverse=True)


def _unit(key: str) -> str | None:
    """Return the unit of a dateparser relative key when it is one an event date uses."""
    return next((word for word in key.split() if word in _UNITS), None)


def _forms(info: dict, names: tuple[str, ...]) -> dict:
    """Map every written form (lower case, no dot) of months or weekdays to its number (1-based)."""
    return {form.lower().rstrip("."): number for number, name in enumerate(names, start=1)
            for form in info.get(name, [])}


def _full(forms: dict, extra: Overrides) -> list[str]:
    """Return the forms that may stand alone: the longest of each name and any over the short length."""
    longest = {}
    for form, number in forms.items():
        if len(form) > len(longest.get(number, "")):
            longest[number] = form
    return [f for f, n in forms.items()
            if (f == longest[n] or len(f) > _SHORT or f in extra.words) and f not in extra.needs_number]


def _alternation(forms, extra: Overrides) -> str:
    """Return a regex alternation of forms, longest first; case-sensitive forms keep their case."""
    parts = []
    for form in sorted(set(forms), key=len, reverse=True):
        body = _literal(form)
        sensitive = next((c for c in extra.case_sensitive if c.lower() == form), None)
        parts.append(_case_kept(sensitive) if sensitive else body)
    return "(?:%s)" % "|".join(parts) if parts else "(?!)"


def _case_kept(form: str) -> str:
    """Return the pattern of a word that means a date only in its own case ("morgen": tomorrow; "Morgen": the
    morning). A sentence capitalises its first word, so there the capital also counts, when a lower-case word
    (a verb) or a comma follows ("Morgen beginnt der Prozess", "Morgen, Donnerstag, ..."); the noun keeps its
    article there ("Der Morgen war kalt")."""
    word = regex.escape(form)
    if form != form.lower():
        return "(?-i:%s)" % word
    opening = regex.escape(form[0].upper()) + regex.escape(form[1:])
    return r"(?-i:%s|(?<=(?:^|[.!?]\s+|\n\s*))%s(?=,|\s+\p{Ll}))" % (word, opening)


def _words(words) -> str:
    """Return an alternation of plain words (escaped, longest first)."""
    words = sorted({w.lower() for w in words if w and w.strip() and w[0].isalpha()}, key=len, reverse=True)
    return "(?:%s)" % "|".join(map(_literal, words)) if words else "(?!)"


def _literal(phrase: str) -> str:
    """Return the pattern of a phrase as written: any run of space between its words, and either apostrophe
    where it has one, since news writes "l'été" and "l’été" alike (the tables key both as phrase_key does)."""
    return regex.escape(phrase).replace(r"\ ", r"\s+").replace("'", "['’]")


def _alternatives(info: dict, extra: Overrides, month_of: dict, weekday_of: dict, relative_of: dict,
                  relative: list[str], counted: list[str], unit_of: dict) -> list[str]:
    """Return the finder's alternatives, most specific first (the first that matches at a place wins)."""
    month_full = _alternation(_full(month_of, extra), extra)
    # An abbreviation's dot belongs to the date only before the year ("janv. 2021"): else it may end the sentence.
    month_any = r"(?:%s|%s(?:\.(?=\s*\d))?)" % (month_full, _alternation(month_of, extra))
    weekday = _alternation(_full(weekday_of, extra), extra)
    ordinal = "(?:%s)?" % extra.ordinal if extra.ordinal else ""
    day = r"(?P<day>\d{1,2})(?!\d)" + ordinal
    year_words = _words([w for w in info.get("year", []) if len(w) > 1])
    year = r"(?P<year>\d{4})(?!\d)(?:\s+%s%s)?" % (year_words, _E)
    join = r"(?:\s*,\s*|\s+%s\s+|\s+)" % _words(info.get("pertain") or [])
    # A modifier introduces a year too ("Ende 2019"), with its article if any ("a finales del 2019").
    modified = [*extra.modifiers, *(m + " " + g for m in extra.modifiers for g in extra.modifier_glue)]
    before_year = _words(list(info.get("in", [])) + list(info.get("pertain") or []) + list(extra.year_before)
                         + modified)
    with_weekday = r"(?:(?P<weekday>%s)\s*,?\s*)?" % weekday
    found = [
        with_weekday + day + join + r"(?P<month>%s)(?:%s%s)?" % (month_any, join, year),
        r"(?P<month>%s)%s%s" % (month_any, join, year),
        r"(?P<numeric>\d{4}-\d\d-\d\d|\d{1,2}(?P<sep>[./-])\d{1,2}(?P=sep)(?:\d{4}|\d\d))(?![\d./-]\d)",
    ]
    if info.get("date_order", "").startswith("M"):
        found.insert(1, with_weekday + r"(?P<month>%s)\s+%s(?:\s*,\s*%s)?" % (month_any, day, year))
    found += counted  # before dateparser's relative patterns, as "2 дня спустя" is no "2 дня" duration
    found.append(r"(?P<relative>%s)" % "|".join(relative + [_alternation(relative_of, extra)]))
    # dateparser has no parts of the day: "ce matin", "esta mañana"; "soir" of "hier soir" only after a day.
    # After the relative phrases, so that "morgen" stays tomorrow.
    if extra.parts_of_day:
        found.append(r"(?P<part>%s)" % _words(extra.parts_of_day))
    if extra.parts_after_day:
        found.append(r"(?P<day_part>%s)" % _words(extra.parts_after_day))
    if extra.day_after:  # "6-го числа", "6 तारीख": the 6th of a month near the publication date
        found.append(r"(?P<dom>\d{1,2})(?!\d)%s\s+%s" % (ordinal, _words(extra.day_after)))
    if extra.day_before:  # "el día 6"
        found.append(r"%s\s+(?P<dom>\d{1,2})(?!\d)(?!%s%s)" % (_words(extra.day_before), join, month_any))
    if extra.seasons:  # dateparser has no seasons: "летом", "cet été"; with its year: "el verano de 2007"
        found.append(r"(?P<season>%s)(?:\s+(?:\w{1,3}\s+)?%s)?" % (_alternation(extra.seasons, extra), year))
    found += [r"(?P<weekday>%s)" % weekday,
              r"(?P<month>%s)" % month_full,
              # (a digit first: the long look-behind is tried only where a year may stand)
              r"(?=\d{4})(?<=%s%s\s+)%s" % (_B, before_year, year),
              r"(?P<year>\d{4})(?!\d)\s+%s" % year_words,
              r"(?P<year>\d{4})(?=\s+%s%s)" % (_words(extra.year_after), _E),
              # A year that closes a clause ("depuis 2014,"); a number before a noun is a count.
              r"(?P<year>(?:1[89]|20)\d\d)(?=\s*[,.;:!?)»”।]|\s*$)"]
    not_count = _not_count(extra, unit_of)
    if extra.year_range_join:  # a range of years ("entre 1995 et 1999", "zwischen 2011 und 2015"), not of counts
        join, range_year = _words(extra.year_range_join), r"(?:1[89]|20)\d\d(?!\d)"
        if extra.year_range_before:
            found.append(r"(?=\d{4})(?<=%s%s\s+)(?P<year>%s)(?=\s+%s\s+%s%s)"
                         % (_B, _words(extra.year_range_before), range_year, join, range_year, not_count))
        found.append(r"(?=\d{4})(?<=%s(?:1[89]|20)\d\d\s+%s\s+)(?P<year>%s)%s"
                     % (_B, join, range_year, not_count))
    if extra.bare_years:  # as in English, any year of 1800-2099 that counts nothing ("Sie war 1997 knapp gescheitert")
        found.append(r"(?P<year>(?:1[89]|20)\d\d)(?![\d.,]\d)%s" % not_count)
    if extra.modifiers and extra.year_after_modifier:  # "fin de l'année", "Ende des Jahres": the anchor's year
        year_word = _phrases(extra.year_after_modifier)
        found.append(r"(?=%s)(?<=%s%s\s+)(?P<this_year>%s)(?!\s*(?:\w{1,3}\s+)?\d)"
                     % (year_word, _B, _words(modified), year_word))
    return [_B + "(?:%s)" % alternative + _E for alternative in found]


def _not_count(extra: Overrides, unit_of: dict) -> str:
    """Return a lookahead refusing a number that counts something ("2000 euros", "1500 Menschen", "2000 jours"):
    a count word or a duration unit after it, a percent sign, or, where nouns are capitalised, a noun."""
    words = _words([*extra.count_words, *unit_of])
    capital = r"|\s+(?-i:\p{Lu})" if extra.counts_capitalised else ""
    return r"(?!\s*(?:%%|%s%s)%s)" % (words, _E, capital)


def _clock(info: dict, extra: Overrides, unit_of: dict) -> list[str]:
    """Return the finder's clock times: "15:30", "15 h 30", "15.30 Uhr", "à 15 heures"; am/pm from the data.

    A number and an hour word is a time of day only after a word that says "at" ("à 15 heures"):
    otherwise it is a duration ("pendant 15 heures").
    """
    hour, minute = r"(?P<hour>[01]?\d|2[0-3])", r"(?P<minute>[0-5]\d)(?![\d.,:/-]\d)"
    hour_words = _words([w for w, unit in unit_of.items() if unit == "hour"])
    after = _words(extra.clock_after)
    # Only the data's words for "pm" change a value; its "am" is also a German word ("am Dienstag").
    half_day = r"(?:\s*(?P<half>%s)%s)?" % (_words(info.get("pm", [])), _E)
    found = [hour + r"\s*:\s*" + minute + r"(?:\s*(?:%s|%s)%s)?" % (hour_words, after, _E) + half_day,
             hour + r"(?:\s*[.:]\s*" + minute + r")?\s+" + after + half_day,
             hour + r"\s*(?P<half>%s)%s" % (_words(info.get("pm", [])), _E)]
    if "h" in (w.lower() for w in info.get("hour", [])):  # "15h30", "15 h"
        found.append(hour + r"\s*h(?:\s*" + minute + r"|(?!\w))")
    if extra.clock_before:
        found.append(r"(?<=%s%s\s+)" % (_B, _words(extra.clock_before)) + hour
                     + r"(?:\s*[.:h]\s*%s)?\s*%s" % (minute, hour_words) + half_day + _not_clock_after(extra))
        found.append(r"(?<=%s%s\s+)" % (_B, _words(extra.clock_before)) + hour + r"\s*[.]\s*" + minute + half_day)
    return found


def _counted(marks: Anchored, numbers: str, unit_of: dict, extra: Overrides) -> tuple[list[str], list[str]]:
    """Return the dates counted from another: those that open with a number ("deux jours plus tard"), and
    those that open with a word: a word before a number and a unit ("dans deux semaines", "через два дня")
    and the fixed phrases ("le lendemain", "am Vortag")."""
    with_word, with_number = [], []
    if marks.phrases:
        with_word.append(r"(?P<told_phrase>%s)" % _alternation(marks.phrases, extra))
    count = r"(?P<amount>\d{1,3}(?!\d)|%s)\s+(?P<unit>%s)%s" % (numbers, _words(unit_of), _E)
    after = r"\s+(?P<counted_after>%s)%s" % (_alternation(marks.after, extra), _E)
    if marks.before:
        with_word.append(r"(?P<counted_before>%s)\s+%s(?:%s)?" % (_alternation(marks.before, extra), count, after))
    if marks.after:
        with_number.append(count + after)
    return with_number, with_word


def _duration(extra: Overrides, numbers: str, unit_of: dict) -> str:
    """Return the finder's duration: a number (digits or a number word) and a unit ("trois jours", "2 Wochen").

    A duration followed by a word that makes it a date counted from another ("deux jours plus tard") is none.
    """
    not_after = r"(?!\s+%s%s)" % (_words(extra.not_duration_after), _E) if extra.not_duration_after else ""
    return r"(?P<amount>\d{1,3}(?:[.,]\d+)?(?!\d)|%s)\s+(?P<unit>%s)%s%s" % (numbers, _words(unit_of), _E, not_after)


def _number_words(info: dict, extra: Overrides) -> str:
    """Return an alternation of number words: dateparser's simplifications to digits, and the overrides'."""
    words = [regex.sub(r"\((?!\?)", "(?:", key) for item in info.get("simplifications", []) or []
             for key, value in item.items() if str(value).isdigit() and regex.fullmatch(r"[\w()|]+", key)]
    words += [regex.escape(w) for w in extra.numbers]
    return "(?:%s)" % "|".join(sorted(set(words), key=len, reverse=True)) if words else "(?!)"


def _phrases(phrases) -> str:
    """Return an alternation of phrases that may start or end with a sign ("-е годы"), longest first."""
    parts = sorted({" ".join(p.lower().split()) for p in phrases if p.strip()}, key=len, reverse=True)
    return "(?:%s)" % "|".join(map(_literal, parts)) if parts else "(?!)"


def _periods(info: dict, extra: Overrides) -> list[str]:
    """Return the finder's decades, centuries, quarters and halves, from the periods file's words.

    "années 1990", "1990er Jahre", "1990-е годы", "los años noventa" (decades); "XXe siècle", "siglo XIX",
    "20. Jahrhundert", "20वीं सदी" (centuries); "troisième trimestre 2020", "im ersten Halbjahr", "III
    квартале" (quarters and halves; without a year, in the year the tense points to).
    """
    found = []
    # Two digits name the decades of the 1920s to the 1990s ("années 90"): "10-е" is rather "10th".
    decade = r"(?:(?P<decade>1\d\d0|20\d0)|(?P<decade2>[2-9]0))(?!\d)"
    name = r"(?P<decade_name>%s)" % _phrases(extra.decade_names)
    name_after = r"(?:\s*-?\s*%s)" % _phrases(extra.decade_names_after) if extra.decade_names_after else ""
    if "" in extra.decade_names_after:  # a name that is a decade by itself ("в девяностые")
        name_after += "?"
    if extra.decade_before:
        found.append(r"%s\s+(?:%s|%s%s?)" % (_words(extra.decade_before), decade, name, name_after))
    if extra.decade_after:
        found.append(r"%s\s*%s" % (decade, _phrases(extra.decade_after)))
    if extra.decade_names and name_after:
        found.append(name + name_after)
    ordinal = "(?:%s)?" % extra.century_ordinal if extra.century_ordinal else ""
    century = r"(?:%s|(?P<century>\d{1,2}))%s" % (_ROMAN, ordinal)
    if extra.century_before:
        found.append(r"%s\s+%s" % (_words(extra.century_before), century))
    if extra.century_after:
        named = r"(?P<century_name>%s)" % _phrases(extra.century_names) if extra.century_names else "(?!)"
        found.append(r"(?:%s|%s)\s+%s" % (century, named, _phrases(extra.century_after)))
    if extra.period_shifts:  # "le trimestre dernier", "в прошлом квартале": from the anchor's quarter or half
        glue = r"(?:\s+%s)?" % _words(extra.period_year_glue) if extra.period_year_glue else ""
        found.append(r"(?P<period_shift>%s)(?!%s\s+\d)" % (_phrases(extra.period_shifts), glue))
    if extra.holidays:  # "Noël", "Pâques 2020", "Weihnachten", "दिवाली"
        year_words = _words([w for w in info.get("year", []) if len(w) > 1])
        found.append(r"(?P<holiday>%s)(?:\s*,?\s+(?:\w{1,3}\s+)?(?P<year>(?:1[6-9]|20)\d\d)(?!\d)(?:\s+%s%s)?)?"
                     % (_phrases(extra.holidays), year_words, _E))
    if extra.weekends:  # "le week-end dernier", "este fin de semana", "в выходные"
        found.append(r"(?P<weekend>%s)" % _phrases(extra.weekends))
    if extra.quarters or extra.halves:
        number = r"(?:(?P<ordinal>%s)|(?-i:(?P<roman>I{1,3}|IV))|(?P<period_number>[1-4])(?:%s)?)" % (
            _phrases(extra.ordinals), extra.ordinal or extra.century_ordinal or "(?!)")
        unit = r"(?:(?P<quarter>%s)|(?P<half>%s))" % (_phrases(extra.quarters), _phrases(extra.halves))
        year_words = _words([w for w in info.get("year", []) if len(w) > 1])
        glue = r"(?:\s+%s)?" % _words(extra.period_year_glue) if extra.period_year_glue else ""
        found.append(r"%s\s+%s(?:%s\s+(?P<period_year>\d{4})(?!\d)(?:\s+%s%s)?)?"
                     % (number, unit, glue, year_words, _E))
        if extra.year_period_glue:  # "2020 की तीसरी तिमाही"
            found.append(r"(?P<period_year>\d{4})\s+%s\s+%s\s+%s" % (_words(extra.year_period_glue), number, unit))
    return found


def _clock_words(info: dict, extra: Overrides, unit_of: dict) -> list[str]:
    """Return the finder's hours in words and hours with a part of the day.

    "à trois heures de l'après-midi", "a las diez de la mañana", "um drei Uhr nachmittags", "в 9 утра",
    "शाम 5 बजे", "à midi". A number after a word saying "at" is an hour when an hour word or a part of
    the day follows ("à trois heures", "в 9 утра"), or, after the words that say "at the hour" by
    themselves ("a las", "às"), when the clause ends there ("a las tres.").
    """
    numbers = _hour_numbers(info, extra)
    hour = r"(?P<hour>[01]?\d|2[0-3]|%s)(?!\d)" % numbers
    minute = r"(?:\s*[.:h]\s*(?P<minute>[0-5]\d)(?!\d))?"
    hour_words = _words([*(w for w, unit in unit_of.items() if unit == "hour"), *extra.clock_after])
    part = r"(?P<clock_part>%s)" % _phrases(extra.clock_parts_after) if extra.clock_parts_after else "(?!)"
    at = [*extra.clock_before, *extra.clock_bare_before]
    # "y media", "et quart": minutes in words, after the hour or its hour word
    words = r"(?:\s+(?P<clock_minutes>%s))?" % _phrases(extra.clock_minutes) if extra.clock_minutes else ""
    found = []
    if at:
        behind = r"(?<=%s%s\s+)" % (_B, _words(at))
        found.append(behind + hour + minute + words + r"(?:\s*%s%s%s(?:\s+%s|%s)|\s+%s)"
                     % (hour_words, _E, words, part, _not_clock_after(extra), part))
    if extra.clock_named:
        found.append(r"(?<=%s%s\s+)(?P<clock_named>%s)" % (_B, _words([*at, *extra.clock_named_before]),
                                                          _phrases(extra.clock_named)))
    if extra.clock_after:  # "drei Uhr nachmittags": the clock word says it is an hour
        found.append(hour + minute + r"\s*%s%s\s+%s" % (_words(extra.clock_after), _E, part))
        found.append(r"(?P<hour>%s)\s*%s" % (numbers, _words(extra.clock_after)))
    if extra.clock_bare_before:  # "a las tres.", "às três,"
        found.append(r"(?<=%s%s\s+)%s%s(?!\s*[.:h]\s*\d)%s(?=\s*[,.;:!?)»”]|\s*$)"
                     % (_B, _words(extra.clock_bare_before), hour, minute, words))
    if extra.clock_parts_before:  # "शाम 5 बजे"
        found.append(r"(?P<clock_part>%s)\s+%s%s\s*%s" % (_phrases(extra.clock_parts_before), hour, minute,
                                                         hour_words))
    return found


def _not_clock_after(extra: Overrides) -> str:
    """Return a lookahead refusing an hour followed by a word that makes it a distance ("à deux heures de route")."""
    return r"(?!\s*%s)" % _phrases(extra.clock_not_after) if extra.clock_not_after else ""


def _hour_numbers(info: dict, extra: Overrides) -> str:
    """Return an alternation of the number words of 1 to 12: dateparser's and the override file's."""
    words = [regex.sub(r"\((?!\?)", "(?:", key) for item in info.get("simplifications", []) or []
             for key, value in item.items()
             if str(value).isdigit() and 1 <= int(value) <= 12 and regex.fullmatch(r"[\w()|]+", key)]
    words += [regex.escape(w) for w, value in extra.numbers.items() if 1 <= value <= 12]
    return "(?:%s)" % "|".join(sorted(set(words), key=len, reverse=True)) if words else "(?!)"
