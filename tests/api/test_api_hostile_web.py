"""Hostile html, url and feed input: a 4xx problem+json for that input in bounded time, nothing half-stored."""
import base64

import pytest

from problem_asserts import assert_problem
from service.db import db
from service.models import Article, Feed

AUTH = {"Authorization": "Bearer test-token"}
STORY = "<p>Lavrov met Jaishankar in New Delhi on 6 April 2021 for talks about trade and defence.</p>"


def post(client, path, body):
    return client.post(path, json=body, headers=AUTH)


def stored(model):
    with db.connection_context():
        return model.select().count()


@pytest.fixture
def fetching(app):
    """The API as configured to fetch URLs (TIMELINE_URL_INGEST=on), nothing allowed past the address guard."""
    app.config.update(URL_INGEST=True, FETCH_ALLOW_HOSTS=[])
    app.extensions.pop("timeline_fetcher", None)
    with db.connection_context():
        Feed.delete().execute()  # the app fixture empties the tables of articles and events, not of feeds
    yield app
    app.config.update(URL_INGEST=False)
    app.extensions.pop("timeline_fetcher", None)


# Every spelling of loopback, a private or metadata address, and every scheme but http(s): refused before any
# connection, as the field's error (a URL that does not parse) or the address guard's (one that does).
SSRF = ["file:///etc/passwd", "ftp://a.example/x", "javascript:alert(1)", "data:text/html,<p>x</p>",
        "gopher://127.0.0.1:70/_x", "http://user:pass@127.0.0.1/", "http://[::1]/", "http://2130706433/",
        "http://0x7f.1/", "http://0177.0.0.1/", "http://127.1/", "http://0/", "http://[::ffff:127.0.0.1]/",
        "http://[::ffff:7f00:1]/", "http://[::]/", "http://169.254.169.254/latest/meta-data/",
        "http://１２７.０.０.１/", "http://" + "a" * 300 + ".example/", "http://127.0.0.1:99999/", "http://a.example:-1/"]


@pytest.mark.parametrize("url", SSRF)
def test_an_article_url_into_the_host_or_another_scheme_is_a_422(client, fetching, url):
    assert "url" in assert_problem(post(client, "/api/articles", {"url": url}), 422)["errors"]
    assert stored(Article) == 0


@pytest.mark.parametrize("url", SSRF)
def test_a_feed_into_the_host_or_another_scheme_is_a_422(client, fetching, url):
    assert "url" in assert_problem(post(client, "/api/feeds", {"url": url}), 422)["errors"]
    assert stored(Feed) == 0


def test_a_url_is_refused_for_what_it_is_even_where_urls_are_not_fetched(client):
    assert "url" in assert_problem(post(client, "/api/articles", {"body": "Talks on 6 April 2021.",
                                                                  "url": "http://a.example:99999/"}), 422)["errors"]


def test_a_feed_registered_twice_is_one_feed_and_deleting_it_twice_is_a_404(client, fetching):
    first = post(client, "/api/feeds", {"url": "https://feeds.example.com/rss"})
    again = post(client, "/api/feeds", {"url": "https://feeds.example.com/rss"})
    assert (first.status_code, again.status_code) == (201, 200)
    assert first.get_json()["id"] == again.get_json()["id"]
    feed = first.get_json()["id"]
    assert client.delete(f"/api/feeds/{feed}", headers=AUTH).status_code == 204
    assert_problem(client.delete(f"/api/feeds/{feed}", headers=AUTH), 404)


@pytest.mark.parametrize("spelling", ["HTTPS://Feeds.Example.COM/rss", "https://feeds.example.com:443/rss"])
def test_one_feed_spelled_another_way_is_the_same_feed(client, fetching, spelling):
    first = post(client, "/api/feeds", {"url": "https://feeds.example.com/rss"}).get_json()
    again = post(client, "/api/feeds", {"url": spelling})
    assert (again.status_code, again.get_json()["id"], stored(Feed)) == (200, first["id"], 1)


@pytest.mark.parametrize("path", ["/api/feeds/١", "/api/feeds/-1", "/api/feeds/" + "9" * 5000, "/api/feeds/0"])
def test_feed_ids_no_row_can_have_are_404(client, path):
    assert_problem(client.get(path), 404)
    assert_problem(client.delete(path, headers=AUTH), 404)


@pytest.mark.parametrize("query", ["limit=١٢", "limit=１２", "limit=0", "limit=1&limit=2", "cursor=xyz"])
def test_feed_list_arguments_are_ascii_and_once(client, query):
    assert response_status(client.get(f"/api/feeds?{query}")) in (400, 422)


@pytest.mark.parametrize("key", ['[{"a": 1}]', "[1e308]", '["x"]', "[1.5]", "[true]", "[null]", "[1, 2]",
                                 '["feed", {"a": 1}]', '["feed", 1e308]', '["feed", "x"]', '["feed", 1.5]',
                                 '["feed", true]', '["feed", null]', '["feed", 1, 2]', '["feed"]'])
def test_a_forged_feed_cursor_is_a_400(client, fetching, key):
    post(client, "/api/feeds", {"url": "https://feeds.example.com/rss"})
    cursor = base64.urlsafe_b64encode(key.encode()).decode().rstrip("=")
    assert "cursor" in assert_problem(client.get(f"/api/feeds?cursor={cursor}"), 400)["errors"]


