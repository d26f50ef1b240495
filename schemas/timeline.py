"""Timeline exports: TimelineJS3 JSON and events grouped by date."""
from marshmallow import Schema, fields, validate

from .common import Integer
from .events import DateSchema, EventFilterArgs, EventSchema

MAX_TIMELINE = 5000


class TimelineArgs(EventFilterArgs):
    format = fields.String(load_default="timelinejs", validate=validate.OneOf(("timelinejs", "json")), metadata={"description": "timelinejs or json"})
    limit = Integer(
        load_default=1000, validate=validate.Range(1, MAX_TIMELINE), metadata={"description": f"At most this many events (1-{MAX_TIMELINE}), oldest first"}
    )


class TimelineDateSchema(Schema):
    """A TimelineJS date: only the parts the event's granularity knows (a month-only date has no day)."""

    year = fields.Integer(required=True)
    month = fields.Integer()
    day = fields.Integer()
    hour = fields.Integer()
    minute = fields.Integer()
    display_date = fields.String()


class TimelineTextSchema(Schema):
    headline = fields.String()
    text = fields.String(metadata={"description": "HTML: the quotes and links to their sources"})


class TimelineSlideSchema(Schema):
    unique_id = fields.String()
    start_date = fields.Nested(TimelineDateSchema)
    end_date = fields.Nested(TimelineDateSchema)
    text = fields.Nested(TimelineTextSchema)
    display_date = fields.String(metadata={"description": "The date in words, for ranges and modified dates (HTML, escaped twice as TimelineJS decodes it once)"})
    group = fields.String(metadata={"description": "The event's main topic: the one most of its sources name (HTML, escaped twice as TimelineJS decodes it once)"})


class TimelineJSSchema(Schema):
    title = fields.Nested(TimelineSlideSchema)
    events = fields.List(fields.Nested(TimelineSlideSchema))


class DateGroupSchema(Schema):
    date = fields.Nested(DateSchema)
    events = fields.List(fields.Nested(EventSchema))


class GroupedTimelineSchema(Schema):
    dates = fields.List(fields.Nested(DateGroupSchema))
