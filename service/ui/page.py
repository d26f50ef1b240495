"""GET /: the page; its filters are the URL's query, so a view can be shared and works as a plain GET form."""
import re

from flask import Blueprint, render_template, request, url_for

from ..reads import actors_topics
from ..api.display_dates import display_date
from ..api.exports import paragraphs_html, web_link
from .filters import FORM, LIMIT, choices, matching_events, read_filters

blp = Blueprint("ui", __name__, template_folder="templates", static_folder="static", static_url_path="/static/ui")

# Everything from this server: a script that slipped into the page could neither run inline nor call elsewhere.
# Inline styles stay allowed: TimelineJS positions its markers and slides with them.
POLICY = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
          "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'self'")

# HTML's valid date strings for <time datetime>: a year, month, week, day or local date and time.
MACHINE_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2})?)?)?|-W\d{2})?$")


@blp.get("/")
def page():
    """Show the timeline and the list of the events the URL's filters select."""
    args, given, errors = read_filters(request.args)
    events, unknown = ([], []) if errors else matching_events(args)
    first = {name: (given.get(name) or [None])[0] for name in FORM}
    # Values the form has no control for (a second actor, status=...) go along as hidden fields.
    hidden = [(name, value) for name, values in given.items() for value in (values[1:] if name in FORM else values)]
    # The export the script draws the timeline from, preloaded by the page's head: none when there are no events
    # to draw.
    timeline = url_for("timeline.export_timeline", format="timelinejs", **given) if events else None
    body = render_template(
        "ui/page.html", events=events, errors=errors + unknown, first=first, hidden=hidden, timeline=timeline,
        actors=choices(actors_topics.actor_page, first["actor"]), topics=choices(actors_topics.topic_page, first["topic"]),
        when=when, quote=paragraphs_html, web_link=web_link, limit_reached=len(events) >= LIMIT,
    )
    return body, 400 if errors or unknown else 200, {"Content-Security-Policy": POLICY}


def when(date: dict) -> dict:
    """Return an event date as the words a reader sees and the machine-readable value of its <time>."""
    value = date["value"] or ""
    machine = value[:16] if MACHINE_DATE.match(value[:16]) else date["start"].isoformat()
    return {"words": display_date(date), "datetime": machine}
