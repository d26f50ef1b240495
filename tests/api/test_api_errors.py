"""Every error class answers application/problem+json (RFC 9457) with its status, never a 500."""
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from problem_asserts import assert_problem
from shared_world import client, world  # noqa: F401 (fixtures)


@pytest.mark.parametrize("url, names", [
    ("/api/events?actr=lavrov", ["actr"]),
    ("/api/events?from=2021&too=2022&pretty=1", ["pretty", "too"]),
    ("/api/articles?page=2", ["page"]),
    ("/api/actors?name=x", ["name"]),
    ("/api/timeline?fmt=json", ["fmt"]),
    ("/api/events/1?expand=all", ["expand"]),
])
def test_unknown_query_parameter_is_a_400_naming_it(client, url, names):
    body = assert_problem(client.get(url), 400)
    assert sorted(body["errors"]) == names
    assert all(name in body["detail"] for name in names)


@pytest.mark.parametrize("url, names", [
    ("/api/events?limit=1&limit=2", ["limit"]),
    ("/api/events?status=past&status=scheduled&sort=date&sort=-date", ["sort", "status"]),
    ("/api/events?from=2021&from=2020&to=2022&to=2023", ["from", "to"]),
    ("/api/events?q=a&q=b&cursor=x&cursor=y", ["cursor", "q"]),
    ("/api/timeline?format=json&format=timelinejs", ["format"]),
    ("/api/articles?source=ANI&source=TASS", ["source"]),
    ("/api/actors?q=a&q=b", ["q"]),
])
def test_repeated_single_valued_parameter_is_a_400_naming_it(client, url, names):
    body = assert_problem(client.get(url), 400)
    assert sorted(body["errors"]) == names
    assert all(name in body["detail"] for name in names)


def test_repeatable_filters_still_take_several_values(client, world):
    assert client.get("/api/events?actor=lavrov&actor=jaishankar&granularity=day&granularity=month").status_code == 200


@pytest.mark.parametrize("url, field", [
    ("/api/events?from=2021-02-30", "from"),
    ("/api/events?to=2021-00", "to"),
    ("/api/events?from=2021-04-00", "from"),
    ("/api/events?to=April", "to"),
    ("/api/events?from=2022&to=2021", "from"),
    ("/api/events?status=maybe", "status"),
    ("/api/events?granularity=fortnight", "granularity"),
    ("/api/events?sort=title", "sort"),
    ("/api/events?article=0", "article"),
    ("/api/events?article=99999999999999999999", "article"),
    ("/api/events?q=", "q"),
    ("/api/events?actor=a%00b", "actor"),
    ("/api/timeline?format=csv", "format"),
    ("/api/articles?from=20210", "from"),
])
def test_invalid_value_is_a_422_naming_the_field(client, url, field):
    body = assert_problem(client.get(url), 422)
    assert field in body["errors"]


@pytest.mark.parametrize("url", ["/nowhere", "/api/events/0", "/api/events/99999999999", "/api/articles/424242", "/api/actors/7", "/api/topics/7"])
def test_missing_is_a_404(client, url):
    assert_problem(client.get(url), 404)


@pytest.mark.parametrize("method, url, detail", [
    ("GET", "/api/events/99999999999", "no event 99999999999"),
    ("GET", "/api/articles/424242", "no article 424242"),
    ("DELETE", "/api/articles/99999999999999999999", "no article 99999999999999999999"),
    ("PATCH", "/api/actors/9223372036854775808", "no actor 9223372036854775808"),
    ("PATCH", "/api/topics/2147483648", "no topic 2147483648"),
])
def test_missing_id_on_any_method_is_a_404_naming_it(client, auth, method, url, detail):
    body = assert_problem(client.open(url, method=method, headers=auth, json={"aliases": []} if method == "PATCH" else None), 404)
    assert body["detail"] == detail


def test_wrong_method_is_a_405_with_allow(client):
    response = client.put("/api/events")
    assert_problem(response, 405)
    assert "GET" in response.headers["Allow"]


def test_non_json_body_is_a_415(client, auth):
    assert_problem(client.post("/api/articles", data="body=text", headers=auth, content_type="text/plain"), 415)


def test_body_over_the_limit_is_a_413(shared, client, auth, monkeypatch):
    monkeypatch.setitem(shared[0].config, "MAX_CONTENT_LENGTH", 1000)
    assert_problem(client.post("/api/articles", json={"body": "x" * 2000}, headers=auth), 413)


def test_malformed_json_is_a_400(client, auth):
    assert_problem(client.post("/api/articles", data="{not json", headers=auth, content_type="application/json"), 400)


@pytest.mark.parametrize("body, field", [
    ({}, "body"),
    ({"body": "   "}, "body"),
    ({"body": "Text", "published_at": "yesterday"}, "published_at"),
    ({"body": "Text", "url": "not a url"}, "url"),
    ({"body": "Text", "headline": "typo"}, "headline"),
    ({"body": "Te\u0000xt"}, "body"),
    ({"body": 42}, "body"),
])
def test_invalid_article_is_refused_and_nothing_is_stored(client, auth, body, field):
    before = client.get("/api/articles").get_json()
    response = client.post("/api/articles", json=body, headers=auth)
    assert response.status_code in (400, 422)
    assert field in assert_problem(response, response.status_code)["errors"]
    assert client.get("/api/articles").get_json() == before


def test_json_array_instead_of_object_is_refused(client, auth):
    assert_problem(client.post("/api/articles", json=["body"], headers=auth), 422)


@pytest.mark.parametrize("header", [None, "Bearer wrong-token", "Basic dGVzdDp0ZXN0", "Bearer ", "test-token"])
def test_write_without_a_valid_token_is_a_401(client, write, header):
    method, url, body = write
    headers = {"Authorization": header} if header else {}
    response = getattr(client, method)(url, json=body, headers=headers)
    assert response.status_code == 401
    assert response.content_type == "application/problem+json"
    assert response.headers["WWW-Authenticate"].startswith("Bearer")


PARAMETERS = ["actor", "topic", "from", "to", "granularity", "status", "article", "q", "sort", "limit", "cursor"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.sampled_from(PARAMETERS), st.text(max_size=30)), max_size=6))
def test_any_query_string_gets_an_answer_never_a_500(client, pairs):
    for url in ("/api/events", "/api/timeline"):
        response = client.get(url, query_string=pairs)
        assert response.status_code in (200, 400, 422), (pairs, response.get_data(as_text=True))
