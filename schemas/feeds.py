"""Feed shapes: the registration body, one feed with its last poll's outcome, a page of feeds."""
from marshmallow import Schema, fields, validate

from .common import Body, Cursor, Integer, QueryArgs, WebUrl
from .pagination import page_of

MAX_FEEDS_PAGE = 200


class FeedInSchema(Body):
    url = WebUrl(required=True, metadata={"description": "An RSS or Atom feed; polled by `timeline follow` or the job-queue workers"})


class FeedListArgs(QueryArgs):
    limit = Integer(load_default=50, validate=validate.Range(1, MAX_FEEDS_PAGE),
                           metadata={"description": f"Page size, 1-{MAX_FEEDS_PAGE}"})
    cursor = Cursor(metadata={"description": "Opaque token from a previous page's `next`", "type": "string"})


class FeedSchema(Schema):
    id = fields.Integer()
    url = fields.String()
    title = fields.String(allow_none=True, metadata={"description": "The feed's own title, once read"})
    status = fields.String(metadata={"description": "new (never polled), ok, not modified, entry errors or error"})
    error = fields.String(allow_none=True, metadata={"description": "What went wrong on the last poll"})
    last_fetched_at = fields.DateTime(allow_none=True, metadata={"description": "When it was last polled (UTC)"})
    next_fetch_at = fields.DateTime(allow_none=True, metadata={"description": "When it is due again (UTC)"})
    articles = fields.Integer(metadata={"description": "Articles stored from its entries"})
    created_at = fields.DateTime()


FeedPageSchema = page_of(FeedSchema, "FeedPage")
