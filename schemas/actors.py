"""Actor shapes: the people, countries and organisations events name."""
from marshmallow import Schema, fields, validate

from .common import Body, Cursor, Integer, QueryArgs, Text
from .events import MAX_PAGE
from .pagination import page_of

KINDS = ("person", "country", "organisation")
# Not digits alone: `actor=12` and `topic=12` would then mean two things (a slug and an id).
SLUG = validate.Regexp(r"^(?![0-9]+$)[a-z0-9]+(?:-[a-z0-9]+)*$",
                       error="must be lowercase letters, digits and single hyphens, and not digits alone (that reads as an id)")


class VocabularyListArgs(QueryArgs):
    q = Text(validate=validate.Length(1, 200), metadata={"description": "Substring of the name, slug or an alias/keyword (case-insensitive)"})
    limit = Integer(load_default=50, validate=validate.Range(1, MAX_PAGE), metadata={"description": f"Page size, 1-{MAX_PAGE}"})
    cursor = Cursor(metadata={"description": "Opaque token from a previous page's `next`", "type": "string"})


class ActorSchema(Schema):
    id = fields.Integer()
    slug = fields.String()
    name = fields.String()
    kind = fields.String()
    aliases = fields.List(fields.String())
    events = fields.Integer(metadata={"description": "Number of events naming this actor"})


class ActorInSchema(Body):
    name = Text(required=True, validate=validate.Length(1, 200))
    slug = Text(validate=[validate.Length(1, 100), SLUG], metadata={"description": "Defaults to one made from the name"})
    kind = fields.String(required=True, validate=validate.OneOf(KINDS))
    aliases = fields.List(Text(validate=validate.Length(1, 200)), load_default=list, validate=validate.Length(max=200))


class ActorPatchSchema(Body):
    name = Text(validate=validate.Length(1, 200))
    kind = fields.String(validate=validate.OneOf(KINDS))
    aliases = fields.List(
        Text(validate=validate.Length(1, 200)),
        validate=validate.Length(max=200),
        metadata={"description": "Replaces the alias list"},
    )


ActorPageSchema = page_of(ActorSchema, "ActorPage")
