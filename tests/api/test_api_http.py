"""HTTP behaviour around the resources: probes, proxy-aware links, CORS, conditional GETs, JSON encoding, OpenAPI and docs."""
import pytest

from service import create_app
from service.db import db
from service.schema import upgrade

from problem_asserts import assert_problem


def make_app(tmp_path, **config):
    """Return a migrated app over its own SQLite file with config overrides."""
    app = create_app({"TESTING": True, "DATABASE_URL": f"sqlite:///{tmp_path / 'http.db'}", "API_TOKENS": ["t"], **config})
    with db.connection_context():
        upgrade()
    return app


PROXY_HEADERS = {
    "X-Forwarded-For": "203.0.113.9",
    "X-Forwarded-Proto": "https",
    "X-Forwarded-Host": "news.example.org",
    "X-Forwarded-Prefix": "/timeline",
}


def test_healthz_and_readyz(client):
    assert client.get("/healthz").get_json() == {"status": "ok"}
    assert client.get("/readyz").get_json() == {"status": "ready"}


def test_links_use_the_trusted_proxy_scheme_host_and_prefix(tmp_path, world_factory):
    app = make_app(tmp_path, TRUSTED_PROXIES=1, TRUSTED_HOSTS=["news.example.org"])
    world_factory()
    client = app.test_client()
    body = client.get("/api/events?limit=1", headers=PROXY_HEADERS)
    assert body.get_json()["next"].startswith("https://news.example.org/timeline/api/events?limit=1&cursor=")
    assert body.headers["Link"].startswith("<https://news.example.org/timeline/api/events?")
    spec = client.get("/api/openapi.json", headers=PROXY_HEADERS).get_json()
    assert spec["servers"] == [{"url": "https://news.example.org/timeline", "description": "this server"}]


def test_untrusted_forwarded_headers_are_ignored(client, world):
    body = client.get("/api/events?limit=1", headers=PROXY_HEADERS).get_json()
    assert body["next"].startswith("/api/events?limit=1&cursor=")


def test_a_forged_host_is_never_written_into_links(client, world):
    response = client.get("/api/events?limit=1", headers={"Host": "evil.example"})
    assert response.get_json()["next"].startswith("/api/events?limit=1&cursor=")
    assert response.headers["Link"].startswith("</api/events?limit=1&cursor=")
    spec = client.get("/api/openapi.json", headers={"Host": "evil.example"}).get_json()
    assert spec["servers"] == [{"url": "/", "description": "this server"}]


def test_trusted_hosts_refuse_any_other_host_and_allow_absolute_links(tmp_path, world_factory):
    client = make_app(tmp_path, TRUSTED_HOSTS=["timeline.example.org"]).test_client()
    world_factory()
    assert_problem(client.get("/api/events", headers={"Host": "evil.example"}), 400)
    body = client.get("/api/events?limit=1", headers={"Host": "timeline.example.org"}).get_json()
    assert body["next"].startswith("http://timeline.example.org/api/events?limit=1&cursor=")


def test_public_url_makes_every_link_absolute_whatever_the_host(tmp_path, world_factory):
    client = make_app(tmp_path, PUBLIC_URL="https://news.example.org/timeline/").test_client()
    world_factory()
    response = client.get("/api/events?limit=1", headers={"Host": "evil.example"})
    assert response.get_json()["next"].startswith("https://news.example.org/timeline/api/events?limit=1&cursor=")
    assert response.headers["Link"].startswith("<https://news.example.org/timeline/api/events?")
    spec = client.get("/api/openapi.json", headers={"Host": "evil.example"}).get_json()
    assert spec["servers"] == [{"url": "https://news.example.org/timeline", "description": "this server"}]


