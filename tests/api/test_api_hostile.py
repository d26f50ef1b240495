"""Inputs an attacker sends: each gets a 4xx problem+json that says what is wrong, never a 5xx."""
import json

import pytest

from problem_asserts import assert_problem
from shared_world import client, world  # noqa: F401 (fixtures)

AUTH = {"Authorization": "Bearer test-token"}


def post(client, url, raw: str | bytes, headers=None):
    """POST a raw body as JSON (so escapes like \\ud800 travel as the client wrote them)."""
    return client.post(url, data=raw, content_type="application/json", headers={**AUTH, **(headers or {})})


@pytest.mark.parametrize("url, status, field", [
    ("/api/events?from=0001", 200, None),
    ("/api/events?from=0001-01-01&to=0001-12-31", 200, None),
    ("/api/events?to=0001", 200, None),
    ("/api/events?from=2021-00", 422, "from"),
    ("/api/events?from=2021-04-00", 422, "from"),
    ("/api/events?to=2021-13", 422, "to"),
    ("/api/events?from=٢٠٢١", 422, "from"),
    ("/api/events?limit=١٢", 422, "limit"),
    ("/api/articles?limit=１２", 422, "limit"),
    ("/api/actors?limit=١", 422, "limit"),
    ("/api/timeline?limit=١٢", 422, "limit"),
    ("/api/events?article=١", 422, "article"),
    ("/api/events?limit=" + "9" * 5000, 422, "limit"),
    ("/api/events?article=" + "9" * 5000, 422, "article"),
])
def test_query_values_are_ascii_and_real_dates(client, url, status, field):
    response = client.get(url)
    if status == 200:
        assert response.status_code == 200, response.get_data(as_text=True)
    else:
        assert field in assert_problem(response, status)["errors"]


@pytest.mark.parametrize("url", ["/api/events/١", "/api/events/" + "9" * 5000, "/api/articles/" + "9" * 5000,
                                 "/api/actors/" + "9" * 30, "/api/topics/٣"])
def test_ids_no_row_can_have_are_404(client, url):
    assert_problem(client.get(url), 404)


@pytest.mark.parametrize("repeats", [20, 100, 600])
def test_many_repeated_filters_are_refused_not_an_outage(client, repeats):
    response = client.get("/api/events?" + "&".join(["actor=lavrov"] * repeats))
    if repeats <= 20:
        assert response.status_code == 200
    else:
        assert "actor" in assert_problem(response, 400)["errors"]


def test_the_most_repeats_of_every_repeatable_filter_at_once_are_answered(client):
    query = "&".join(["actor=lavrov"] * 20 + ["topic=diplomacy"] * 20 + ["granularity=day"] * 20)
    assert client.get(f"/api/events?{query}").status_code == 200
    assert client.get(f"/api/timeline?{query}").status_code == 200


@pytest.mark.parametrize("raw, status, says", [
    (b"[" * 100_000 + b"]" * 100_000, 400, "nests deeper than 20 levels"),
    (b'{"articles": ' + b"[" * 30 + b"]" * 30 + b"}", 400, "nests deeper than 20 levels"),
    (b'{"body": "x", "title": ' + b"9" * 5000 + b"}", 400, "number in the body is longer than 40"),
    (b'{"body": "x", "title": 1e99999}', 400, "the number 1e99999 is out of range"),
    (b'{"body": "x", "title": -Infinity}', 400, "-Infinity is not a JSON number"),
    (b'{"body": "x", "\\ud800": 1}', 400, "key in the body holds a lone UTF-16 surrogate"),
    (b'{"body": "\xff"}', 400, "not UTF-8 (byte 10"),
    (b'{"body": "x",}', 400, "not valid JSON"),
])
def test_unreadable_bodies_are_a_400_saying_why(client, raw, status, says):
    assert says in assert_problem(post(client, "/api/articles", raw), status)["detail"]


@pytest.mark.parametrize("payload, field", [
    ('{"body": "Talks on 6 May 2021.", "url": "https://a.example/\\ud800"}', "url"),
    ('{"body": "Talks on 6 May 2021.", "source": "\\udfff"}', "source"),
    ('{"body": "Talks on 6 May 2021.", "extra": "\\ud800"}', "extra"),
    ('{"body": "\\u200b\\u200c\\u200d\\u2060\\ufeff"}', "body"),
    ('{"body": " \\t\\n ... -- "}', "body"),
])
def test_unstorable_or_empty_fields_are_a_422_naming_the_field(client, payload, field):
    assert field in assert_problem(post(client, "/api/articles", payload), 422)["errors"]


@pytest.mark.parametrize("url, payload", [
    ("/api/actors", '{"name": "X", "kind": "person", "aliases": ["ok", "\\ud800"]}'),
    ("/api/topics", '{"name": "\\udc00"}'),
])
def test_a_surrogate_in_a_vocabulary_field_is_a_422(client, url, payload):
    assert_problem(post(client, url, payload), 422)


def test_a_compressed_body_is_a_415(client):
    assert_problem(post(client, "/api/articles", b"\x1f\x8b...", {"Content-Encoding": "gzip"}), 415)


def test_a_statement_too_complex_for_sqlite_is_a_400_not_an_outage(shared):
    from peewee import OperationalError

    from service.api.errors import unavailable

    with shared[0].test_request_context():
        assert unavailable(OperationalError("parser stack overflow")).status_code == 400
        assert unavailable(OperationalError("unable to open database file")).status_code == 503
