"""Batches are all-or-report, and extraction keeps to its time budget: every item gets its own result."""
import pytest

import service.events
from problem_asserts import assert_problem
from service.db import db
from service.models import Article

PLAIN = "Lavrov met Jaishankar in New Delhi on 6 April 2021."
# Thousands of dates in one sentence: about a second of extraction on a 2-core machine.
HEAVY = "The talks were held on " + ", ".join(f"{day} March 2021" for day in range(1, 29)) * 100 + "."
# A budget that HEAVY and HEAVY_PAGE (below) overrun fifty to a hundred times over, on a machine far faster too.
TINY = 0.01


@pytest.fixture
def failing_drafts(monkeypatch):
    """Make drafting raise an unexpected error for any body containing BOOM: a stand-in for a bug."""
    real = service.events.draft_events

    def draft(article):
        if "BOOM" in article.body:
            raise RuntimeError("a bug")
        return real(article)

    monkeypatch.setattr(service.events, "draft_events", draft)


@pytest.fixture
def failing_merge(monkeypatch):
    """Make merging raise after the article row is inserted, inside its transaction."""
    real = service.events.attach_events

    def attach(article, *args, **kwargs):
        if "HALF" in article.body:
            raise RuntimeError("a bug after the insert")
        return real(article, *args, **kwargs)

    monkeypatch.setattr(service.events, "attach_events", attach)


def stored_bodies():
    with db.connection_context():
        return sorted(a.body for a in Article.select())


def test_an_unexpected_error_is_that_items_result_and_later_items_are_stored(client, auth, failing_drafts, failing_merge, caplog):
    items = [{"body": "BOOM on 3 May 2020."}, {"body": PLAIN}, {"body": "HALF written on 4 May 2020."},
             {"body": "Talks resumed on 7 May 2021."}]
    response = client.post("/api/articles/batch", json={"articles": items}, headers=auth)
    assert response.status_code == 200
    results = response.get_json()["items"]
    assert [(r["index"], r["status"]) for r in results] == [(0, 500), (1, 201), (2, 500), (3, 201)]
    for failed in (results[0], results[2]):
        message = failed["errors"]["_item"][0]
        reference = message.rsplit(" ", 1)[1]
        assert "logged with reference" in message and reference in caplog.text
    # Nothing half-written: the item that failed after its insert left no article behind.
    assert stored_bodies() == sorted([PLAIN, "Talks resumed on 7 May 2021."])


def test_an_unexpected_error_on_a_single_article_names_its_reference(client, auth, failing_drafts, caplog):
    body = assert_problem(client.post("/api/articles", json={"body": "BOOM on 3 May 2020."}, headers=auth), 500)
    assert body["detail"].rsplit(" ", 1)[1] in caplog.text
    assert stored_bodies() == []


def test_an_article_past_the_extraction_budget_is_a_422_saying_why(app, client, auth, monkeypatch):
    # monkeypatch puts the shared app's budget back afterwards, for the tests that follow.
    monkeypatch.setitem(app.config, "EXTRACTION_BUDGET", TINY)
    body = assert_problem(client.post("/api/articles", json={"body": HEAVY}, headers=auth), 422)
    assert "longer than its 0.01 s budget" in body["detail"] and "body" in body["errors"]
    assert stored_bodies() == []
    app.config["EXTRACTION_BUDGET"] = 4
    assert client.post("/api/articles", json={"body": PLAIN}, headers=auth).status_code == 201


def test_a_batch_shares_one_budget_and_reports_the_items_it_could_not_try(app, client, auth, monkeypatch):
    monkeypatch.setitem(app.config, "EXTRACTION_BUDGET", TINY)
    response = client.post("/api/articles/batch", json={"articles": [{"body": HEAVY}, {"body": PLAIN}]}, headers=auth)
    assert response.status_code == 200
    first, second = response.get_json()["items"]
    assert first["status"] == 422 and "budget" in first["errors"]["body"][0]
    assert second["status"] == 503 and "send this item again" in second["errors"]["_item"][0]
    assert stored_bodies() == []


def test_a_byte_order_mark_in_a_body_is_kept_as_sent(client, auth):
    body = "\ufeffTalks were held on 6 May 2021.\ufeff"
    response = client.post("/api/articles", json={"body": body}, headers=auth)
    assert response.status_code == 201 and response.get_json()["body"] == body


# A page of about 9,000 elements, under the page limits: about half a second of reading on a 2-core machine.
HEAVY_PAGE = "<html><body>" + '<div class="a"><p class="b">Talks went on.</p></div>' * 4490 + f"<p>{PLAIN}</p></body></html>"


def test_a_page_past_the_budget_is_a_422_on_its_html_saying_why(app, client, auth, monkeypatch):
    monkeypatch.setitem(app.config, "EXTRACTION_BUDGET", TINY)
    body = assert_problem(client.post("/api/articles", json={"html": HEAVY_PAGE}, headers=auth), 422)
    assert body["errors"] == {"html": [body["detail"]]}
    assert "reading this page took longer than its 0.01 s budget; send its text as body" in body["detail"]
    assert stored_bodies() == []


def test_a_batch_spends_one_budget_on_reading_pages_and_extracting_text(app, client, auth, monkeypatch):
    monkeypatch.setitem(app.config, "EXTRACTION_BUDGET", TINY)
    items = [{"html": HEAVY_PAGE}, {"html": f"<html><body><p>{PLAIN}</p></body></html>"}, {"body": PLAIN}]
    response = client.post("/api/articles/batch", json={"articles": items}, headers=auth)
    first, second, third = response.get_json()["items"]
    assert first["status"] == 422 and "reading this page took longer" in first["errors"]["html"][0]
    assert [second["status"], third["status"]] == [503, 503]
    assert "not tried: the batch spent its 0.01 s of reading and extraction" in third["errors"]["_item"][0]
    assert stored_bodies() == []