def test_the_feed_list_pages_through_its_own_cursors(client, fetching):
    ids = [post(client, "/api/feeds", {"url": f"https://feeds.example.com/{n}.rss"}).get_json()["id"] for n in range(3)]
    first = client.get("/api/feeds?limit=2").get_json()
    second = client.get(first["next"]).get_json()
    assert [f["id"] for f in first["items"] + second["items"]] == ids and second["next"] is None


def response_status(response):
    return assert_problem(response, response.status_code)["status"]


# html that takes apart the parser, not the extractor: each is that field's 422, answered at once.
HOSTILE_HTML = {
    "only whitespace": " \n\t ",
    "NUL": f"<html><body>{STORY}\x00</body></html>",
    "binary": "".join(map(chr, range(1, 32))) * 100,
    "entity blow-up": '<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa">'
                      + "".join(f'<!ENTITY {b} "{("&" + a + ";") * 10}">' for a, b in zip("abcdefgh", "bcdefghi"))
                      + "]><html><body><p>&i;</p></body></html>",
    "100,000 nested divs": "<html><body>" + "<div>" * 100_000 + STORY + "</div>" * 100_000 + "</body></html>",
    # libxml2 compares each attribute with every one before it: 50,000 on one tag held a worker for 24 s.
    "50,000 attributes on one tag": "<html><body><p " + " ".join(f"a{i}=x" for i in range(50_000)) + ">"
                                    + STORY + "</p></body></html>",
    # The main-text extractor cannot be stopped inside, so pages are bounded before it starts: by elements...
    "20,000 elements": "<html><body>" + "<p>x</p>" * 20_000 + STORY + "</body></html>",
    # ...and by attributes, a few on each of them.
    "8,000 elements of 5 attributes": "<html><body>" + '<p a=1 b=2 c=3 d=4 e=5>x</p>' * 8_000 + STORY + "</body></html>",
    # Markup in scripts and comments is not counted, but only where they close: the rest is the parser's to read.
    "20,000 elements after a script that never closes": "<html><body>" + STORY + "<script>" + "<p>x</p>" * 20_000 + "</body></html>",
    "20,000 elements after a comment that never closes": "<html><body>" + STORY + "<!--" + "<p>x</p>" * 20_000 + "</body></html>",
}


@pytest.mark.parametrize("html", HOSTILE_HTML.values(), ids=HOSTILE_HTML.keys())
def test_html_the_parser_cannot_take_is_a_422(client, html):
    assert "html" in assert_problem(post(client, "/api/articles", {"html": html}), 422)["errors"]
    assert stored(Article) == 0


def test_html_with_a_lone_surrogate_is_a_422(client):
    response = client.post("/api/articles", data='{"html": "<p>Talks \\ud800 on 6 April 2021.</p>"}',
                           content_type="application/json", headers=AUTH)
    assert "html" in assert_problem(response, 422)["errors"]


def test_entities_a_page_declares_are_not_expanded(client):
    declared = '<!ENTITY a "aaaaaaaaaa">' + "".join(f'<!ENTITY {b} "{("&" + a + ";") * 10}">' for a, b in zip("abcdefgh", "bcdefghi"))
    html = f"<!DOCTYPE html [{declared}]><html><body><article><p>&i;</p>{STORY}</article></body></html>"
    response = post(client, "/api/articles", {"html": html})
    assert response.status_code == 201, response.get_json()
    assert len(response.get_json()["body"]) < 200  # 10^9 characters had the entities been expanded


def test_a_given_language_wins_over_the_page(client):
    html = f'<html lang="ru"><body><article>{STORY}</article></body></html>'
    response = post(client, "/api/articles", {"html": html, "language": "en"})
    assert response.status_code == 201, response.get_json()
    assert response.get_json()["language"] == "en"


def test_a_meta_charset_that_lies_does_not_garble_the_text(client):
    html = f'<html><head><meta charset="utf-16"></head><body><article>{STORY}<p>In Köln.</p></article></body></html>'
    response = post(client, "/api/articles", {"html": html})
    assert response.status_code == 201, response.get_json()
    assert "Köln" in response.get_json()["body"]


@pytest.mark.parametrize("canonical", ["https://a.example/" + "x" * 5000, "https://a.example/a b\x7f", "javascript:alert(1)"])
def test_a_canonical_url_the_api_would_refuse_is_not_stored(client, canonical):
    html = f'<html><head><link rel="canonical" href="{canonical}"></head><body><article>{STORY}</article></body></html>'
    response = post(client, "/api/articles", {"html": html, "url": "https://news.example.org/lavrov"})
    assert response.status_code == 201, response.get_json()
    assert response.get_json()["url"] == "https://news.example.org/lavrov"


def test_a_batch_of_hostile_pages_answers_each_and_stores_the_good_one(client):
    items = [{"html": HOSTILE_HTML["NUL"]}, {"html": " "}, {"html": f"<html><body>{STORY}</body></html>"},
             {"url": "http://127.0.0.1/"}]
    response = post(client, "/api/articles/batch", {"articles": items})
    assert [item["status"] for item in response.get_json()["items"]] == [422, 422, 201, 422]
    assert stored(Article) == 1
