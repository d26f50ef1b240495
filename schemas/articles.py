"""Article shapes: list items, the full article, the ingest body and the batch envelope."""
from marshmallow import Schema, ValidationError, fields, utils, validate, validates, validates_schema

from .common import Body, Cursor, Integer, Language, PartialDate, QueryArgs, Text, WebUrl, check_range
from .events import MAX_PAGE, EventSchema, SourceArticleSchema
from .pagination import page_of

MAX_BATCH = 100


class ArticleListArgs(QueryArgs):
    source = Text(validate=validate.Length(1, 500), metadata={"description": "Exact source name (case-insensitive)"})
    from_ = PartialDate(data_key="from", metadata={"description": "Published on or after this YYYY, YYYY-MM or YYYY-MM-DD"})
    to = PartialDate(metadata={"description": "Published on or before this YYYY, YYYY-MM or YYYY-MM-DD"})
    q = Text(validate=validate.Length(1, 500), metadata={"description": "Full-text search over title and body (all words must match)"})
    language = Language(metadata={"description": "Articles in this language (ISO 639-1)"})
    limit = Integer(load_default=50, validate=validate.Range(1, MAX_PAGE), metadata={"description": f"Page size, 1-{MAX_PAGE}"})
    cursor = Cursor(metadata={"description": "Opaque token from a previous page's `next`", "type": "string"})

    @validates_schema
    def from_before_to(self, data, **kwargs):
        check_range(data)


class ArticleSchema(SourceArticleSchema):
    published_at_source = fields.String(metadata={
        "description": "Where published_at came from: given, url (a date in the page's URL), page (the page's metadata), "
                       "feed (the feed entry's date), dateline (a date at the top of the text) or none"})
    date_conflict = fields.String(allow_none=True, metadata={
        "description": "Set when the page's date and a dateline in its text are more than a day apart: "
                       "both readings, which one was used and why"})
    created_at = fields.DateTime(metadata={"description": "When the article was stored (UTC)"})
    events = fields.Integer(metadata={"description": "Number of events this article is a source of"})


class MentionAnchorSchema(Schema):
    date = fields.String(allow_none=True, metadata={"description": "The day the mention was resolved against"})
    source = fields.String(allow_none=True, metadata={
        "description": "published (the publication date), inferred (a dateline) or mention (a date the text told before)"})
    start = fields.Integer(metadata={"description": "With source mention: where the date it hangs on starts in the body"})
    end = fields.Integer(metadata={"description": "With source mention: where that date ends"})


class MentionSchema(Schema):
    text = fields.String()
    start = fields.Integer()
    end = fields.Integer()
    type = fields.String(metadata={"description": "DATE, TIME, DURATION or SET"})
    value = fields.String(allow_none=True)
    granularity = fields.String(allow_none=True)
    modifier = fields.String(allow_none=True)
    start_date = fields.String(allow_none=True)
    end_date = fields.String(allow_none=True)
    confidence = fields.Float()
    tense = fields.String(allow_none=True)
    anchor = fields.Nested(MentionAnchorSchema, metadata={"description": "What a relative date was resolved against"})


class ArticleDetailSchema(ArticleSchema):
    body = fields.String()
    mentions = fields.List(fields.Nested(MentionSchema), metadata={"description": "Every time expression found in the body"})
    events = fields.List(fields.Nested(EventSchema), metadata={"description": "Events this article is a source of"})


class ArticleInSchema(Body):
    body = Text(validate=validate.Length(1, error="must not be empty"),
                metadata={"description": "The article's text; exactly one of body and html is required"})
    html = Text(validate=validate.Length(1, error="must not be empty"),
                metadata={"description": "The article's web page in place of body: its main text, title, site, canonical "
                                         "URL, language and publication date are read from it, and the page is kept"})
    title = Text(allow_none=True, validate=validate.Length(max=1000))
    url = WebUrl(allow_none=True)
    source = Text(allow_none=True, validate=validate.Length(max=500))
    published_at = Text(
        allow_none=True,
        metadata={"description": "ISO 8601 date (2021-04-07) or datetime with offset (2021-04-07T09:30:00+05:30)"},
    )
    language = Language(allow_none=True, metadata={"description": "ISO 639-1 code of the article's language; "
                                                                  "detected from the body when omitted"})

    @validates("body")
    def body_has_text(self, value, **kwargs):
        from service.ingest.store import has_words

        if not has_words(value):
            raise ValidationError("must hold letters or digits, not only spaces, punctuation or zero-width characters")

    @validates_schema
    def one_text(self, data, **kwargs):
        """Require body or html (not both); url alone asks the server to fetch it, where it does."""
        if data.get("body") is not None and data.get("html") is not None:
            raise ValidationError("send either body or html, not both", "html")
        if data.get("body") is None and data.get("html") is None and not data.get("url"):
            raise ValidationError("body or html is required (or url alone, where this server fetches URLs)", "body")

    @validates("published_at")
    def published_is_iso(self, value, **kwargs):
        from service.ingest import ArticleError, parse_published

        try:
            parse_published(value)
        except ArticleError as exc:
            raise ValidationError(str(exc)) from None


class EachItem(fields.List):
    """A list whose items are validated one by one: a bad item becomes its error, not the whole list's."""

    def _deserialize(self, value, attr, data, **kwargs):
        if not utils.is_collection(value):
            raise self.make_error("invalid")
        loaded = []
        for item in value:
            try:
                loaded.append(self.inner.deserialize(item))
            except ValidationError as exc:
                loaded.append(exc)
        return loaded


class BatchInSchema(Body):
    articles = EachItem(
        fields.Nested(ArticleInSchema),
        required=True,
        validate=validate.Length(1, MAX_BATCH),
        metadata={"description": f"1 to {MAX_BATCH} articles; each is stored in its own transaction"},
    )


class BatchItemSchema(Schema):
    index = fields.Integer(metadata={"description": "Position in the request's articles list"})
    status = fields.Integer(metadata={"description": "201 stored, 200 already stored, 422 refused (see errors); "
                                      "503 not stored for now (the batch's time or the database ran out): send it again; "
                                      "500 an unexpected error, logged with the reference in errors"})
    article = fields.Nested(ArticleSchema, allow_none=True)
    errors = fields.Dict(allow_none=True, metadata={"description": "Per-field messages when refused"})


class BatchOutSchema(Schema):
    items = fields.List(fields.Nested(BatchItemSchema))


ArticlePageSchema = page_of(ArticleSchema, "ArticlePage")
