"""A national day several countries share resolves by the country the article is about, then by where it was
published (calendars checked by hand: India's Independence Day is 15 August, its Republic Day 26 January;
the United States' Independence Day is 4 July; Turkey's Republic Day is 29 October)."""
import pytest

CASES = [
    ("India celebrated Independence Day with a speech from the Red Fort in Delhi. Across India, flags flew.",
     "https://example.org/news/india-flags", "Independence Day", "2021-08-15"),
    ("The United States celebrated Independence Day with fireworks. Americans across the United States watched.",
     "https://example.org/news/us-fireworks", "Independence Day", "2021-07-04"),
    ("India held a parade in Delhi on Republic Day, and India showed new missiles.",
     "https://example.org/news/india-parade", "Republic Day", "2021-01-26"),
    ("Turkey marked Republic Day in Ankara; Turkey's president spoke.",
     "https://example.org/news/turkey-parade", "Republic Day", "2020-10-29"),
    # No country named: the country-code domain of the page tells where it was published.
    ("Flags flew on every roof on Independence Day.",
     "https://news.example.in/flags", "Independence Day", "2021-08-15"),
]


@pytest.mark.parametrize(("body", "url", "name", "value"), CASES)
def test_a_shared_national_day_is_the_one_of_the_articles_country(client, auth, body, url, name, value):
    article = {"title": "National day", "body": body, "url": url, "published_at": "2021-09-01T10:00:00+00:00"}
    response = client.post("/api/articles", json=article, headers=auth)
    assert response.status_code == 201
    assert [(m["text"], m["value"]) for m in response.get_json()["mentions"] if m["text"] == name] == [(name, value)]
