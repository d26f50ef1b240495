"""Event shapes and the event filters shared by /api/events and /api/timeline."""
from marshmallow import Schema, fields, validate, validates_schema

from .common import MAX_REPEATS, Cursor, Id, Integer, Language, PartialDate, QueryArgs, Text, check_range
from .pagination import page_of

# Every granularity the extractor emits (service/extraction/mention.py).
GRANULARITIES = ("time", "day", "week", "month", "quarter", "half", "season", "year", "decade", "century")
STATUSES = ("past", "scheduled")
MAX_PAGE = 500


class EventFilterArgs(QueryArgs):
    actor = fields.List(
        Text(validate=validate.Length(1, 200)),
        metadata={"description": "Actor id, slug, name or alias (case-insensitive); repeat to require several", "maxItems": MAX_REPEATS},
    )
    topic = fields.List(
        Text(validate=validate.Length(1, 200)),
        metadata={"description": "Topic id, slug, name or keyword (case-insensitive, includes sub-topics); repeat to require several",
                  "maxItems": MAX_REPEATS},
    )
    from_ = PartialDate(
        data_key="from",
        metadata={"description": "Events whose interval ends on or after this YYYY, YYYY-MM or YYYY-MM-DD", "example": "2021-04"},
    )
    to = PartialDate(metadata={"description": "Events whose interval starts on or before this YYYY, YYYY-MM or YYYY-MM-DD", "example": "2021"})
    granularity = fields.List(
        fields.String(validate=validate.OneOf(GRANULARITIES)),
        metadata={"description": "Keep events dated at this granularity; repeat for any of several", "maxItems": MAX_REPEATS},
    )
    status = fields.String(validate=validate.OneOf(STATUSES), metadata={"description": "past or scheduled"})
    article = Id(metadata={"description": "Keep events reported by this article id"})
    language = Language(metadata={"description": "Keep events reported by an article in this language (ISO 639-1)"})
    q = Text(validate=validate.Length(1, 500), metadata={"description": "Full-text search over event titles and quotes (all words must match)"})

    @validates_schema
    def from_before_to(self, data, **kwargs):
        check_range(data)


class EventListArgs(EventFilterArgs):
    sort = fields.String(load_default="date", validate=validate.OneOf(("date", "-date")), metadata={"description": "date (oldest first) or -date"})
    limit = Integer(load_default=50, validate=validate.Range(1, MAX_PAGE), metadata={"description": f"Page size, 1-{MAX_PAGE}"})
    cursor = Cursor(metadata={"description": "Opaque token from a previous page's `next`", "type": "string"})


class DateSchema(Schema):
    value = fields.String(allow_none=True, metadata={"description": "TIMEX3 value, e.g. 2021-04-06, 2020-12, 2021-W14, 2020-Q3, 2021-H1, 2021-SU"})
    start = fields.Date(metadata={"description": "First day of the interval the date covers"})
    end = fields.Date(metadata={"description": "Last day of the interval (inclusive)"})
    granularity = fields.String(metadata={"description": "time, day, week, month, quarter, half, season, year, decade or century"})
    modifier = fields.String(allow_none=True, metadata={"description": "START, MID, END, APPROX ... or null"})


class ActorRefSchema(Schema):
    id = fields.Integer()
    slug = fields.String()
    name = fields.String()
    kind = fields.String(metadata={"description": "person, country or organisation"})


class TopicRefSchema(Schema):
    id = fields.Integer()
    slug = fields.String()
    name = fields.String()


class SourceArticleSchema(Schema):
    id = fields.Integer()
    title = fields.String(allow_none=True)
    url = fields.String(allow_none=True)
    source = fields.String(allow_none=True)
    published_at = fields.String(allow_none=True, metadata={"description": "As given: a date or a datetime with its offset"})
    language = fields.String(metadata={"description": "ISO 639-1 code of the article's language: given, taken from the page, or detected"})


class SourceSchema(Schema):
    article = fields.Nested(SourceArticleSchema)
    quote = fields.String(metadata={"description": "The sentence that dates the event"})
    start = fields.Integer(metadata={"description": "Offset of the quote in the article body"})
    end = fields.Integer()
    expression = fields.String(metadata={"description": "The date expression as written"})


class EventSchema(Schema):
    id = fields.Integer()
    date = fields.Nested(DateSchema)
    title = fields.String()
    status = fields.String(metadata={"description": "past or scheduled"})
    confidence = fields.Float()
    actors = fields.List(fields.Nested(ActorRefSchema))
    topics = fields.List(fields.Nested(TopicRefSchema))
    sources = fields.List(fields.Nested(SourceSchema))


EventPageSchema = page_of(EventSchema, "EventPage")
