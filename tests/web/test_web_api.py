"""POST /api/articles with html or a url, and /api/feeds: stored pages, dates with their source, 4xx per item."""
from datetime import datetime, timedelta, timezone

import pytest

import heavy_pages
from local_site import FIXTURES
from problem_asserts import assert_problem
from service.models import Article, ArticleHtml, Feed

AUTH = {"Authorization": "Bearer test-token"}


def fixture_html(name):
    return (FIXTURES / "pages" / name).read_bytes().decode("utf-8")


def post(client, body, path="/api/articles"):
    return client.post(path, json=body, headers=AUTH)


@pytest.fixture
def fetching(app, site):
    """The API fetching URLs, with the test site's host allowed past the address guard."""
    app.config.update(URL_INGEST=True, FETCH_ALLOW_HOSTS=["127.0.0.1"], FETCH_DELAY=0)
    app.extensions.pop("timeline_fetcher", None)
    return site


def test_post_html_stores_the_article_with_its_date_source(client):
    response = post(client, {"html": fixture_html("en-metadata.html"), "url": "https://news.example.org/x?utm_source=rss"})
    assert response.status_code == 201, response.get_json()
    article = response.get_json()
    assert article["title"] == "Ceasefire talks resume in Geneva after month-long pause"
    assert article["source"] == "The Northern Courier" and article["language"] == "en"
    assert article["url"] == "https://news.example.org/world/ceasefire-talks-resume-geneva"  # canonical
    assert (article["published_at"], article["published_at_source"], article["date_conflict"]) == ("2024-03-19", "page", None)
    assert article["body"].startswith("Negotiators from both delegations") and "cookie" not in article["body"]
    # "on Tuesday" resolves against the page's date: Tuesday 19 March 2024.
    assert any(m["text"] == "Tuesday" and m["value"] == "2024-03-19" for m in article["mentions"])
    assert ArticleHtml.get_by_id(article["id"]).fetched_url is not None


def test_post_html_conflict_is_shown_with_the_reading_used(client):
    article = post(client, {"html": fixture_html("en-conflict.html")}).get_json()
    assert (article["published_at"], article["published_at_source"]) == ("2022-11-20", "page")
    assert "the dateline in the text says 2022-11-08; used the page's metadata" in article["date_conflict"]


def test_given_values_win_over_the_page(client):
    article = post(client, {"html": fixture_html("en-metadata.html"), "published_at": "2024-03-20",
                            "title": "Geneva talks", "source": "Wire"}).get_json()
    assert (article["published_at"], article["published_at_source"], article["title"], article["source"]) == \
        ("2024-03-20", "given", "Geneva talks", "Wire")


def test_body_articles_say_where_their_date_came_from(client):
    dated = post(client, {"body": "The council met on Tuesday.", "published_at": "2024-03-19"}).get_json()
    undated = post(client, {"body": "The council met on Wednesday."}).get_json()
    assert (dated["published_at_source"], undated["published_at_source"]) == ("given", "none")


@pytest.mark.parametrize("body, field, message", [
    ({"body": "Text.", "html": "<html><body><p>Text.</p></body></html>"}, "html", "either body or html"),
    ({"title": "No text"}, "body", "body or html is required"),
    ({"html": "Just words, no markup."}, "html", "not HTML"),
    ({"html": '{"json": true}'}, "html", "not HTML"),
    ({"html": "<html><body><nav><a href='/'>Home</a></nav></body></html>"}, "html", "no article text"),
    ({"html": ""}, "html", "must not be empty"),
    ({"url": "https://news.example.org/a"}, "url", "TIMELINE_URL_INGEST is off"),
])
def test_unreadable_html_is_a_422_naming_the_field(client, body, field, message):
    problem = assert_problem(post(client, body), 422)
    assert any(message in text for text in problem["errors"][field]), problem
    assert Article.select().count() == 0


