"""GET /api/events and /api/events/{id}: every filter, their combinations, and the event shape."""
import pytest

from service.reads import events as planner
from shared_world import client, world  # noqa: F401 (fixtures)


def test_event_has_the_documented_shape(client, world):
    event = client.get(f"/api/events/{world['events']['talks']}").get_json()
    assert event == {
        "id": world["events"]["talks"],
        "date": {"value": "2021-04-06", "start": "2021-04-06", "end": "2021-04-06", "granularity": "day", "modifier": None},
        "title": "Lavrov and Jaishankar held talks in New Delhi",
        "status": "past",
        "confidence": 0.8,
        "actors": [
            {"id": world["actors"]["india"], "slug": "india", "name": "India", "kind": "country"},
            {"id": world["actors"]["jaishankar"], "slug": "s-jaishankar", "name": "S. Jaishankar", "kind": "person"},
            {"id": world["actors"]["lavrov"], "slug": "sergey-lavrov", "name": "Sergey Lavrov", "kind": "person"},
        ],
        "topics": [{"id": world["topics"]["diplomacy"], "slug": "diplomacy", "name": "Diplomacy"}],
        "sources": [
            {
                "article": {"id": world["articles"]["tass"], "title": "Moscow briefing", "url": None, "source": "TASS",
                            "published_at": "2021-01-19T10:30:00+03:00"},
                "quote": "Lavrov met Jaishankar on Tuesday for talks.", "start": 0, "end": 43, "expression": "on Tuesday",
            },
            {
                "article": {"id": world["articles"]["ani"], "title": "Lavrov in Delhi", "url": "https://example.org/lavrov-delhi",
                            "source": "ANI", "published_at": "2021-04-06"},
                "quote": "Lavrov and Jaishankar held talks in New Delhi", "start": 0, "end": 45, "expression": "on Tuesday",
            },
        ],
    }


def test_list_items_have_the_detail_shape(client, world):
    # The list is serialised without marshmallow: each item must still be what EventSchema gives for that event.
    items = client.get("/api/events").get_json()["items"]
    assert len(items) == 5 and items == [client.get(f"/api/events/{item['id']}").get_json() for item in items]


def test_list_is_sorted_by_date_and_reversible(names):
    assert names("/api/events") == ["deliveries", "summit", "exercise", "talks", "election"]
    assert names("/api/events?sort=-date") == ["election", "talks", "exercise", "summit", "deliveries"]


FILTERS = [
        ("actor=sergey-lavrov", ["deliveries", "summit", "talks"]),
        ("actor=Sergey Lavrov", ["deliveries", "summit", "talks"]),
        ("actor=LAVROV", ["deliveries", "summit", "talks"]),
        ("actor=russian foreign minister", ["deliveries", "summit", "talks"]),
        ("actor=new delhi", ["deliveries", "exercise", "talks"]),
        ("actor=lavrov&actor=jaishankar", ["talks"]),
        ("actor=lavrov&actor=india", ["deliveries", "talks"]),
        ("actor=jaishankar&from=2022", []),
        ("actor=EAM S Jaishankar", ["talks"]),
        ("actor=Subrahmanyam Jaishankar", ["talks"]),
        ("actor=Dr. Sérgey Lavrov&actor=Mr Jaishankar", ["talks"]),
        ("topic=diplomacy", ["deliveries", "summit", "exercise", "talks"]),
        ("topic=Defence", ["deliveries", "exercise"]),
        ("topic=s-400", ["deliveries", "exercise"]),
        ("topic=diplomacy&topic=defence", ["deliveries", "exercise"]),
        ("from=2021", ["summit", "exercise", "talks", "election"]),
        ("from=2021-04", ["summit", "exercise", "talks", "election"]),
        ("from=2021-04-07", ["summit", "exercise", "election"]),
        ("to=2020", ["deliveries"]),
        ("to=2020-12-15", ["deliveries"]),
        ("from=2021-04-06&to=2021-04-06", ["summit", "exercise", "talks"]),
        ("from=2020-12&to=2020-12", ["deliveries"]),
        ("from=2022&to=2022-03-15", ["election"]),
        ("granularity=month", ["deliveries", "election"]),
        ("granularity=month&granularity=week", ["deliveries", "exercise", "election"]),
        ("status=scheduled", ["summit", "election"]),
        ("status=past", ["deliveries", "exercise", "talks"]),
        ("q=deliveries", ["deliveries"]),
        ("q=DELIVERY", ["deliveries"]),
        ("q=Jaishankar talks", ["talks"]),
        ("q=Tuesday", ["talks"]),
        ("q=élections", ["election"]),
        ("q=lavrov unicorn", []),
        ("q=%22%29%28*", []),
        ("actor=lavrov&topic=diplomacy&from=2021-04&to=2021-04", ["summit", "talks"]),
        ("actor=india&topic=defence&from=2021", ["exercise"]),
        ("actor=lavrov&status=scheduled&q=summit", ["summit"]),
]


@pytest.mark.parametrize("query, expected", FILTERS)
def test_filters(names, query, expected):
    assert names(f"/api/events?{query}") == expected


@pytest.mark.parametrize("query, expected", [f for f in FILTERS if "actor=" in f[0] or "topic=" in f[0]])
def test_filters_agree_when_dates_lead(names, monkeypatch, query, expected):
    # Every actor and topic counts as broad: the page comes from walking dates and checking links per event.
    monkeypatch.setattr(planner, "LEAD_LIMIT", 0)
    assert names(f"/api/events?{query}") == expected
    assert names(f"/api/events?{query}&sort=-date") == expected[::-1]


def test_article_filter_keeps_events_that_article_reports(names, world):
    assert names(f"/api/events?article={world['articles']['tass']}") == ["summit", "exercise", "talks"]


def test_actor_and_topic_accept_ids(names, world):
    assert names(f"/api/events?actor={world['actors']['jaishankar']}&topic={world['topics']['diplomacy']}") == ["talks"]


@pytest.mark.parametrize("query, field, value", [
    ("actor=nobody", "actor", "nobody"),
    ("actor=lavrov&actor=Xqzvwk", "actor", "Xqzvwk"),
    ("topic=diplomcy", "topic", "diplomcy"),
])
def test_a_filter_naming_no_actor_or_topic_is_a_422(client, world, query, field, value):
    for url in (f"/api/events?{query}", f"/api/timeline?{query}"):
        response = client.get(url)
        assert response.status_code == 422 and response.content_type == "application/problem+json"
        assert response.get_json()["errors"] == {field: [f"no {field} matches '{value}'"]}


def test_unknown_event_is_404(client, world):
    response = client.get("/api/events/999999")
    assert response.status_code == 404
    assert response.get_json()["status"] == 404
    assert response.content_type == "application/problem+json"
