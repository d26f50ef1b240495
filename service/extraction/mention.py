"""The record the extractor returns for each temporal expression."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

EVENT_DATE_TYPES = ("DATE", "TIME")


@dataclass(frozen=True, slots=True)
class Mention:
    """Hold one temporal expression found in a text and its resolved value."""

    text: str
    start: int
    end: int
    type: str  # DATE | TIME | DURATION | SET
    value: str | None  # TIMEX3 value: 2021-04-06, 2020-12, 2021-W14, 2020-Q4, 2021-H1, 2021-SU, 199, P1Y, PRESENT_REF ...
    # time | day | week | month | quarter | half ("the first half of 2021": 2021-H1) | season | year | decade | century
    granularity: str | None
    modifier: str | None  # TIMEX3 mod: START | MID | END | APPROX | EARLY ... or None
    start_date: date | None
    end_date: date | None
    confidence: float
    # What the value was resolved against: {"date", "source": "published" | "inferred"}, or for a date that
    # hangs on one told before ("two days later"), {"date", "source": "mention", "start", "end"} of that one.
    anchor: dict | None
    tense: str | None  # past | present | future: the verb governing the date's clause (see tense.py)
    sentence_start: int
    sentence_end: int

    @property
    def is_event_date(self) -> bool:
        """Tell whether this mention dates an event (a DATE/TIME on the calendar)."""
        return self.type in EVENT_DATE_TYPES and self.start_date is not None

    def to_dict(self) -> dict:
        """Return the mention as JSON-ready data (dates as ISO strings)."""
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "type": self.type,
            "value": self.value,
            "granularity": self.granularity,
            "modifier": self.modifier,
            "start_date": self.start_date.isoformat() if self.start_date else None,
            "end_date": self.end_date.isoformat() if self.end_date else None,
            "confidence": self.confidence,
            "anchor": self.anchor,
            "tense": self.tense,
            "sentence_start": self.sentence_start,
            "sentence_end": self.sentence_end,
        }
