"""Writes need a configured bearer token; reads stay public; with no token configured writes are off."""
import pytest

from service import create_app
from service.db import db
from service.schema import upgrade



def test_write_with_the_token_gets_past_auth(client, auth, world, write):
    method, url, body = write
    response = getattr(client, method)(url, json=body, headers=auth)
    assert response.status_code in (200, 201, 204), response.get_json()


def test_no_token_configured_refuses_writes_and_says_how_to_configure(tmp_path, write):
    method, url, body = write
    app = create_app({"TESTING": True, "DATABASE_URL": f"sqlite:///{tmp_path / 't.db'}", "API_TOKENS": []})
    response = getattr(app.test_client(), method)(url, json=body, headers={"Authorization": "Bearer anything"})
    assert response.status_code == 403
    detail = response.get_json()["detail"]
    assert "TIMELINE_API_TOKENS" in detail and "timeline token new" in detail


def test_any_of_several_tokens_works(tmp_path):
    app = create_app({"TESTING": True, "DATABASE_URL": f"sqlite:///{tmp_path / 't.db'}", "API_TOKENS": ["one", "two"]})
    with db.connection_context():
        upgrade()
    client = app.test_client()
    assert client.patch("/api/actors/5", json={}, headers={"Authorization": "Bearer two"}).status_code == 404
    assert client.patch("/api/actors/5", json={}, headers={"Authorization": "Bearer three"}).status_code == 401


def test_reads_need_no_token(client, world):
    for url in ("/api/events", "/api/articles", "/api/actors", "/api/topics", "/api/timeline"):
        assert client.get(url).status_code == 200
