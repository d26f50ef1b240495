"""Topic shapes: the subjects events are filed under, with the keywords that detect them."""
from marshmallow import Schema, fields, validate

from .actors import SLUG
from .common import Body, Id, Text
from .events import TopicRefSchema
from .pagination import page_of


class TopicSchema(Schema):
    id = fields.Integer()
    slug = fields.String()
    name = fields.String()
    keywords = fields.List(fields.String())
    parent = fields.Nested(TopicRefSchema, allow_none=True)
    events = fields.Integer(metadata={"description": "Number of events filed under this topic"})


class TopicInSchema(Body):
    name = Text(required=True, validate=validate.Length(1, 200))
    slug = Text(validate=[validate.Length(1, 100), SLUG], metadata={"description": "Defaults to one made from the name"})
    keywords = fields.List(Text(validate=validate.Length(1, 200)), load_default=list, validate=validate.Length(max=500))
    parent = Id(allow_none=True, metadata={"description": "Id of the parent topic"})


class TopicPatchSchema(Body):
    name = Text(validate=validate.Length(1, 200))
    keywords = fields.List(
        Text(validate=validate.Length(1, 200)),
        validate=validate.Length(max=500),
        metadata={"description": "Replaces the keyword list"},
    )
    parent = Id(allow_none=True, metadata={"description": "Id of the parent topic, or null"})


TopicPageSchema = page_of(TopicSchema, "TopicPage")
