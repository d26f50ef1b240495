"""Event shapes and list arguments."""
from marshmallow import Schema, fields, validate

from .articles import ArticleSchema


class ListArgsSchema(Schema):
    limit = fields.Integer(load_default=50, validate=validate.Range(1, 500))
    offset = fields.Integer(load_default=0, validate=validate.Range(0))


class DateSchema(Schema):
    value = fields.String(allow_none=True)
    start = fields.Date(attribute="date_start")
    end = fields.Date(attribute="date_end")
    granularity = fields.String()
    modifier = fields.String(allow_none=True)


class SourceSchema(Schema):
    article = fields.Nested(ArticleSchema)
    quote = fields.String()
    start = fields.Integer()
    end = fields.Integer()
    expression = fields.String()


class EventSchema(Schema):
    id = fields.Integer()
    date = fields.Function(lambda event: DateSchema().dump(event))
    title = fields.String()
    status = fields.String()
    confidence = fields.Float()
    sources = fields.List(fields.Nested(SourceSchema))
