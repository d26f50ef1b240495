"""Pages of events render from each worker's memory: every change an event shows must reach the next page."""
import pytest

from service.db import db
from service.models import Article, Event, EventActor, EventSource, EventTopic, Topic

from event_page_reads import page


def detail(client, event_id):
    return client.get(f"/api/events/{event_id}").get_json()


@pytest.fixture
def seen(client, world):
    """The first page, read once so that every event on it is rendered and kept."""
    return page(client)


def test_a_renamed_actor_shows_on_the_next_page(client, world, auth, seen):
    talks = world["events"]["talks"]
    response = client.patch(f"/api/actors/{world['actors']['jaishankar']}", json={"name": "Subrahmanyam Jaishankar"}, headers=auth)
    assert response.status_code == 200
    names = [actor["name"] for actor in page(client)[talks]["actors"]]
    assert "Subrahmanyam Jaishankar" in names and "S. Jaishankar" not in names


def test_a_renamed_topic_shows_on_the_next_page(client, world, auth, seen):
    response = client.patch(f"/api/topics/{world['topics']['defence']}", json={"name": "Defence and security"}, headers=auth)
    assert response.status_code == 200
    assert page(client)[world["events"]["deliveries"]]["topics"][0]["name"] == "Defence and security"


def test_a_changed_event_a_new_source_and_new_links_show_on_the_next_page(client, world, store, seen):
    talks, summit = world["events"]["talks"], world["events"]["summit"]
    with db.connection_context():
        Event.update(title="Talks held", confidence=0.95).where(Event.id == talks).execute()
        EventTopic.create(event=summit, topic=Topic.get(Topic.slug == "defence"))
        EventActor.delete().where(EventActor.event == summit).execute()
    store.source(summit, world["articles"]["ani"], "The summit was confirmed this year.", "this year")
    after = page(client)
    assert (after[talks]["title"], after[talks]["confidence"]) == ("Talks held", 0.95)
    assert [t["slug"] for t in after[summit]["topics"]] == ["defence", "diplomacy"]
    assert after[summit]["actors"] == []
    assert len(after[summit]["sources"]) == len(seen[summit]["sources"]) + 1
    assert after[summit] == detail(client, summit)


def test_an_article_changed_or_deleted_shows_on_the_next_page(client, world, auth, seen):
    talks = world["events"]["talks"]
    with db.connection_context():
        Article.update(title="Lavrov in New Delhi").where(Article.id == world["articles"]["ani"]).execute()
    assert {s["article"]["title"] for s in page(client)[talks]["sources"]} == {"Lavrov in New Delhi", "Moscow briefing"}
    assert client.delete(f"/api/articles/{world['articles']['tass']}", headers=auth).status_code == 204
    after = page(client)
    assert [s["article"]["title"] for s in after[talks]["sources"]] == ["Lavrov in New Delhi"]
    assert world["events"]["summit"] not in after  # reported by the deleted article only


def test_an_event_stored_again_under_its_old_id_is_not_served_from_memory(client, world, seen):
    # A rebuild keeps event ids: the new row must not meet the old rendering under the same revision.
    election = world["events"]["election"]
    with db.connection_context():
        row = Event.get_by_id(election)
        sources = list(EventSource.select().where(EventSource.event == election).dicts())
        Event.delete().where(Event.id == election).execute()
        Event.insert(id=election, value=row.value, date_start=row.date_start, date_end=row.date_end, granularity=row.granularity,
                     title="Elections in Moscow", status=row.status, confidence=row.confidence).execute()
        EventSource.insert_many(sources).execute()
    assert page(client)[election]["title"] == "Elections in Moscow"


def test_terminal_clients_get_the_same_page_indented(client, world, seen):
    response = client.get("/api/events?limit=100", headers={"User-Agent": "curl/8.5.0"})
    assert response.data.startswith(b'{\n  "items": [\n')
    assert {item["id"]: item for item in response.get_json()["items"]} == seen


def test_memory_off_serves_the_same_pages(app, client, world, seen):
    rendered, pages = app.extensions["rendered-events"], app.extensions["event-pages"]
    rendered.capacity = pages.capacity = 0
    try:
        assert page(client) == seen
        assert rendered.kept == {}
    finally:
        rendered.capacity, pages.capacity = 20_000, 1_000
