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
    type: str
    value: str | None
    granularity: str | None
    modifier: str | None
    start_date: date | None
    end_date: date | None
    confidence: float
    anchor: dict | None
    tense: str | None
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
