"""Writes need a configured bearer token; reads stay public; with no token configured writes are off."""
import pytest

from service import create_app

WRITES = [
    ("post", "/api/articles", {"body": "Talks were held on 6 April 2021."}),
    ("post", "/api/articles/batch", {"articles": [{"body": "Talks were held on 6 April 2021."}]}),
    ("delete", "/api/articles/1", None),
    ("post", "/api/actors", {"name": "Narendra Modi", "kind": "person"}),
    ("patch", "/api/actors/1", {"aliases": ["Modi"]}),
    ("post", "/api/topics", {"name": "Trade"}),
    ("patch", "/api/topics/1", {"keywords": ["tariff"]}),
]


@pytest.mark.parametrize("method, url, body", WRITES)
@pytest.mark.parametrize("header", [None, "Bearer wrong-token", "Basic dGVzdDp0ZXN0", "Bearer ", "test-token"])
def test_write_without_a_valid_token_is_a_401(client, method, url, body, header):
    headers = {"Authorization": header} if header else {}
    response = getattr(client, method)(url, json=body, headers=headers)
    assert response.status_code == 401
    assert response.content_type == "application/problem+json"
    assert response.headers["WWW-Authenticate"].startswith("Bearer")


@pytest.mark.parametrize("method, url, body", WRITES)
def test_write_with_the_token_gets_past_auth(client, auth, world, method, url, body):
    response = getattr(client, method)(url, json=body, headers=auth)
    assert response.status_code in (200, 201, 204), response.get_json()


@pytest.mark.parametrize("method, url, body", WRITES)
def test_no_token_configured_refuses_writes_and_says_how_to_configure(tmp_path, method, url, body):
    app = create_app({"TESTING": True, "DATABASE_URL": f"sqlite:///{tmp_path / 't.db'}", "API_TOKENS": []})
    client = app.test_client()
    response = getattr(client, method)(url, json=body, headers={"Authorization": "Bearer anything"})
    assert response.status_code == 403
    detail = response.get_json()["detail"]
    assert "TIMELINE_API_TOKENS" in detail and "timeline token new" in detail


def test_any_of_several_tokens_works(tmp_path):
    app = create_app({"TESTING": True, "DATABASE_URL": f"sqlite:///{tmp_path / 't.db'}", "API_TOKENS": ["one", "two"]})
    response = app.test_client().patch("/api/actors/5", json={}, headers={"Authorization": "Bearer two"})
    assert response.status_code == 503 or response.status_code == 404


def test_reads_need_no_token(client, world):
    for url in ("/api/events", "/api/articles", "/api/actors", "/api/topics", "/api/timeline"):
        assert client.get(url).status_code == 200
