"""Actors and topics: lists with event counts and q, details, creation and edits used by re-extraction."""
import pytest

from service.db import db
from service.models import Actor, EventActor


def test_actor_list_has_event_counts(client, world):
    items = client.get("/api/actors").get_json()["items"]
    assert [(a["slug"], a["events"]) for a in items] == [("india", 3), ("s-jaishankar", 1), ("sergey-lavrov", 3)]
    assert items[2] == {"id": world["actors"]["lavrov"], "slug": "sergey-lavrov", "name": "Sergey Lavrov", "kind": "person",
                        "aliases": ["Lavrov", "Russian Foreign Minister"], "events": 3}


@pytest.mark.parametrize("q, expected", [("lav", ["sergey-lavrov"]), ("FOREIGN", ["sergey-lavrov"]), ("delhi", ["india"]), ("s-j", ["s-jaishankar"]), ("%", []), ("zz", [])])
def test_actor_search(client, world, q, expected):
    assert [a["slug"] for a in client.get("/api/actors", query_string={"q": q}).get_json()["items"]] == expected


@pytest.mark.parametrize("alias, q", [("Сергей Лавров", "Лавров"), ("Сергей Лавров", "лавров"), ("Сергей Лавров", "ЛАВРОВ"),
                                      ("ÉLYSÉE", "élysée"), ("Élysée", "ÉLYSÉE")])
def test_actor_search_ignores_case_in_every_script(client, auth, world, alias, q):
    client.patch(f"/api/actors/{world['actors']['lavrov']}", json={"aliases": ["Lavrov", alias]}, headers=auth)
    assert [a["slug"] for a in client.get("/api/actors", query_string={"q": q}).get_json()["items"]] == ["sergey-lavrov"]


def test_topic_list_has_counts_parents_and_keywords(client, world):
    items = client.get("/api/topics").get_json()["items"]
    # A parent counts the events of its sub-topics, as topic=diplomacy finds them.
    assert [(t["slug"], t["events"]) for t in items] == [("defence", 2), ("diplomacy", 4)]
    assert len(client.get("/api/events?topic=diplomacy").get_json()["items"]) == 4
    assert client.get(f"/api/topics/{world['topics']['diplomacy']}").get_json()["events"] == 4
    assert items[0]["parent"] == {"id": world["topics"]["diplomacy"], "slug": "diplomacy", "name": "Diplomacy"}
    assert items[1]["parent"] is None and items[1]["keywords"] == ["talks", "visit"]
    assert [t["slug"] for t in client.get("/api/topics?q=s-400").get_json()["items"]] == ["defence"]


def test_create_actor_makes_a_slug_and_serves_it(client, auth, world):
    response = client.post("/api/actors", json={"name": "Narendra Modi", "kind": "person", "aliases": ["Modi", "PM Modi"]}, headers=auth)
    assert response.status_code == 201
    actor = response.get_json()
    assert actor["slug"] == "narendra-modi" and actor["events"] == 0 and actor["aliases"] == ["Modi", "PM Modi"]
    assert client.get(f"/api/actors/{actor['id']}").get_json() == actor


def test_a_posted_name_gets_the_transliterated_slug_extraction_gives_it(client, auth, world):
    response = client.post("/api/actors", json={"name": "Søren Straße", "kind": "person"}, headers=auth)
    assert response.status_code == 201 and response.get_json()["slug"] == "soren-strasse"
    assert client.post("/api/topics", json={"name": "!!!"}, headers=auth).get_json()["slug"] == "item"


def test_duplicate_slug_is_a_409(client, auth, world):
    response = client.post("/api/actors", json={"name": "India", "kind": "country"}, headers=auth)
    assert response.status_code == 409 and response.content_type == "application/problem+json"


@pytest.mark.parametrize("body, field", [
    ({"name": "india"}, "name"),
    ({"name": "  New   Delhi "}, "name"),
    ({"aliases": ["Sergey Lavrov"]}, "aliases"),
])
def test_an_actor_cannot_take_another_actors_name(client, auth, world, body, field):
    response = client.patch(f"/api/actors/{world['actors']['jaishankar']}", json=body, headers=auth)
    assert response.status_code == 409 and field in response.get_json()["errors"]
    assert client.get(f"/api/actors/{world['actors']['jaishankar']}").get_json()["name"] == "S. Jaishankar"
    created = client.post("/api/actors", json={"name": "New Delhi", "slug": "new-delhi-city", "kind": "organisation"}, headers=auth)
    assert created.status_code == 409 and "india" in created.get_json()["detail"]


