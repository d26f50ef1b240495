"""The seed articles give the events a careful reader expects (seed_expectations.toml), with the real extractor."""
import tomllib
from pathlib import Path

import pytest

from service.models import Article, Event, EventSource

EXPECTATIONS = tomllib.loads((Path(__file__).parent / "seed_expectations.toml").read_text(encoding="utf-8"))["article"]


@pytest.fixture
def seeded(timeline):
    result = timeline("seed")
    assert result.exit_code == 0, result.output
    return {Path(entry["file"]).name: entry for entry in EXPECTATIONS}


def sources_of(file):
    first_line = (Path("seeds/articles") / file).read_text(encoding="utf-8").split("\n", 1)[0].strip()
    article = next(a for a in Article.select() if a.body.strip().startswith(first_line) or (a.title or "") == first_line)
    return list(EventSource.select().where(EventSource.article == article.id).order_by(EventSource.expression_start))


def event_facts(event_id):
    event = Event.get_by_id(event_id)
    return event, {link.actor.slug for link in event.actor_links}, {link.topic.slug for link in event.topic_links}


@pytest.mark.parametrize("expected", EXPECTATIONS, ids=lambda e: e["file"])
def test_each_seed_article_gives_the_events_a_reader_expects(seeded, expected):
    sources = sources_of(expected["file"])
    found = [(s.expression, s.quote) for s in sources]
    for wanted in expected["event"]:
        matches = [s for s in sources if s.expression == wanted["expression"] and wanted["quote_has"] in s.quote]
        assert len(matches) == 1, f"{wanted['expression']!r} ({wanted['quote_has']}) not among {found}"
        source = matches[0]
        event, actors, topics = event_facts(source.event_id)
        assert (source.title, source.value, source.status) == (wanted["title"], wanted["value"], wanted["status"])
        if "start" in wanted:
            assert (str(source.date_start), str(source.date_end)) == (wanted["start"], wanted["end"])
        assert set(wanted["actors"]) <= actors, (wanted["expression"], actors)
        assert not set(wanted.get("not_actors", ())) & actors, (wanted["expression"], actors)
        assert set(wanted["topics"]) <= topics, (wanted["expression"], topics)
        assert not set(wanted.get("not_topics", ())) & topics, (wanted["expression"], topics)
    assert len(sources) == len(expected["event"]), found
    assert not {s.expression for s in sources} & set(expected["no_event"])


def test_the_lavrov_jaishankar_talks_are_one_event_reported_by_four_articles(seeded):
    talks = [e for e in Event.select().where(Event.value == "2021-04-06")]
    assert len(talks) == 1
    event, actors, topics = event_facts(talks[0].id)
    articles = {s.article_id for s in event.sources}
    assert len(articles) == 4
    assert {"sergei-lavrov", "s-jaishankar", "india", "russia"} <= actors
    assert {s.expression for s in event.sources} >= {"Tuesday", "the 6th", "April 6", "April 6, 2021"}
    assert event.title == "Bilateral talks were held between the Indian and Russian Foreign Minister"
    assert (event.granularity, event.status, str(event.date_start), str(event.date_end)) == ("day", "past", "2021-04-06", "2021-04-06")


def test_deleting_reports_of_the_talks_keeps_the_event_until_its_last_source_goes(seeded):
    from service.events import detach_article

    talks = Event.get(Event.value == "2021-04-06")
    articles = sorted({s.article_id for s in talks.sources})
    for gone, article_id in enumerate(articles[:-1], 1):
        detach_article(Article.get_by_id(article_id))
        left = Event.get_by_id(talks.id)
        assert len({s.article_id for s in left.sources}) == len(articles) - gone
        assert (left.value, left.status) == ("2021-04-06", "past")
    detach_article(Article.get_by_id(articles[-1]))
    assert Event.get_or_none(Event.id == talks.id) is None
    assert Event.select().where(Event.value == "2021-04-06").count() == 0


def test_the_annual_summit_putins_visit_is_one_scheduled_event_at_the_end_of_2021(seeded):
    summit = {s.event_id for s in EventSource.select().where(EventSource.expression.in_(
        ["the end of this year", "later this year", "this year"]))}
    assert len(summit) == 1
    event, actors, topics = event_facts(summit.pop())
    assert (event.value, event.modifier, event.status) == ("2021", "END", "scheduled")
    assert (str(event.date_start), str(event.date_end)) == ("2021-09-01", "2021-12-31")
    assert event.title == "Russian President Vladimir Putin is scheduled to visit India"
    assert {"vladimir-putin", "india", "russia"} <= actors and "s-jaishankar" not in actors


def test_the_talks_are_grouped_under_the_topic_most_of_their_reports_name(seeded, client):
    slides = client.get("/api/timeline?format=timelinejs&from=2021-04-06&to=2021-04-06").get_json()["events"]
    assert [(s["text"]["headline"], s["group"]) for s in slides] == [
        ("Bilateral talks were held between the Indian and Russian Foreign Minister", "Diplomacy")]


def test_seed_article_titles_carry_no_breadcrumb_trail(seeded):
    titles = {a.title for a in Article.select()}
    assert "What signal did the Russian Foreign Minister send when he visited India at the delicate moment of the " \
           "joint military exercise of the five countries?" in titles
    assert not any((t or "").startswith("Home ") for t in titles)


def test_a_parent_topic_counts_the_events_its_sub_topics_find(seeded, client):
    topics = {t["slug"]: t for t in client.get("/api/topics?limit=100").get_json()["items"]}
    for slug in ("defence", "diplomacy"):
        found = client.get(f"/api/events?topic={slug}&limit=100").get_json()["items"]
        assert topics[slug]["events"] == len(found) > 0, slug


def test_with_the_visits_first_report_deleted_its_headline_is_still_a_headline(seeded):
    from service.events import detach_article

    summit = EventSource.get(EventSource.expression == "the end of this year").event_id
    detach_article(Article.get_by_id(EventSource.get(EventSource.expression == "the end of this year").article_id))
    event = Event.get_by_id(summit)
    assert event.title in ("Putin’s visit to India", "The Annual Summit"), event.title
    assert (event.value, event.status) == ("2021", "scheduled")


def test_the_visit_at_the_end_of_2021_sits_in_september_to_december_on_the_exported_timeline(seeded, client):
    # Ingest stores "the end of 2021" as its last four months; the export places the slide there, once.
    summit = EventSource.get(EventSource.expression == "the end of this year").event_id
    slides = {s["unique_id"]: s for s in client.get("/api/timeline?from=2021").get_json()["events"]}
    slide = slides[f"event-{summit}"]
    assert (slide["start_date"], slide["end_date"]) == ({"year": 2021, "month": 9, "day": 1},
                                                        {"year": 2021, "month": 12, "day": 31})
    assert slide["display_date"] == "end of 2021"
