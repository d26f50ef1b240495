"""A small world of articles, actors, topics and events written straight to the tables, so API tests do not depend on the extractor."""
import os
from datetime import date

import pytest

from service import create_app
from service.db import db, init_database, is_postgres
from service.schema import upgrade
from service.models import Actor, Article, Event, EventActor, EventSource, EventTopic, Topic


# Every write route, with a body that passes validation.
WRITES = [
    ("post", "/api/articles", {"body": "Talks were held on 6 April 2021.", "published_at": "2021-04-07"}),
    ("post", "/api/articles/batch", {"articles": [{"body": "Talks were held on 6 April 2021.", "published_at": "2021-04-07"}]}),
    ("delete", "/api/articles/1", None),
    ("post", "/api/actors", {"name": "Narendra Modi", "kind": "person"}),
    ("patch", "/api/actors/1", {"aliases": ["Modi"]}),
    ("post", "/api/topics", {"name": "Trade"}),
    ("patch", "/api/topics/1", {"keywords": ["tariff"]}),
]


@pytest.fixture(params=WRITES, ids=[f"{m} {u}" for m, u, _ in WRITES])
def write(request):
    """Each write route as (method, url, json body)."""
    return request.param


def add_article(title, published, source, url=None, body=None, language="en"):
    """Store an article row as ingest would."""
    body = body or f"{title}. Body text of {title}."
    return Article.create(
        title=title, body=body, url=url, source=source, published_at=published,
        published_on=date.fromisoformat(published[:10]) if published else None, content_hash=title, language=language,
    )


def add_event(article, title, value, start, end, granularity, *, status="past", actors=(), topics=(), quote=None, expression="then"):
    """Store an event with one source in article, linked to actors and topics."""
    event = Event.create(
        value=value, date_start=date.fromisoformat(start), date_end=date.fromisoformat(end),
        granularity=granularity, title=title, status=status, confidence=0.8,
    )
    add_source(event, article, quote or title, expression, actors=[a.slug for a in actors], topics=[t.slug for t in topics])
    for actor in actors:
        EventActor.create(event=event, actor=actor)
    for topic in topics:
        EventTopic.create(event=event, topic=topic)
    return event


def add_source(event, article, quote, expression="then", actors=(), topics=()):
    """Record article as a source of event, reporting the event as it stands."""
    event = Event.get_by_id(event) if isinstance(event, int) else event
    return EventSource.create(
        event=event, article=article, quote=quote, start=0, end=len(quote),
        expression=expression, expression_start=0, expression_end=len(expression), confidence=0.8,
        title=event.title, value=event.value, date_start=event.date_start, date_end=event.date_end,
        granularity=event.granularity, modifier=event.modifier, status=event.status, actors=list(actors), topics=list(topics),
    )


def build_world():
    """Store five events over three articles, three actors with aliases, and a topic tree diplomacy > defence."""
    with db.connection_context():
        lavrov = Actor.create(name="Sergey Lavrov", slug="sergey-lavrov", kind="person", aliases=["Lavrov", "Russian Foreign Minister"])
        jaishankar = Actor.create(name="S. Jaishankar", slug="s-jaishankar", kind="person", aliases=["Jaishankar"])
        india = Actor.create(name="India", slug="india", kind="country", aliases=["New Delhi"])
        diplomacy = Topic.create(name="Diplomacy", slug="diplomacy", keywords=["talks", "visit"])
        defence = Topic.create(name="Defence", slug="defence", keywords=["S-400", "military"], parent=diplomacy)
        ani = add_article("Lavrov in Delhi", "2021-04-06", "ANI", url="https://example.org/lavrov-delhi")
        tass = add_article("Moscow briefing", "2021-01-19T10:30:00+03:00", "TASS", language="ru")
        undated = add_article("Undated note", None, "Blog")
        events = {
            "talks": add_event(ani, "Lavrov and Jaishankar held talks in New Delhi", "2021-04-06", "2021-04-06", "2021-04-06", "day",
                               actors=[lavrov, jaishankar, india], topics=[diplomacy], expression="on Tuesday"),
            "deliveries": add_event(ani, "S-400 deliveries were agreed last December", "2020-12", "2020-12-01", "2020-12-31", "month",
                                    actors=[lavrov, india], topics=[defence], expression="last December"),
            "summit": add_event(tass, "A summit is planned this year", "2021", "2021-01-01", "2021-12-31", "year",
                                status="scheduled", actors=[lavrov], topics=[diplomacy], expression="this year"),
            "exercise": add_event(tass, "The naval exercise took place in week 14", "2021-W14", "2021-04-05", "2021-04-11", "week",
                                  actors=[india], topics=[defence], expression="that week"),
            "election": add_event(undated, "Élections à Moscou — a vote in March 2022", "2022-03", "2022-03-01", "2022-03-31", "month",
                                  status="scheduled", expression="March 2022"),
        }
        add_source(events["talks"], tass, "Lavrov met Jaishankar on Tuesday for talks.", "on Tuesday", actors=["sergey-lavrov"])
    return {"events": {k: e.id for k, e in events.items()}, "articles": {"ani": ani.id, "tass": tass.id, "undated": undated.id},
            "actors": {"lavrov": lavrov.id, "jaishankar": jaishankar.id, "india": india.id},
            "topics": {"diplomacy": diplomacy.id, "defence": defence.id}}


