"""q folds case as names do (casefold): q=strasse finds Straße in events and articles, on both databases."""
import pytest

from service.reads.search import spellings


@pytest.mark.parametrize("word, expected", [
    ("talks", ["talks"]),
    ("Straße", ["Straße", "strasse", "straße"]),
    ("STRASSE", ["STRASSE", "strasse", "straße"]),
    ("Strassenbahnhaltestelle", ["Strassenbahnhaltestelle", "strassenbahnhaltestelle", "straßenbahnhaltestelle"]),
    ("assess", ["assess", "asseß", "aßess", "aßeß"]),
])
def test_spellings_of_a_word(word, expected):
    assert spellings(word) == expected


@pytest.fixture
def strasse(client, auth, world):
    body = "Lavrov met Jaishankar in the Wilhelmstraße on 6 April 2021 for talks."
    response = client.post("/api/articles", json={"body": body, "title": "An der Wilhelmstraße", "published_at": "2021-04-07"},
                           headers=auth)
    assert response.status_code == 201
    return response.get_json()


@pytest.mark.parametrize("q", ["wilhelmstrasse", "WILHELMSTRASSE", "Wilhelmstraße", "wilhelmstraße talks"])
def test_q_finds_a_word_written_with_sharp_s(client, strasse, q):
    events = client.get(f"/api/events?q={q}").get_json()["items"]
    assert [event["id"] for event in events] == [event["id"] for event in strasse["events"]] and events
    articles = client.get(f"/api/articles?q={q}").get_json()["items"]
    assert [article["id"] for article in articles] == [strasse["id"]]


def test_q_still_needs_every_word(client, strasse):
    assert client.get("/api/events?q=wilhelmstrasse%20nowhere").get_json()["items"] == []
