"""The one pagination envelope: {"items": [...], "next": url-or-null}."""
from marshmallow import Schema, fields


def page_of(item_schema, name: str):
    """Return a schema class for a page of item_schema items."""
    return Schema.from_dict(
        {
            "items": fields.List(fields.Nested(item_schema)),
            "next": fields.String(
                allow_none=True,
                metadata={"description": "URL of the next page (also sent as a Link rel=next header); null on the last page"},
            ),
        },
        name=name,
    )
