"""The reference time that moves with the text: the last calendar date told, which anaphoric dates hang on.

Both the English pipeline and the locale finder keep one: "two days later", "le lendemain", "In 1941 ...
In December" are read from it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from service.extraction.mention import Mention
from service.extraction.timex import interval

# A year this far before the publication year is history: it opens a narrative wherever it stands. The
# nearest reading of a yearless past date lies in the year before publication at the earliest, so a text
# that has just told a date years before that, and goes on in the past, is still telling that time.
HISTORY_YEARS = 3
# A reading this unsure (an anaphoric date with nothing told to hang on) does not move the reference time.
GUESS = 0.5
# Paragraphs end at blank lines; a narrative year does not carry over one.
PARAGRAPH = re.compile(r"\n[ \t]*\n")


def paragraph_ends(text: str) -> list[int]:
    """Return the offsets where text's paragraphs end, for bisecting a position into its paragraph."""
    return [m.end() for m in PARAGRAPH.finditer(text)]


@dataclass(frozen=True, slots=True)
class Told:
    """Hold the last calendar date the text told: what anaphoric expressions hang on."""

    value: str
    granularity: str
    start: int
    end: int
    frames: bool  # written with its year as a frame for what follows ("In 1941")
    paragraph: int
    explicit: bool = False  # written with its year, wherever it stands

    @property
    def reference(self) -> tuple[str, str]:
        """Return (value, granularity) as resolvers read it."""
        return self.value, self.granularity

    def narrative_year(self, anchor: date | None, paragraph: int) -> int | None:
        """Return this date's year when it frames a narrative in this paragraph: a year before the anchor's.

        A recent year frames only when it opens its sentence ("In 2019, ..."); one three or more years back
        is history wherever it stands ("The battle began in August 1942. By November, ...").
        """
        year = int(self.value[:4]) if self.value[:4].isdigit() else None
        if year is None or paragraph != self.paragraph or not (self.frames or self.explicit):
            return None
        if anchor is None or year <= anchor.year - HISTORY_YEARS or (self.frames and year < anchor.year):
            return year
        return None

    def as_anchor(self) -> dict:
        """Return the Mention.anchor of a date resolved from this one."""
        bounds = interval(self.value)
        # A year BC has no calendar date: its value stands for it.
        day = bounds[0].isoformat() if bounds else self.value
        return {"date": day, "source": "mention", "start": self.start, "end": self.end}


def retold(told: Told | None, mention: Mention, from_reference: bool, narrative: int | None, explicit: bool,
           opens_sentence: bool, paragraph: int) -> Told | None:
    """Return the date last told once mention is resolved: itself, or still the one before."""
    if not from_reference and mention.granularity == "time" and not explicit:
        # A time of day placed on the anchor only because no day was told ("at 5 a.m. on 22 June", before
        # its day joins it) tells no date: the narrative goes on.
        return told
    if not from_reference:
        return Told(mention.value, mention.granularity, mention.start, mention.end, explicit and opens_sentence,
                    paragraph, explicit)
    if narrative or mention.granularity == "day":
        # A story told on from a date moves on with it ("two days later ... the next day"); a comparison
        # ("a year earlier") does not, so the date compared with stays the reference.
        return Told(mention.value, mention.granularity, mention.start, mention.end, bool(told and told.frames),
                    paragraph, bool(told and told.explicit))
    return told
