"""Reshape event dicts for timeline viewers: TimelineJS3 slides, or events grouped by date.

TimelineJS renders headline, text and group as HTML, so everything taken from articles or the API is escaped.
"""
from markupsafe import escape

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


def source_html(source: dict) -> str:
    """Return a quote and a link to its article as escaped HTML."""
    article = source["article"]
    name = escape(article["title"] or article["source"] or f"article {article['id']}")
    cite = f'<a href="{escape(article["url"])}">{name}</a>' if article["url"] else name
    published = f", {escape(article['published_at'])}" if article["published_at"] else ""
    return f"<blockquote>{escape(source['quote'].strip())}</blockquote><p>— {cite}{published}</p>"


def timelinejs_slide(event: dict) -> dict:
    """Return the TimelineJS slide for one event."""
    date = event["date"]
    slide = {
        "unique_id": f"event-{event['id']}",
        "start_date": timelinejs_date(date["start"], date["granularity"], date["value"]),
        "text": {"headline": str(escape(headline(event["title"]))), "text": "".join(source_html(s) for s in event["sources"])},
    }
    if date["granularity"] not in PARTS and date["granularity"] != "time" or date["granularity"] in ("decade", "century"):
        slide["end_date"] = timelinejs_date(date["end"], date["granularity"])
        slide["start_date"]["display_date"] = display_date(date)
    elif date["modifier"]:
        # The partial date alone would say "2021" for "the end of 2021".
        slide["start_date"]["display_date"] = display_date(date)
    group = event.get("main_topic") or (event["topics"] or [None])[0]
    if group:
        slide["group"] = str(escape(group["name"]))
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