def test_cors_allows_configured_origins_and_exposes_link(tmp_path):
    client = make_app(tmp_path, CORS_ORIGINS=["https://app.example.org"]).test_client()
    allowed = client.get("/api/events", headers={"Origin": "https://app.example.org"})
    assert allowed.headers["Access-Control-Allow-Origin"] == "https://app.example.org"
    assert "Link" in allowed.headers["Access-Control-Expose-Headers"]
    other = client.get("/api/events", headers={"Origin": "https://evil.example.net"})
    assert "Access-Control-Allow-Origin" not in other.headers
    preflight = client.options("/api/articles", headers={
        "Origin": "https://app.example.org", "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "Authorization, Content-Type"})
    assert preflight.status_code == 200 and "POST" in preflight.headers["Access-Control-Allow-Methods"]


def test_no_cors_headers_without_configured_origins(client):
    assert "Access-Control-Allow-Origin" not in client.get("/api/events", headers={"Origin": "https://app.example.org"}).headers


@pytest.mark.parametrize("url", ["/api/events", "/api/articles", "/api/actors", "/api/topics"])
def test_lists_answer_304_to_conditional_requests(client, world, url):
    etag = client.get(url).headers["ETag"]
    assert client.get(url, headers={"If-None-Match": etag}).status_code == 304
    assert client.get(url, headers={"If-None-Match": '"stale"'}).status_code == 200


@pytest.mark.parametrize("url", ["/api/events", "/api/actors"])
def test_a_delete_or_an_edit_is_never_answered_with_a_stale_304(client, world, auth, url):
    first = client.get(url)
    # No row's time says when a list last changed, so lists give no Last-Modified to revalidate with.
    assert "Last-Modified" not in first.headers
    client.delete(f"/api/articles/{world['articles']['undated']}", headers=auth)
    client.patch(f"/api/actors/{world['actors']['india']}", json={"aliases": ["Bharat"]}, headers=auth)
    when = "Sun, 01 Jan 2090 00:00:00 GMT"
    assert client.get(url, headers={"If-Modified-Since": when}).status_code == 200
    again = client.get(url, headers={"If-None-Match": first.headers["ETag"]})
    assert again.status_code == 200 and again.headers["ETag"] != first.headers["ETag"]


def test_etag_changes_when_the_list_changes(client, world, auth):
    etag = client.get("/api/actors").headers["ETag"]
    client.post("/api/actors", json={"name": "Narendra Modi", "kind": "person"}, headers=auth)
    response = client.get("/api/actors", headers={"If-None-Match": etag})
    assert response.status_code == 200 and response.headers["ETag"] != etag


def test_json_is_utf8_not_escaped(client, world):
    response = client.get("/api/events?q=élections")
    assert response.mimetype == "application/json"
    text = response.get_data().decode("utf-8")
    assert "Élections à Moscou — a vote" in text and "\\u00c9" not in text


@pytest.mark.parametrize("agent, indented", [("curl/8.5.0", True), ("HTTPie/3.2.2", True), ("Mozilla/5.0", False), ("", False)])
def test_json_is_indented_for_terminal_clients(client, world, agent, indented):
    for url in ("/api/events", "/api/actors", "/api/events?limit=0"):
        text = client.get(url, headers={"User-Agent": agent}).get_data(as_text=True)
        assert ('\n  "' in text) == indented and text.endswith("\n")


def test_openapi_documents_every_route_parameter_and_problem(client):
    spec = client.get("/api/openapi.json").get_json()
    assert spec["openapi"].startswith("3.")
    paths = spec["paths"]
    for path in ("/api/events", "/api/events/{event_id}", "/api/articles", "/api/articles/{article_id}", "/api/articles/batch",
                 "/api/actors", "/api/actors/{actor_id}", "/api/topics", "/api/topics/{topic_id}", "/api/timeline"):
        assert path in paths
    events_params = {p["name"] for p in paths["/api/events"]["get"]["parameters"]}
    assert events_params == {"actor", "topic", "from", "to", "granularity", "status", "article", "language", "q", "sort", "limit", "cursor"}
    for path, operations in paths.items():
        for method, operation in operations.items():
            if method == "parameters":
                continue
            errors = {code for code in operation["responses"] if code.startswith(("4", "5"))}
            assert "503" in errors and "default" in operation["responses"], (path, method)
            if method in ("post", "patch", "delete"):
                assert {"401", "403"} <= errors and operation["security"] == [{"bearerAuth": []}], (path, method)
    problem = spec["components"]["responses"]["UNPROCESSABLE_ENTITY"]["content"]
    assert "application/problem+json" in problem


def test_docs_page_is_self_contained(client):
    page = client.get("/api/docs").get_data(as_text=True)
    assert 'fetch("openapi.json")' in page
    assert "<script src=" not in page and "cdn" not in page.lower()
def test_database_down_is_a_503_with_retry_after(tmp_path):
    app = create_app({"TESTING": True, "DATABASE_URL": "postgresql://postgres@127.0.0.1:1/none", "API_TOKENS": ["t"]})
    client = app.test_client()
    for url in ("/api/events", "/api/articles/1", "/readyz"):
        response = client.get(url)
        assert_problem(response, 503)
        assert int(response.headers["Retry-After"]) > 0
    assert client.get("/healthz").status_code == 200


def test_unmigrated_database_is_not_ready(tmp_path):
    app = create_app({"TESTING": True, "DATABASE_URL": f"sqlite:///{tmp_path / 'empty.db'}"})
    body = assert_problem(app.test_client().get("/readyz"), 503)
    assert "timeline db upgrade" in body["detail"]