def test_an_actor_keeps_its_own_name_and_aliases(client, auth, world):
    response = client.patch(f"/api/actors/{world['actors']['india']}", json={"name": "India", "aliases": ["New Delhi", "Bharat"]}, headers=auth)
    assert response.status_code == 200 and response.get_json()["aliases"] == ["New Delhi", "Bharat"]


def test_patch_actor_aliases_feeds_the_event_filter(client, auth, world):
    assert client.get("/api/events?actor=SVL").status_code == 422
    response = client.patch(f"/api/actors/{world['actors']['lavrov']}", json={"aliases": ["Lavrov", "SVL"]}, headers=auth)
    assert response.status_code == 200 and response.get_json()["aliases"] == ["Lavrov", "SVL"]
    assert len(client.get("/api/events?actor=svl").get_json()["items"]) == 3
    assert client.get("/api/events?actor=russian foreign minister").status_code == 422


@pytest.mark.parametrize("alias, query", [("Straße", "STRASSE"), ("Élysée", "élysée"), ("ÉLYSÉE", "Élysée"), ("Oﬃce", "office")])
def test_event_filter_folds_case_beyond_ascii(client, auth, world, alias, query):
    client.patch(f"/api/actors/{world['actors']['lavrov']}", json={"aliases": ["Lavrov", alias]}, headers=auth)
    assert len(client.get(f"/api/events?actor={query}").get_json()["items"]) == 3


@pytest.mark.parametrize("body, field", [
    ({"name": "X", "kind": "alien"}, "kind"),
    ({"kind": "person"}, "name"),
    ({"name": "X", "kind": "person", "slug": "Not A Slug"}, "slug"),
    ({"name": "X", "kind": "person", "aliases": "Lavrov"}, "aliases"),
])
def test_invalid_actor_is_refused(client, auth, body, field):
    response = client.post("/api/actors", json=body, headers=auth)
    assert response.status_code == 422 and field in response.get_json()["errors"]


def test_patch_unknown_actor_is_404_and_unknown_field_is_400(client, auth, world):
    assert client.patch("/api/actors/999", json={"name": "Y"}, headers=auth).status_code == 404
    response = client.patch(f"/api/actors/{world['actors']['india']}", json={"slug": "bharat"}, headers=auth)
    assert response.status_code == 400 and response.get_json()["errors"] == {"slug": ["Unknown field."]}


def test_create_and_patch_topic(client, auth, world):
    response = client.post("/api/topics", json={"name": "Arms Trade", "keywords": ["S-400"], "parent": world["topics"]["defence"]}, headers=auth)
    assert response.status_code == 201
    topic = response.get_json()
    assert topic["slug"] == "arms-trade" and topic["parent"]["slug"] == "defence"
    patched = client.patch(f"/api/topics/{topic['id']}", json={"keywords": ["arms deal"], "parent": None}, headers=auth).get_json()
    assert patched["keywords"] == ["arms deal"] and patched["parent"] is None


def test_topic_parent_must_exist_and_not_loop(client, auth, world):
    response = client.post("/api/topics", json={"name": "Orphan", "parent": 999}, headers=auth)
    assert response.status_code == 422 and "parent" in response.get_json()["errors"]
    loop = client.patch(f"/api/topics/{world['topics']['diplomacy']}", json={"parent": world["topics"]["defence"]}, headers=auth)
    assert loop.status_code == 422 and "parent" in loop.get_json()["errors"]


def test_a_slug_names_its_actor_alone(client, world):
    # "india" is India's slug and another actor's alias: the slug wins, as for any identifier.
    with db.connection_context():
        navy = Actor.create(name="Indian Navy", slug="indian-navy", kind="organisation", aliases=["India"])
        EventActor.create(event=world["events"]["election"], actor=navy)

    def ids(url):
        return [item["id"] for item in client.get(url).get_json()["items"]]

    assert world["events"]["election"] not in ids("/api/events?actor=india")
    assert ids("/api/events?actor=Indian%20Navy") == [world["events"]["election"]]
