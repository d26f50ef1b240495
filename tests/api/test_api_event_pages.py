"""A worker answers a repeated page of events from memory only while nothing in the database has changed."""
import sqlite3

import psycopg
import pytest

from service.reads import events as planner

from event_page_reads import page


def other_connection(app):
    """A connection of another process or instance: nothing this worker does tells it about the writes."""
    url = app.config["DATABASE_URL"]
    if url.startswith("sqlite"):
        return sqlite3.connect(url.split(":///", 1)[1], isolation_level=None)
    return psycopg.connect(url, autocommit=True)


@pytest.fixture
def computed(monkeypatch):
    """Count the pages computed from the tables."""
    calls = []
    real = planner.event_page

    def counting(args):
        calls.append(args)
        return real(args)

    monkeypatch.setattr(planner, "event_page", counting)
    return calls


def test_a_repeated_page_is_computed_once(client, world, computed):
    # On PostgreSQL the version read is the server's snapshot, which a write to any other database on the same
    # server also moves (another test run): such a write between the two reads costs one recomputation, never a
    # stale page. So each try asks a page of its own, and one try of twenty must show the repeat from memory (on a
    # server that other runs write to all the time, most tries can meet such a write).
    outcomes = []
    for attempt in range(20):
        computed.clear()
        url = f"/api/events?limit={100 - attempt}"
        first = page(client, url)
        assert page(client, url) == first and page(client, f"{url}&actor=lavrov") != first
        outcomes.append(len(computed))  # 2: the repeat came from memory; another filter is another page
        if outcomes[-1] == 2:
            break
    assert 2 in outcomes, outcomes


def test_another_instances_edit_and_new_event_show_on_the_next_page(app, client, world, computed):
    talks = world["events"]["talks"]
    before = page(client)
    other = other_connection(app)
    try:
        mark = "?" if isinstance(other, sqlite3.Connection) else "%s"
        other.execute(f"UPDATE event SET title = {mark} WHERE id = {mark}", ("Talks in New Delhi", talks))
        after = page(client)
        assert after[talks]["title"] == "Talks in New Delhi"
        other.execute("INSERT INTO event (value, date_start, date_end, granularity, title, status, confidence, created_at, "
                      f"updated_at) VALUES ('2021-04-09', '2021-04-09', '2021-04-09', 'day', {mark}, 'past', 0.5, "
                      "'2021-04-09 00:00:00', '2021-04-09 00:00:00')", ("Late talks",))
        assert set(page(client)) - set(after) and len(page(client)) == len(before) + 1
    finally:
        other.close()


def test_this_workers_own_write_shows_on_the_next_page(client, world, auth):
    # Through the API: the write goes through the very connection the worker keeps for its reads.
    talks = world["events"]["talks"]
    page(client)
    response = client.patch(f"/api/actors/{world['actors']['lavrov']}", json={"name": "Sergey V. Lavrov"}, headers=auth)
    assert response.status_code == 200
    assert "Sergey V. Lavrov" in [actor["name"] for actor in page(client)[talks]["actors"]]


def test_pages_memory_off_computes_every_page(app, client, world, computed):
    app.extensions["event-pages"].capacity = 0
    try:
        assert page(client) == page(client)
        assert len(computed) == 2
    finally:
        app.extensions["event-pages"].capacity = 1_000