def test_batch_reports_each_page_and_stores_the_good_ones(client):
    response = post(client, {"articles": [
        {"html": fixture_html("fr-metadata.html")},
        {"html": "plain words"},
        {"body": "The council met on Tuesday.", "published_at": "2024-03-19"},
        {"html": fixture_html("en-metadata.html"), "body": "both"},
        {"html": (FIXTURES / "pages" / "de-no-charset-cp1252.html").read_bytes().decode("cp1252")},
    ]}, "/api/articles/batch")
    assert response.status_code == 200, response.get_json()
    items = response.get_json()["items"]
    assert [item["status"] for item in items] == [201, 422, 201, 422, 201]
    assert "not HTML" in items[1]["errors"]["html"][0] and "either body or html" in items[3]["errors"]["html"][0]
    assert items[0]["article"]["published_at_source"] == "page" and items[0]["article"]["language"] == "fr"
    assert Article.select().count() == 3


def test_url_alone_is_fetched_when_enabled(client, fetching):
    response = post(client, {"url": fetching.url("/economia/2023/01/10/salario-minimo.html")})
    assert response.status_code == 201, response.get_json()
    article = response.get_json()
    assert (article["published_at"], article["published_at_source"], article["language"]) == ("2023-01-10", "url", "es")


@pytest.mark.parametrize("path, message", [
    ("/status/404", "answered 404"), ("/status/500", "answered 500"), ("/redirect/loop-a", "redirect loop"),
    ("/big", "limit"), ("/binary", "not HTML (image/png)"), ("/binary-as-html", "binary content"),
    ("/plain", "not HTML"), ("/empty-page", "no article text"), ("/redirect/metadata", "not a public address"),
    ("/redirect/localhost", "not a public address"), ("/private/ceasefire", "robots.txt"),
    ("/redirect/file", "only http and https"), ("/redirect/decimal-loopback", "not a public address"),
    ("/redirect/bad-port", "not a URL"), ("/redirect/bad-ipv6", "Invalid URL in location header"),
])
def test_bad_urls_are_a_422_each(client, fetching, path, message):
    problem = assert_problem(post(client, {"url": fetching.url(path)}), 422)
    assert message in problem["errors"]["url"][0], problem


def test_url_fetch_times_out_in_bounded_time(client, fetching, app):
    app.config["FETCH_TIMEOUT"] = 1
    app.extensions.pop("timeline_fetcher", None)
    problem = assert_problem(post(client, {"url": fetching.url("/drip")}), 422)
    assert "not fetched within 1 s" in problem["errors"]["url"][0]


def test_a_fetched_page_past_the_cpu_budget_is_a_422_on_its_url(client, fetching, app, monkeypatch):
    # About half a second of reading on a 2-core machine: fifty times this budget.
    monkeypatch.setitem(app.config, "EXTRACTION_BUDGET", 0.01)
    problem = assert_problem(post(client, {"url": fetching.url("/costly")}), 422)
    assert problem["errors"] == {"url": ["reading the page at this URL took longer than its 0.01 s budget; "
                                         "send its text as body"]}
    assert Article.select().count() == 0


def test_loopback_is_refused_unless_allowed(client, app, site):
    app.config.update(URL_INGEST=True, FETCH_ALLOW_HOSTS=[])
    app.extensions.pop("timeline_fetcher", None)
    problem = assert_problem(post(client, {"url": site.url("/world/ceasefire-talks-resume-geneva")}), 422)
    assert "127.0.0.1, which is not a public address" in problem["errors"]["url"][0]
    before = len(site.requests)
    assert_problem(post(client, {"url": "http://169.254.169.254/latest/meta-data/"}), 422)
    assert len(site.requests) == before


