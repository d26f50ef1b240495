"""Articles: list filters, detail with mentions and events, ingest (single and batch) and delete."""
import json

import pytest

ARTICLE = {
    "title": "Lavrov meets Jaishankar",
    "body": "Russian Foreign Minister Sergey Lavrov met S. Jaishankar in New Delhi on 6 April 2021. "
            "The ministers will meet again on 15 June 2021.",
    "url": "https://example.org/news/lavrov-jaishankar",
    "source": "Example News",
    "published_at": "2021-04-07T09:30:00+05:30",
}


def test_post_stores_the_article_with_its_events(client, auth):
    response = client.post("/api/articles", json=ARTICLE, headers=auth)
    assert response.status_code == 201
    body = response.get_json()
    assert {k: body[k] for k in ("title", "url", "source", "published_at")} == {k: ARTICLE[k] for k in ("title", "url", "source", "published_at")}
    assert body["body"] == ARTICLE["body"]
    starts = sorted(e["date"]["start"] for e in body["events"])
    assert "2021-04-06" in starts and "2021-06-15" in starts
    assert body["events"] and all(s["article"]["id"] == body["id"] for e in body["events"] for s in e["sources"])
    assert any(m["text"].endswith("2021") for m in body["mentions"])
    assert client.get(f"/api/articles/{body['id']}").get_json() == body


def test_each_mention_shows_what_it_was_resolved_against(client, auth):
    body = "Talks collapsed on 18 March 2019. Two days later, the envoy resigned. Sales fell last month."
    article = {**ARTICLE, "body": body, "url": "https://example.org/news/envoy", "title": "Envoy resigns"}
    mentions = client.post("/api/articles", json=article, headers=auth).get_json()["mentions"]
    told = body.index("18 March 2019")
    assert [(m["text"], m["value"], m["anchor"]) for m in mentions] == [
        ("18 March 2019", "2019-03-18", {"date": "2021-04-07", "source": "published"}),
        ("Two days later", "2019-03-20", {"date": "2019-03-18", "source": "mention", "start": told, "end": told + 13}),
        ("last month", "2021-03", {"date": "2021-04-07", "source": "published"}),
    ]


def test_post_again_returns_the_stored_article_with_200(client, auth):
    first = client.post("/api/articles", json=ARTICLE, headers=auth).get_json()
    same_url = client.post("/api/articles", json={**ARTICLE, "body": "Another capture."}, headers=auth)
    same_text = client.post("/api/articles", json={"body": ARTICLE["body"].upper()}, headers=auth)
    assert (same_url.status_code, same_text.status_code) == (200, 200)
    assert same_url.get_json()["id"] == same_text.get_json()["id"] == first["id"]
    assert len(client.get("/api/articles").get_json()["items"]) == 1


def test_post_accepts_a_plain_date_and_no_metadata(client, auth):
    response = client.post("/api/articles", json={"body": "The summit was held on 1 March 2020.", "published_at": "2020-03-02"}, headers=auth)
    assert response.status_code == 201
    assert response.get_json()["published_at"] == "2020-03-02"


def test_batch_reports_each_item(client, auth):
    items = [ARTICLE, {"body": ""}, ARTICLE, {"body": "Talks resumed on 3 May 2021.", "published_at": "2021-05-04"}, {"body": "x", "published_at": "soon"}]
    response = client.post("/api/articles/batch", json={"articles": items}, headers=auth)
    assert response.status_code == 200
    results = response.get_json()["items"]
    assert [(r["index"], r["status"]) for r in results] == [(0, 201), (1, 422), (2, 200), (3, 201), (4, 422)]
    assert results[0]["article"]["id"] == results[2]["article"]["id"]
    assert "body" in results[1]["errors"] and "published_at" in results[4]["errors"]
    assert len(client.get("/api/articles").get_json()["items"]) == 2


@pytest.mark.parametrize("articles", [[], [{"body": "x"}] * 101, "not a list"])
def test_batch_size_is_1_to_100(client, auth, articles):
    response = client.post("/api/articles/batch", json={"articles": articles}, headers=auth)
    assert response.status_code == 422
    assert "articles" in response.get_json()["errors"]


