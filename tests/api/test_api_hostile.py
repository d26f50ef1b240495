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
