"""Choose an article's publication date and say where it came from: given, url, page, dateline or none."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..extraction.pipeline import dateline
from .page import Page

# Past this many days apart, the page's date and the dateline are different claims, not time zones.
CONFLICT_DAYS = 1


@dataclass(frozen=True)
class DateReading:
    """The publication date chosen (ISO text or None), its source, and why, when two readings disagreed."""

    published_at: str | None
    source: str
    conflict: str | None = None


def choose_date(page: Page, given: str | None = None, feed_date: str | None = None) -> DateReading:
    """Return the publication date of page: given > URL > page markup > feed entry > dateline > page text > none."""
    found = dateline(page.body)
    source, page_date = ("url", page.url_date) if page.url_date else ("page", page.page_date)
    conflict = _conflict(page_date, source, found, given)
    if given:
        return DateReading(given, "given", conflict)
    if page_date:
        return DateReading(page_date, source, conflict)
    if feed_date:
        return DateReading(feed_date, "feed")
    if found:
        return DateReading(found.isoformat(), "dateline")
    text_date = page.text_date()
    # htmldate's free-text search pads a bare year or month to its first day ("cut in 2019" -> 2019-01-01);
    # such a guess would anchor every relative date in the article wrongly, so a 1st from free text is not taken.
    if text_date and not text_date.endswith("-01"):
        return DateReading(text_date, "page")
    return DateReading(None, "none")


def _conflict(page_date: str | None, source: str, found: date | None, given: str | None) -> str | None:
    """Explain which reading was used when the page's date and the dateline are more than a day apart."""
    if not page_date or not found or abs((date.fromisoformat(page_date) - found).days) <= CONFLICT_DAYS:
        return None
    where = "the page's URL" if source == "url" else "the page's metadata"
    said = f"{where} says {page_date}, the dateline in the text says {found.isoformat()}"
    if given:
        return f"{said}; used the date given with the article, which always wins"
    return (f"{said}; used {where}: the publisher sets it for this article, while the first full date in the "
            f"text may name an earlier event the article reports")
