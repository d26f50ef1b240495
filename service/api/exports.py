"""Reshape event dicts for timeline viewers: TimelineJS3 slides, or events grouped by date.

TimelineJS renders headline and text as HTML, so everything taken from articles or the API is escaped. It reads
group and display_date as HTML once (keeping their text content) and writes that text as HTML again: those are
escaped twice, so a topic named "<img src=x onerror=...>" or "R&D <and>" shows as written.
"""
import re

from markupsafe import Markup, escape

from ..drafting.intervals import THIRDS
from .display_dates import display_date

# Granularities TimelineJS can show as a partial date: which parts of the date to give it.
PARTS = {"year": ("year",), "decade": ("year",), "century": ("year",), "month": ("year", "month"), "day": ("year", "month", "day")}
HEADLINE_CHARS = 120


def timelinejs_date(day, granularity: str, value: str | None = None) -> dict:
    """Return a TimelineJS date object with only the parts the granularity knows."""
    if granularity == "time" and value and "T" in value:
        hour, _, minute = value.split("T", 1)[1].partition(":")
        parts = {"year": day.year, "month": day.month, "day": day.day}
        if hour.isdigit():
            parts["hour"] = int(hour)
        if minute[:2].isdigit():
            parts["minute"] = int(minute[:2])
        return parts
    return {part: getattr(day, part) for part in PARTS.get(granularity, ("year", "month", "day"))}


def headline(title: str) -> str:
    """Shorten a title to a headline at a word boundary."""
    if len(title) <= HEADLINE_CHARS:
        return title
    return title[:HEADLINE_CHARS].rsplit(" ", 1)[0] + "…"


def twice_escaped(text: str) -> str:
    """Escape text for a TimelineJS field it decodes once before writing it as HTML."""
    return str(escape(str(escape(text))))


def paragraphs_html(text: str) -> Markup:
    """Return text as escaped HTML paragraphs: a blank line starts a paragraph, a line break stays a <br>."""
    blocks = [block.strip() for block in re.split(r"\n\s*\n", text.replace("\r\n", "\n").replace("\r", "\n"))]
    return Markup("").join(Markup("<p>{}</p>").format(Markup("<br>").join(block.split("\n"))) for block in blocks if block)


def web_link(url: str | None) -> str | None:
    """Return an article's URL if a browser may follow it as a link (http or https), else None."""
    return url if url and url.strip().lower().startswith(("http://", "https://")) else None


def source_html(source: dict) -> str:
    """Return a quote and a link to its article as escaped HTML."""
    article = source["article"]
    name = escape(article["title"] or article["source"] or f"article {article['id']}")
    # A javascript: or data: URL stored with an article must not become a link on every page showing the export.
    cite = f'<a href="{escape(web_link(article["url"]))}">{name}</a>' if web_link(article["url"]) else name
    published = f", {escape(article['published_at'])}" if article["published_at"] else ""
    return f"<blockquote>{paragraphs_html(source['quote'])}</blockquote><p>— {cite}{published}</p>"


def timelinejs_slide(event: dict) -> dict:
    """Return the TimelineJS slide for one event."""
    date = event["date"]
    slide = {
        "unique_id": f"event-{event['id']}",
        "start_date": timelinejs_date(date["start"], date["granularity"], date["value"]),
        "text": {"headline": str(escape(headline(event["title"]))), "text": "".join(source_html(s) for s in event["sources"])},
    }
    if date["modifier"] in THIRDS and date["start"] != date["end"]:
        # Stored narrowed to its third of the period ("end of 2021" is September-December), it sits there by
        # day; the slide's words still say "end of 2021".
        slide["start_date"], slide["end_date"] = timelinejs_date(date["start"], "day"), timelinejs_date(date["end"], "day")
        slide["display_date"] = twice_escaped(display_date(date))
    elif date["granularity"] not in PARTS and date["granularity"] != "time" or date["granularity"] in ("decade", "century"):
        slide["end_date"] = timelinejs_date(date["end"], date["granularity"])
        # On the slide, not its start: TimelineJS would add " — September 30, 2020" after a start's own words.
        slide["display_date"] = twice_escaped(display_date(date))
    elif date["modifier"]:
        # The partial date alone would say "2021" for "around 2021".
        slide["display_date"] = twice_escaped(display_date(date))
    group = event.get("main_topic") or (event["topics"] or [None])[0]
    if group:
        slide["group"] = twice_escaped(group["name"])
    return slide


def timelinejs(events: list[dict]) -> dict:
    """Return a TimelineJS3 document for events."""
    return {
        "title": {"text": {"headline": "Timeline", "text": f"{len(events)} event{'' if len(events) == 1 else 's'} extracted from news articles"}},
        "events": [timelinejs_slide(e) for e in events],
    }


def by_date(events: list[dict]) -> dict:
    """Group events (sorted by date) under each distinct date."""
    groups = []
    for event in events:
        if groups and groups[-1]["date"] == event["date"]:
            groups[-1]["events"].append(event)
        else:
            groups.append({"date": event["date"], "events": [event]})
    return {"dates": groups}