TABLES = [EventActor, EventTopic, EventSource, Event, Article, Actor, Topic]


@pytest.fixture(scope="session")
def api_app(tmp_path_factory):
    """One app for the API tests: building the OpenAPI document for every test would dominate the run."""
    url = os.environ.get("TEST_DATABASE_URL") or f"sqlite:///{tmp_path_factory.mktemp('api') / 'test.db'}"
    return create_app({"TESTING": True, "DATABASE_URL": url, "DATA_DIR": str(tmp_path_factory.mktemp("data")), "API_TOKENS": ["test-token"]})


@pytest.fixture
def app(api_app):
    """The shared app over emptied tables, with ids starting again at 1."""
    # Other tests point the global handle at their own databases or drop the schema: take both back.
    init_database(api_app.config["DATABASE_URL"])
    # Dropping the schema restarts the revision sequence; rendered events of the old tables must go too.
    api_app.extensions["rendered-events"].kept.clear()
    api_app.extensions["event-pages"].clear()
    with db.connection_context():
        upgrade()
        for model in TABLES:
            model.delete().execute()
            if is_postgres():
                db.execute_sql(f"SELECT setval(pg_get_serial_sequence('{model._meta.table_name}', 'id'), 1, false)")
        if not is_postgres():
            db.execute_sql("DELETE FROM sqlite_sequence")  # AUTOINCREMENT tables (article) remember their last id
    yield api_app
    if not db.is_closed():
        db.close()


@pytest.fixture
def world(app):
    """A fresh world for tests that write."""
    return build_world()


@pytest.fixture
def world_factory():
    """Build the world in whichever database the last created app points at."""
    return build_world


@pytest.fixture(scope="module")
def shared(tmp_path_factory):
    """One app and world for a module of read-only tests: building them for each test would dominate the run.

    A module using it imports `client` and `world` from shared_world.py and creates no other app (the database handle is global).
    """
    url = os.environ.get("TEST_DATABASE_URL") or f"sqlite:///{tmp_path_factory.mktemp('shared') / 'test.db'}"
    app = create_app({"TESTING": True, "DATABASE_URL": url, "API_TOKENS": ["test-token"]})
    with db.connection_context():
        if url.startswith("postgres"):
            db.execute_sql("DROP SCHEMA public CASCADE")
            db.execute_sql("CREATE SCHEMA public")
        upgrade()
    return app, build_world()


@pytest.fixture
def ids(world):
    """Map event ids back to their names in the world."""
    return {v: k for k, v in world["events"].items()}


@pytest.fixture
def names(client, ids):
    """Return the world names of the events a GET returns, in order."""

    def get(url):
        response = client.get(url)
        assert response.status_code == 200, response.get_json()
        return [ids[item["id"]] for item in response.get_json()["items"]]

    return get


@pytest.fixture
def store():
    """Give tests the row builders, each run in its own connection."""

    class Store:
        def __getattr__(self, name):
            func = {"article": add_article, "event": add_event, "source": add_source}[name]

            def run(*args, **kwargs):
                with db.connection_context():
                    return func(*args, **kwargs)

            return run

    return Store()
