"""Article shapes."""
from marshmallow import Schema, fields


class ArticleSchema(Schema):
    id = fields.Integer(dump_only=True)
    title = fields.String(allow_none=True)
    url = fields.String(allow_none=True)
    source = fields.String(allow_none=True)
    published_at = fields.String(allow_none=True)
