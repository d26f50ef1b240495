"""Reports of the Lavrov-Jaishankar talks in French, Russian and Hindi join the English event of the seeds.

The three short articles (tests/fixtures/languages_articles/talks.json) were written for this test; the French
one says its language, the Russian and Hindi ones are detected.
"""
from pathlib import Path

import pytest

from service.models import Article, Event, EventSource

TALKS = Path(__file__).resolve().parent.parent / "fixtures" / "languages_articles" / "talks.json"


@pytest.fixture
def ingested(timeline):
    for args in (["seed"], ["ingest", str(TALKS)]):
        result = timeline(*args)
        assert result.exit_code == 0, result.output


def test_the_talks_are_one_event_across_languages(ingested):
    talks = list(Event.select().where(Event.value == "2021-04-06"))
    assert len(talks) == 1
    sources = list(EventSource.select().where(EventSource.event == talks[0].id))
    languages = {s.article.language for s in sources}
    assert languages == {"en", "fr", "ru", "hi"}
    assert len({s.article_id for s in sources}) == 7  # the four English seed reports and the three here
    by_language = {s.article.language: s for s in sources if s.article.language != "en"}
    assert by_language["fr"].expression == "mardi"
    assert by_language["ru"].expression == "вторник"
    assert by_language["hi"].expression == "मंगलवार"
    assert {link.actor.slug for link in talks[0].actor_links} >= {"sergei-lavrov", "s-jaishankar"}
    # The event keeps the title of its first report; each source keeps its own words.
    assert talks[0].title == "Bilateral talks were held between the Indian and Russian Foreign Minister"


def test_each_report_keeps_its_own_language_and_title(ingested):
    stored = {a.language: a for a in Article.select().where(Article.source.endswith("(test)"))}
    assert set(stored) == {"fr", "ru", "hi"}
    assert stored["ru"].title == "Лавров провёл переговоры с Джайшанкаром"
    quotes = {s.article.language: s.quote for s in EventSource.select().join(Article).where(Article.source.endswith("(test)"))}
    assert quotes["hi"].startswith("रूस के विदेश मंत्री सर्गेई लावरोव")
    assert "Лавров во вторник" in quotes["ru"]


def test_events_and_articles_filter_by_language(ingested, client):
    events = client.get("/api/events?language=ru").get_json()
    assert [e["date"]["value"] for e in events["items"]] == ["2021-04-06"]
    assert {s["article"]["language"] for s in events["items"][0]["sources"]} == {"en", "fr", "ru", "hi"}
    articles = client.get("/api/articles?language=hi").get_json()
    assert [a["title"] for a in articles["items"]] == ["लावरोव और जयशंकर की बातचीत"]
    assert client.get("/api/articles?language=russian").status_code == 422


def test_reextracting_keeps_the_event_across_languages(ingested, timeline):
    before = {(s.article_id, s.event_id, s.expression) for s in EventSource.select()}
    result = timeline("reextract")
    assert result.exit_code == 0, result.output
    assert {(s.article_id, s.event_id, s.expression) for s in EventSource.select()} == before
