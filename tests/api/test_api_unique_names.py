"""Names stay unique: every actor name, alias and slug (and topic name and slug) points at one row."""
import pytest

from problem_asserts import assert_problem


def ids(client, url):
    response = client.get(url)
    assert response.status_code == 200, response.get_data(as_text=True)
    return sorted(item["id"] for item in response.get_json()["items"])


@pytest.mark.parametrize("body, field", [
    ({"name": "Impostor Person", "kind": "person", "aliases": ["Lavrov"]}, "aliases"),  # another's alias
    ({"name": "Impostor Person", "kind": "person", "aliases": ["  jaishankar "]}, "aliases"),
    ({"name": "Impostor Person", "kind": "person", "aliases": ["sergey-lavrov"]}, "aliases"),  # another's slug
    ({"name": "sergey-lavrov", "kind": "person"}, "name"),
    ({"name": "Impostor Person", "kind": "person", "slug": "s-jaishankar"}, "slug"),  # another's slug
    ({"name": "Impostor Person", "kind": "person", "slug": "new-delhi"}, "slug"),  # another's alias in slug form
    ({"name": "Sérgey Lavrov", "kind": "person"}, "slug"),  # the slug made from it is taken
])
def test_a_name_alias_or_slug_of_another_actor_is_a_409_naming_the_field(client, auth, world, body, field):
    before = ids(client, "/api/events?actor=Lavrov")
    body = assert_problem(client.post("/api/actors", json=body, headers=auth), 409)
    assert list(body["errors"]) == [field]
    assert ids(client, "/api/events?actor=Lavrov") == before and before


def test_an_alias_another_actor_holds_cannot_be_added_by_patch(client, auth, world):
    body = assert_problem(client.patch(f"/api/actors/{world['actors']['india']}", json={"aliases": ["Lavrov"]}, headers=auth), 409)
    assert list(body["errors"]) == ["aliases"] and "sergey-lavrov" in body["detail"]


@pytest.mark.parametrize("url", ["/api/actors", "/api/topics"])
def test_a_slug_of_digits_alone_is_refused(client, auth, world, url):
    body = {"name": "Year One", "slug": "1"} | ({"kind": "person"} if "actors" in url else {})
    assert "slug" in assert_problem(client.post(url, json=body, headers=auth), 422)["errors"]


@pytest.mark.parametrize("url", ["/api/actors", "/api/topics"])
def test_a_name_of_digits_alone_gets_a_slug_that_is_not_an_id(client, auth, world, url):
    body = {"name": "1945"} | ({"kind": "organisation"} if "actors" in url else {})
    response = client.post(url, json=body, headers=auth)
    assert response.status_code == 201
    assert response.get_json()["slug"] == ("actor-1945" if "actors" in url else "topic-1945")


def test_a_topic_name_or_slug_of_another_topic_is_a_409_naming_the_field(client, auth, world):
    assert list(assert_problem(client.post("/api/topics", json={"name": " DIPLOMACY "}, headers=auth), 409)["errors"]) == ["name"]
    assert list(assert_problem(client.post("/api/topics", json={"name": "Defence!"}, headers=auth), 409)["errors"]) == ["slug"]
    taken = client.patch(f"/api/topics/{world['topics']['defence']}", json={"name": "Diplomacy"}, headers=auth)
    assert list(assert_problem(taken, 409)["errors"]) == ["name"]


def test_topics_may_share_a_keyword(client, auth, world):
    response = client.post("/api/topics", json={"name": "Summits", "keywords": ["talks"]}, headers=auth)
    assert response.status_code == 201


def test_a_refused_parent_writes_nothing(client, auth, world):
    diplomacy, defence = world["topics"]["diplomacy"], world["topics"]["defence"]
    refused = client.patch(f"/api/topics/{diplomacy}", json={"name": "Statecraft", "parent": defence}, headers=auth)
    assert "parent" in assert_problem(refused, 422)["errors"]
    assert client.get(f"/api/topics/{diplomacy}").get_json()["name"] == "Diplomacy"
