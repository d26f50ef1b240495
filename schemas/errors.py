"""The one error shape: RFC 9457 problem details."""
from marshmallow import Schema, fields


class ProblemSchema(Schema):
    type = fields.String(metadata={"description": "URI reference naming the problem class ('about:blank' for plain HTTP errors)"})
    title = fields.String(metadata={"description": "Short summary of the problem class"})
    status = fields.Integer(metadata={"description": "HTTP status code"})
    detail = fields.String(metadata={"description": "What went wrong with this request, and how to fix it"})
    errors = fields.Dict(
        keys=fields.String(),
        metadata={"description": "Per-field messages, keyed by query parameter or body field"},
    )
