"""The README's five-minute tour, as a user runs it on the seeded database: teach a person, send an article, read
its events."""
import pytest

TOUR_ARTICLE = {
    "title": "Shringla in Moscow", "url": "https://example.org/shringla-moscow", "source": "Example",
    "published_at": "2021-04-07T09:30:00+05:30",
    "body": "Foreign Secretary Harsh Vardhan Shringla met Sergei Lavrov in Moscow on Tuesday. "
            "The two sides will hold the annual summit in December.",
}


@pytest.fixture
def seeded(timeline):
    result = timeline("seed")
    assert result.exit_code == 0, result.output


def test_a_taught_person_of_no_known_country_is_one_of_the_two_sides(seeded, client, auth):
    taught = client.post("/api/actors", headers=auth,
                         json={"name": "Harsh Vardhan Shringla", "kind": "person", "aliases": ["Shringla"]})
    assert taught.status_code == 201, taught.get_data(as_text=True)
    response = client.post("/api/articles", headers=auth, json=TOUR_ARTICLE)
    assert response.status_code == 201, response.get_data(as_text=True)
    events = [(e["id"], e["date"]["value"], e["status"], [a["slug"] for a in e["actors"]])
              for e in response.get_json()["events"]]
    # "The two sides" are the two men of the sentence before: Shringla (the vocabulary knows no office of his, so he
    # stands for his side) and Lavrov with his Russia. Moscow, where they met, is a place, not a party.
    assert events == [
        (13, "2021-04-06", "past", ["harsh-vardhan-shringla", "sergei-lavrov"]),
        (14, "2021-12", "scheduled", ["harsh-vardhan-shringla", "russia", "sergei-lavrov"]),
    ]
    found = client.get("/api/events", query_string={"actor": "shringla"}).get_json()["items"]
    assert [e["id"] for e in found] == [13, 14]
