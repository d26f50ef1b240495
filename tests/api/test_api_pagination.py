"""Cursor pagination: limits, opaque cursors, next in body and Link header, stability across inserts."""
import base64
from datetime import date, timedelta

import pytest

from service.reads import events as planner
from service.db import db
from service.models import Actor, Event, EventActor


def walk(client, url):
    """Follow next links from url; return the pages' item ids."""
    pages = []
    while url:
        response = client.get(url)
        assert response.status_code == 200, response.get_json()
        body = response.get_json()
        pages.append([item["id"] for item in body["items"]])
        if body["next"]:
            assert response.headers["Link"] == f'<{body["next"]}>; rel="next"'
        else:
            assert "Link" not in response.headers
        url = body["next"]
    return pages


@pytest.mark.parametrize("sort", ["date", "-date"])
def test_pages_cover_the_list_once(client, world, sort):
    whole = walk(client, f"/api/events?sort={sort}&limit=500")[0]
    pages = walk(client, f"/api/events?sort={sort}&limit=2")
    assert [len(p) for p in pages] == [2, 2, 1]
    assert sum(pages, []) == whole


def test_next_link_keeps_the_filters(client, world):
    body = client.get("/api/events?actor=lavrov&limit=1").get_json()
    assert body["next"].startswith("/api/events?")
    assert "actor=lavrov" in body["next"] and "limit=1" in body["next"] and "cursor=" in body["next"]
    assert len(walk(client, "/api/events?actor=lavrov&limit=1")) == 3


@pytest.mark.parametrize("sort", ["date", "-date"])
@pytest.mark.parametrize("lead_limit", [0, 10_000])
def test_filtered_pages_cover_the_list_once(client, world, monkeypatch, sort, lead_limit):
    # 0: pages come from walking the actor's dated links; 10,000: from sorting the actor's events.
    monkeypatch.setattr(planner, "LEAD_LIMIT", lead_limit)
    whole = walk(client, f"/api/events?actor=india&from=2020-12&sort={sort}&limit=500")[0]
    pages = walk(client, f"/api/events?actor=india&from=2020-12&sort={sort}&limit=1")
    assert len(whole) == 3 and sum(pages, []) == whole


def test_pages_are_stable_when_events_arrive(client, world, store):
    first = client.get("/api/events?limit=2").get_json()
    # One event lands before the cursor, one after it: the walk must neither repeat nor skip what it had not seen.
    store.event(world["articles"]["ani"], "Earlier news", "1999", "1999-01-01", "1999-12-31", "year")
    late = store.event(world["articles"]["ani"], "Later news", "2030", "2030-01-01", "2030-12-31", "year")
    rest = sum(walk(client, first["next"]), [])
    seen = [item["id"] for item in first["items"]] + rest
    assert len(seen) == len(set(seen))
    assert set(world["events"].values()) <= set(seen)
    assert seen[-1] == late.id


def test_events_on_the_same_day_page_by_id(client, world, store):
    extra = [store.event(world["articles"]["ani"], f"Same day {n}", "2021-04-06", "2021-04-06", "2021-04-06", "day").id for n in range(5)]
    ids = sum(walk(client, "/api/events?from=2021-04-06&to=2021-04-06&granularity=day&limit=2"), [])
    assert ids == [world["events"]["talks"], *extra]


def test_articles_actors_topics_paginate_too(client, world):
    assert sum(walk(client, "/api/articles?limit=1"), []) == [world["articles"][k] for k in ("ani", "tass", "undated")]
    assert len(sum(walk(client, "/api/actors?limit=2"), [])) == 3
    assert len(sum(walk(client, "/api/topics?limit=1"), [])) == 2


@pytest.mark.parametrize("limit", ["0", "501", "-1", "ten"])
def test_limit_out_of_range_is_refused(client, limit):
    response = client.get(f"/api/events?limit={limit}")
    assert response.status_code == 422
    assert list(response.get_json()["errors"]) == ["limit"]


def test_default_page_is_fifty(client, world, store):
    for n in range(50):
        store.event(world["articles"]["ani"], f"Filler {n}", "2019", "2019-01-01", "2019-12-31", "year")
    body = client.get("/api/events").get_json()
    assert len(body["items"]) == 50 and body["next"]


FORGED_HUGE_ID = base64.urlsafe_b64encode(b'["date","2013-11-16",99999999999999999999999]').decode()
FORGED_HUGE_ARTICLE_ID = base64.urlsafe_b64encode(b'["articles","2021-04-07",99999999999999999999999]').decode()


@pytest.mark.parametrize("url, cursor", [("/api/events", c) for c in ["garbage", "WyJkYXRlIl0", "WyItZGF0ZSIsIjIwMjEtMDQtMDYiLDFd", "WyJkYXRlIiwibm90LWEtZGF0ZSIsMV0", "W10", FORGED_HUGE_ID]]
                         + [("/api/articles", FORGED_HUGE_ARTICLE_ID)])
def test_foreign_or_forged_cursor_is_a_400(client, world, url, cursor):
    response = client.get(f"{url}?cursor={cursor}")
    assert response.status_code in (400, 422)
    assert response.content_type == "application/problem+json"
    assert "cursor" in response.get_json()["errors"]


def test_cursor_from_another_list_is_refused(client, world):
    body = client.get("/api/articles?limit=1").get_json()
    cursor = body["next"].split("cursor=")[1]
    response = client.get(f"/api/events?cursor={cursor}")
    assert response.status_code == 400
    assert response.get_json()["errors"] == {"cursor": ["cursor was issued for another list or sort order"]}


def test_search_follows_a_source_added_later(client, world, store):
    store.source(world["events"]["summit"], world["articles"]["ani"], "The Kremlin confirmed the rendezvous.")
    items = client.get("/api/events?q=rendezvous").get_json()["items"]
    assert [item["id"] for item in items] == [world["events"]["summit"]]


@pytest.mark.parametrize("lead_limit", [0, 10_000])
def test_a_walked_actor_page_follows_an_event_whose_date_moved(client, world, store, monkeypatch, lead_limit):
    # Actor pages walk dates copied into the actor's links: the copies must follow the event (migration 40).
    monkeypatch.setattr(planner, "LEAD_LIMIT", lead_limit)
    talks = world["events"]["talks"]
    with db.connection_context():
        Event.update(date_start=date(2019, 3, 1), date_end=date(2019, 3, 31), granularity="month").where(Event.id == talks).execute()
    assert talks not in ids(client, "/api/events?actor=lavrov&topic=diplomacy&from=2021")
    assert talks in ids(client, "/api/events?actor=lavrov&topic=diplomacy&from=2019-03-15&to=2019-03-15&granularity=month")


def test_an_actor_linked_later_walks_at_the_event_date(client, world, monkeypatch):
    monkeypatch.setattr(planner, "LEAD_LIMIT", 0)
    summit = world["events"]["summit"]
    with db.connection_context():
        newcomer = Actor.create(name="New Comer", slug="new-comer", kind="person")
        EventActor.create(event=summit, actor=newcomer)
        day = Event.get_by_id(summit).date_start
    assert ids(client, f"/api/events?actor=new-comer&from={day}&to={day}") == [summit]
    assert ids(client, f"/api/events?actor=new-comer&to={day - timedelta(days=400)}") == []


def ids(client, url):
    response = client.get(url)
    assert response.status_code == 200, response.get_json()
    return [item["id"] for item in response.get_json()["items"]]