def test_feeds_register_list_and_delete(client, fetching, timeline):
    assert_problem(client.post("/api/feeds", json={"url": fetching.url("/feeds/news.rss")}), 401)
    created = post(client, {"url": fetching.url("/feeds/news.rss")}, "/api/feeds")
    assert created.status_code == 201, created.get_json()
    feed = created.get_json()
    assert (feed["status"], feed["articles"], feed["last_fetched_at"]) == ("new", 0, None)
    assert post(client, {"url": fetching.url("/feeds/news.rss")}, "/api/feeds").status_code == 200
    broken = post(client, {"url": fetching.url("/feeds/broken.rss")}, "/api/feeds").get_json()
    assert Feed.get_by_id(feed["id"]).guarded is True
    result = timeline("follow", "--once")
    assert result.exit_code == 1  # the broken feed
    listed = {f["id"]: f for f in client.get("/api/feeds").get_json()["items"]}
    assert (listed[feed["id"]]["status"], listed[feed["id"]]["articles"], listed[feed["id"]]["error"]) == ("ok", 2, None)
    assert listed[feed["id"]]["last_fetched_at"] is not None
    assert listed[broken["id"]]["status"] == "error" and "broken feed XML" in listed[broken["id"]]["error"]
    assert client.delete(f"/api/feeds/{feed['id']}", headers=AUTH).status_code == 204
    assert_problem(client.get(f"/api/feeds/{feed['id']}"), 404)
    assert Article.select().count() == 2  # its articles stay


def test_feed_times_are_rfc3339_with_their_utc_offset(client, fetching, timeline):
    feed = post(client, {"url": fetching.url("/feeds/news.rss")}, "/api/feeds").get_json()
    assert timeline("follow", "--once").exit_code == 0
    for shown in (client.get(f"/api/feeds/{feed['id']}").get_json(), client.get("/api/feeds").get_json()["items"][0]):
        created, fetched, due = (datetime.fromisoformat(shown[name]) for name in ("created_at", "last_fetched_at", "next_fetch_at"))
        assert created.utcoffset() == fetched.utcoffset() == due.utcoffset() == timedelta(0), shown
        assert created <= fetched < due and abs(datetime.now(timezone.utc) - fetched) < timedelta(minutes=5)


def test_feeds_refused_when_off_or_private(client, app, site):
    assert_problem(post(client, {"url": site.url("/feeds/news.rss")}, "/api/feeds"), 422)
    app.config.update(URL_INGEST=True, FETCH_ALLOW_HOSTS=[])
    problem = assert_problem(post(client, {"url": site.url("/feeds/news.rss")}, "/api/feeds"), 422)
    assert "not a public address" in problem["errors"]["url"][0]
    problem = assert_problem(post(client, {"url": "file:///etc/passwd"}, "/api/feeds"), 422)
    assert Feed.select().count() == 0


def test_a_given_language_wins_over_a_fetched_page(client, fetching):
    response = post(client, {"url": fetching.url("/economia/2023/01/10/salario-minimo.html"), "language": "pt"})
    assert response.status_code == 201, response.get_json()
    assert response.get_json()["language"] == "pt"


def test_a_batch_of_slow_urls_shares_one_fetch_budget(client, fetching, app):
    # Waiting on a server costs no CPU, so the CPU budget cannot bound it: without one wall-clock budget for the
    # batch, 100 URLs that each drip for the fetch timeout would hold a worker far past gunicorn's timeout.
    app.config["FETCH_TIMEOUT"] = 1
    app.extensions.pop("timeline_fetcher", None)
    items = [{"url": fetching.url("/drip")}] * 3 + [{"body": "Talks were held on 6 April 2021."}]
    response = client.post("/api/articles/batch", json={"articles": items}, headers=AUTH)
    results = response.get_json()["items"]
    assert [item["status"] for item in results] == [422, 503, 503, 201], results
    assert "send this item again" in results[1]["errors"]["_item"][0]


def test_a_heavy_news_page_is_stored_with_its_article_and_json_ld_date(client):
    # Over 10,000 start tags, most of them in icons, scripts, styles and templates: fewer than 4,000 are read.
    response = post(client, {"html": heavy_pages.mega_menu_page()})
    assert response.status_code == 201, response.get_json()
    article = response.get_json()
    assert (article["title"], article["source"], article["url"]) == (
        heavy_pages.TITLE, "The Baltic Herald", "https://balticherald.example.com/world/eu-cod-quotas")
    assert (article["published_at"], article["published_at_source"]) == (heavy_pages.PUBLISHED, "page")
    assert article["body"] == "\n\n".join(heavy_pages.ARTICLE)
