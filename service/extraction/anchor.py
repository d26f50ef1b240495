"""Find the date relative expressions resolve against: the publication date or one inferred."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache

# An explicit full date this close to the top is taken for a dateline.
_DATELINE_REACH = 400
INFERRED_CONFIDENCE = 0.7


@dataclass(frozen=True, slots=True)
class Anchor:
    """Hold the anchor day and where it came from ("published" or "inferred")."""

    day: date | None
    source: str | None

    def as_dict(self) -> dict | None:
        """Return the anchor as the Mention.anchor mapping."""
        return {"date": self.day.isoformat() if self.day else None, "source": self.source}


def parse_published(value) -> tuple[str | None, date | None, str | None]:
    """Return (ISO text, calendar day, precision) of a publication date or datetime given as such or in ISO 8601.

    Raises ValueError for text that is not ISO 8601: what ingest stores must read back the same everywhere.
    """
    if value is None or value == "":
        return None, None, None
    if isinstance(value, datetime):
        return value.isoformat(), value.date(), "second"
    if isinstance(value, date):
        return value.isoformat(), value, "day"
    text = str(value).strip()
    if len(text) == 10:
        day = date.fromisoformat(text)
        return day.isoformat(), day, "day"
    moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    precision = "second" if moment.second or moment.microsecond else "minute"
    return moment.isoformat(), moment.date(), precision


def published_day(published: date | datetime | str | None) -> date | None:
    """Return the calendar day of a publication date given as date, datetime or string (the publisher's own
    local day, as written)."""
    if published is None or published == "":
        return None
    if isinstance(published, date):
        return parse_published(published)[1]
    return _parse_published(str(published).strip())


@lru_cache(maxsize=1024)
def _parse_published(text: str) -> date:
    """Parse an ISO date/datetime, or any format dateparser reads ('April 7, 2021')."""
    if text:
        try:
            return parse_published(text)[1]
        except ValueError:
            pass
    if len(text) == 8 and text.isdigit():  # 20210407, as TimeML creation times are often written
        return date(int(text[:4]), int(text[4:6]), int(text[6:]))
    import dateparser  # only for unusual formats; the import is slow

    parsed = dateparser.parse(text, languages=["en"], settings={"STRICT_PARSING": True,
                                                                   "RELATIVE_BASE": datetime(2000, 1, 1)})
    if parsed is None:
        raise ValueError(f"cannot read publication date {text!r}")
    return parsed.date()


def infer_anchor(full_dates: list[tuple[int, str]]) -> Anchor:
    """Return an inferred anchor: the first explicit full date (offset, value) near the top, if any."""
    if full_dates and full_dates[0][0] <= _DATELINE_REACH:
        return Anchor(date.fromisoformat(full_dates[0][1]), "inferred")
    return Anchor(None, None)