def test_delete_detaches_the_article_and_drops_orphan_events(client, auth, world):
    response = client.delete(f"/api/articles/{world['articles']['tass']}", headers=auth)
    assert response.status_code == 204
    events = {e["id"]: e for e in client.get("/api/events?limit=500").get_json()["items"]}
    # talks keeps its other source; summit and exercise had only this article.
    assert world["events"]["talks"] in events and world["events"]["summit"] not in events and world["events"]["exercise"] not in events
    assert [s["article"]["id"] for s in events[world["events"]["talks"]]["sources"]] == [world["articles"]["ani"]]
    assert client.get(f"/api/articles/{world['articles']['tass']}").status_code == 404
    assert client.get("/api/events?q=summit").get_json()["items"] == []
    assert client.delete(f"/api/articles/{world['articles']['tass']}", headers=auth).status_code == 404


@pytest.mark.parametrize("query, expected", [
    ("", ["ani", "tass", "undated"]),
    ("source=ani", ["ani"]),
    ("source=TASS", ["tass"]),
    ("from=2021-04", ["ani"]),
    ("from=2021&to=2021-01", ["tass"]),
    ("to=2021-01-19", ["tass"]),
    ("q=briefing", ["tass"]),
    ("q=delhi&source=ani", ["ani"]),
])
def test_article_filters(client, world, query, expected):
    names = {v: k for k, v in world["articles"].items()}
    items = client.get(f"/api/articles?{query}").get_json()["items"]
    assert [names[a["id"]] for a in items] == expected


@pytest.mark.parametrize("source", ["Коммерсантъ", "КОММЕРСАНТЪ", "коммерсантъ"])
def test_source_filter_ignores_case_in_every_script(client, auth, world, source):
    article = {"title": "Новости", "body": "Лавров встретился с Джайшанкаром 6 апреля 2021 года.", "source": "Коммерсантъ"}
    assert client.post("/api/articles", json=article, headers=auth).status_code == 201
    assert [a["title"] for a in client.get("/api/articles", query_string={"source": source}).get_json()["items"]] == ["Новости"]


def test_article_list_item_shape(client, world):
    item = client.get("/api/articles?source=ani").get_json()["items"][0]
    assert set(item) == {"id", "title", "url", "source", "published_at", "published_at_source", "date_conflict",
                         "language", "created_at", "events"}
    assert item["events"] == 2
    assert item["created_at"].startswith("20")


LONE_SURROGATE = "talks \ud800 on 3 May 2020"


def post_escaped(client, url, payload, headers):
    """POST payload as ASCII JSON, so a lone surrogate travels as the escape \\ud800 (as curl sends it)."""
    return client.post(url, data=json.dumps(payload), content_type="application/json", headers=headers)


def test_batch_refuses_an_item_with_a_lone_surrogate_and_stores_the_rest(client, auth):
    items = [{"body": "The summit was held on 12 June 2019 in Osaka."}, {"body": LONE_SURROGATE}]
    response = post_escaped(client, "/api/articles/batch", {"articles": items}, auth)
    assert response.status_code == 200
    results = response.get_json()["items"]
    assert [(r["index"], r["status"]) for r in results] == [(0, 201), (1, 422)]
    assert "body" in results[1]["errors"]


@pytest.mark.parametrize("url, payload, field", [
    ("/api/articles", {"body": LONE_SURROGATE}, "body"),
    ("/api/articles", {"body": "Talks on 3 May 2020.", "title": "\udfff"}, "title"),
    ("/api/actors", {"name": "X \ud800", "kind": "person"}, "name"),
    ("/api/actors", {"name": "Y", "kind": "person", "aliases": ["\ud800"]}, "aliases"),
    ("/api/topics", {"name": "Z topic", "keywords": ["\udfff"]}, "keywords"),
])
def test_lone_surrogates_are_a_422_naming_the_field_and_store_nothing(client, auth, url, payload, field):
    before = len(client.get(url).get_json()["items"])
    response = post_escaped(client, url, payload, auth)
    assert response.status_code == 422, response.get_data(as_text=True)
    assert response.content_type == "application/problem+json"
    assert field in response.get_json()["errors"]
    assert len(client.get(url).get_json()["items"]) == before
