"""The actor filter reads a name the way extraction reads it in an article: typos, renderings and offices."""
from urllib.parse import quote

import pytest


@pytest.fixture
def seeded(app, timeline):
    result = timeline("seed")
    assert result.exit_code == 0, result.output


def event_ids(client, actor):
    response = client.get(f"/api/events?limit=200&actor={quote(actor)}")
    assert response.status_code == 200, response.get_json()
    return [item["id"] for item in response.get_json()["items"]]


@pytest.mark.parametrize("slug, names", [
    ("sergei-lavrov", ["Lavrov", "Sergey Lavrov", "the Russian Foreign Minister", "Russia's foreign minister"]),
    ("s-jaishankar", ["Jaishankar", "Jaishnakar", "Su Jiesheng", "External Affairs Minister S Jaishankar"]),
])
def test_a_name_a_typo_or_an_office_finds_the_actors_events(client, seeded, slug, names):
    expected = event_ids(client, slug)
    assert expected
    for name in names:
        assert event_ids(client, name) == expected, name


def test_an_office_names_its_holder_not_the_country(client, seeded):
    assert event_ids(client, "the Russian Foreign Minister") != event_ids(client, "Russia")


def test_words_that_name_no_actor_are_still_a_422(client, seeded):
    response = client.get("/api/events?actor=Xqzvwk%20Plorb")
    assert response.status_code == 422
    assert response.get_json()["errors"] == {"actor": ["no actor matches 'Xqzvwk Plorb'"]}


def test_an_actor_filter_on_an_empty_vocabulary_writes_nothing(client):
    # Resolving a name reads the actor table as it is: a GET must not seed the vocabulary from the data files.
    from service.db import db
    from service.models import Actor, Topic

    response = client.get("/api/events?actor=the%20Russian%20Foreign%20Minister")
    assert response.status_code == 422 and list(response.get_json()["errors"]) == ["actor"]
    with db.connection_context():
        assert Actor.select().count() == 0 and Topic.select().count() == 0
