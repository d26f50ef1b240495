"""Tables: articles are the source of truth; events, actors and topics are derived from them."""
import json
from datetime import datetime, timezone

from peewee import (
    BlobField,
    BooleanField,
    CharField,
    DateField,
    DateTimeField,
    FloatField,
    ForeignKeyField,
    IntegerField,
    Model,
    TextField,
)

from .db import db


def utcnow() -> datetime:
    """Return the current UTC time without tzinfo (both backends store it naively)."""
    return datetime.now(timezone.utc).replace(tzinfo=None)


class JSONField(TextField):
    """A list or dict kept as JSON text, portable across SQLite and PostgreSQL."""

    def db_value(self, value):
        return None if value is None else json.dumps(value, ensure_ascii=False)

    def python_value(self, value):
        return None if value is None else json.loads(value)


class BaseModel(Model):
    class Meta:
        database = db


class Article(BaseModel):
    title = TextField(null=True)
    body = TextField()
    # Unique when present: both SQLite and PostgreSQL let any number of NULLs through a unique index.
    url = TextField(null=True, unique=True)
    source = TextField(null=True)
    # As given (a date, or a datetime with its offset), plus the calendar day used for filtering.
    published_at = CharField(null=True)
    published_on = DateField(null=True, index=True)
    published_precision = CharField(null=True)  # day | minute | second
    language = CharField(default="en")
    content_hash = CharField(unique=True)
    created_at = DateTimeField(default=utcnow)
    # Where published_at came from: given | url | page | feed | dateline | none (service/web/dates.py).
    published_at_source = CharField(null=True)
    # Why, when the page's date and a dateline in its text disagreed by more than a day.
    date_conflict = TextField(null=True)


class ArticleHtml(BaseModel):
    """The page an article was read from, zlib-compressed, so it can be read again with better rules."""

    article = ForeignKeyField(Article, primary_key=True, backref="page", on_delete="CASCADE")
    html = BlobField()
    fetched_url = TextField(null=True)

    class Meta:
        table_name = "article_html"


class Feed(BaseModel):
    """A followed RSS or Atom feed, with its cache validators, last outcome and the worker polling it."""

    url = TextField(unique=True)
    title = TextField(null=True)
    etag = TextField(null=True)
    last_modified = TextField(null=True)
    status = CharField(default="new")  # new | ok | not modified | error
    error = TextField(null=True)
    last_fetched_at = DateTimeField(null=True)
    next_fetch_at = DateTimeField(null=True, index=True)
    # A worker holds a feed while claimed_until is in the future; another skips it (service/web/follow.py).
    claimed_by = TextField(null=True)
    claimed_until = DateTimeField(null=True)
    # Registered through the API: its fetches (feed and entries) go through the address guard.
    guarded = BooleanField(default=False)
    created_at = DateTimeField(default=utcnow)


class FetchHost(BaseModel):
    """The next moment a host may be asked for a page, shared by every follower and worker."""

    host = TextField(primary_key=True)
    next_at = DateTimeField()

    class Meta:
        table_name = "fetch_host"


class FeedEntry(BaseModel):
    """One entry of a feed, recorded before its page is fetched: the unique key is what stops a second fetch."""

    feed = ForeignKeyField(Feed, backref="entries", on_delete="CASCADE")
    entry_key = TextField()
    url = TextField()
    status = CharField()  # fetching | stored | failed
    error = TextField(null=True)
    attempts = IntegerField(default=1)
    article = ForeignKeyField(Article, null=True, backref="feed_entries", on_delete="SET NULL")
    updated_at = DateTimeField(default=utcnow)

    class Meta:
        table_name = "feed_entry"
        indexes = ((("feed", "entry_key"), True),)


class Actor(BaseModel):
    name = TextField()
    slug = CharField(unique=True)
    kind = CharField()  # person | country | organisation
    aliases = JSONField(default=list)
    roles = JSONField(default=list)  # offices held: [{"title", "of", "to", "since", "until"}]
    created_at = DateTimeField(default=utcnow)


class Topic(BaseModel):
    name = TextField()
    slug = CharField(unique=True)
    keywords = JSONField(default=list)
    parent = ForeignKeyField("self", null=True, backref="children", on_delete="SET NULL")
    created_at = DateTimeField(default=utcnow)


class Event(BaseModel):
    value = CharField(null=True)  # TIMEX3 value, e.g. 2021-04-06, 2020-12, 2021
    date_start = DateField(index=True)
    date_end = DateField(index=True)
    granularity = CharField()
    modifier = CharField(null=True)
    title = TextField()
    status = CharField()  # past | scheduled
    confidence = FloatField(default=0.5)
    # Identifies the happening across rebuilds so event ids stay stable.
    fingerprint = CharField(null=True, index=True)
    # The `revision` column is the database's own (schema step 41): triggers give it a new value whenever anything
    # the event shows changes, and rendered events are kept in memory under it (service/event_view.py).
    created_at = DateTimeField(default=utcnow)
    updated_at = DateTimeField(default=utcnow)

    class Meta:
        indexes = ((("date_start", "date_end"), False),)


class EventSource(BaseModel):
    event = ForeignKeyField(Event, backref="sources", on_delete="CASCADE")
    article = ForeignKeyField(Article, backref="event_sources", on_delete="CASCADE")
    quote = TextField()
    start = IntegerField()  # quote offsets into the article body
    end = IntegerField()
    expression = TextField()  # the date expression as written
    expression_start = IntegerField()
    expression_end = IntegerField()
    confidence = FloatField(default=0.5)
    # What this source alone says, so the event can be recomputed when another source goes away.
    title = TextField(null=True)
    value = CharField(null=True)
    date_start = DateField(null=True)
    date_end = DateField(null=True)
    granularity = CharField(null=True)
    modifier = CharField(null=True)
    status = CharField(null=True)
    actors = JSONField(default=list)  # actor slugs
    topics = JSONField(default=list)  # topic slugs

    class Meta:
        indexes = ((("event", "article", "expression_start"), True),)


class EventActor(BaseModel):
    event = ForeignKeyField(Event, backref="actor_links", on_delete="CASCADE")
    actor = ForeignKeyField(Actor, backref="event_links", on_delete="CASCADE")
    # Copies of the event's, kept by triggers (schema step 40): an actor's events walk in date order from one index.
    granularity = CharField(null=True)
    date_start = DateField(null=True)
    date_end = DateField(null=True)

    class Meta:
        indexes = ((("event", "actor"), True), (("actor", "event"), False))


class EventTopic(BaseModel):
    event = ForeignKeyField(Event, backref="topic_links", on_delete="CASCADE")
    topic = ForeignKeyField(Topic, backref="event_links", on_delete="CASCADE")
    # Copies of the event's, kept by triggers (schema step 40).
    granularity = CharField(null=True)
    date_start = DateField(null=True)
    date_end = DateField(null=True)

    class Meta:
        indexes = ((("event", "topic"), True), (("topic", "event"), False))


# Every table the models query. The schema steps create them with their own frozen DDL (service/schema/steps); a
# test checks that those steps build exactly the columns these models declare.
ALL_MODELS = [Article, ArticleHtml, Feed, FeedEntry, FetchHost, Actor, Topic, Event, EventSource, EventActor, EventTopic]
