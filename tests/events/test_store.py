"""Storing events: merging across articles, rebuilding with stable ids, detaching a deleted article."""
import pytest

from service.events import detach_article, rebuild_events, sync_vocabularies
from service.ingest import ArticleIn, store_article
from service.models import Actor, Article, Event, EventSource, Topic


@pytest.fixture
def db_ready(app):
    from service.db import db

    with db.connection_context():
        sync_vocabularies()
        yield


def ingest(body, published="2021-04-07", title=None):
    article, created = store_article(ArticleIn(body=body, title=title, published_at=published))
    assert created
    return article


def snapshot():
    """Return every event with its date, title, actors, topics and sources, keyed by id."""
    return {e.id: (e.value, e.title, e.status, e.fingerprint,
                   sorted(l.actor.slug for l in e.actor_links), sorted(l.topic.slug for l in e.topic_links),
                   sorted((s.article_id, s.expression_start) for s in e.sources))
            for e in Event.select().order_by(Event.id)}


TALKS = "Russian Foreign Minister Sergei Lavrov met his Indian counterpart S. Jaishankar on April 6, 2021 in New Delhi."
SAME_TALKS = "Lavrov and Jaishankar held talks on April 6, 2021, discussing space and nuclear energy."
OTHER_DAY = "Lavrov and Jaishankar held talks again on April 8, 2021."
OTHER_PEOPLE = "US Secretary of Defence Lloyd Austin visited New Delhi on April 6, 2021."


def test_reports_of_one_happening_share_an_event_and_others_do_not(db_ready):
    first, second, third, fourth = (ingest(TALKS), ingest(SAME_TALKS), ingest(OTHER_DAY), ingest(OTHER_PEOPLE))
    talks = EventSource.get(EventSource.article == first.id).event
    assert {s.article_id for s in talks.sources} == {first.id, second.id}
    assert EventSource.get(EventSource.article == third.id).event_id != talks.id
    assert EventSource.get(EventSource.article == fourth.id).event_id != talks.id
    assert Event.select().count() == 3
    assert {"space", "nuclear-energy"} <= {l.topic.slug for l in talks.topic_links}


def test_reextract_is_idempotent_and_keeps_event_ids(db_ready, timeline):
    for body in (TALKS, SAME_TALKS, OTHER_DAY, OTHER_PEOPLE):
        ingest(body)
    before = snapshot()
    result = timeline("reextract")
    assert result.exit_code == 0, result.output
    assert "4 articles: 3 events (3 kept, 0 new, 0 removed)" in result.output
    assert snapshot() == before
    rebuild_events()
    assert snapshot() == before


def test_reextract_keeps_creation_times_and_gives_a_new_happening_an_id_above_every_old_one(db_ready):
    for body in (TALKS, OTHER_DAY, OTHER_PEOPLE):
        ingest(body)
    created = {e.id: e.created_at for e in Event.select()}
    # The first event's reports and fingerprint no longer lead to it (as after a rule change): its happening is
    # new to the rebuild, while the old ids after it are still to be restored.
    first = min(created)
    talks_article = EventSource.get(EventSource.event == first).article_id
    EventSource.delete().where(EventSource.event == first).execute()
    Event.update(fingerprint="gone").where(Event.id == first).execute()
    assert rebuild_events() == {"articles": 3, "events": 3, "kept": 2, "created": 1, "removed": 1}
    reborn = EventSource.get(EventSource.article == talks_article).event
    assert reborn.id > max(created)
    assert {e.id: e.created_at for e in Event.select() if e.id != reborn.id} == {
        i: t for i, t in created.items() if i != first}


def test_reextract_uses_aliases_and_keywords_added_to_the_tables(db_ready):
    article = ingest("Minister Sergo Lavrofsky of Moscow announced the grain corridor deal on April 6, 2021.")
    event = EventSource.get(EventSource.article == article.id).event
    assert "sergei-lavrov" not in {l.actor.slug for l in event.actor_links}
    lavrov = Actor.get(Actor.slug == "sergei-lavrov")
    lavrov.aliases = lavrov.aliases + ["Sergo Lavrofsky"]
    lavrov.save()
    Topic.create(name="Grain", slug="grain", keywords=["grain corridor"])
    rebuild_events()
    event = Event.get_by_id(event.id)
    assert "sergei-lavrov" in {l.actor.slug for l in event.actor_links}
    assert "grain" in {l.topic.slug for l in event.topic_links}


def test_sync_keeps_aliases_added_through_the_api(db_ready):
    lavrov = Actor.get(Actor.slug == "sergei-lavrov")
    lavrov.aliases = lavrov.aliases + ["Lavroff"]
    lavrov.save()
    assert sync_vocabularies() == {"actors": 0, "topics": 0}
    assert "Lavroff" in Actor.get(Actor.slug == "sergei-lavrov").aliases
    assert Topic.get(Topic.slug == "s-400").parent.slug == "defence"


def test_detach_drops_orphan_events_and_recomputes_shared_ones(db_ready):
    first, second = ingest(TALKS), ingest("Lavrov and Jaishankar held talks in April 2021 on space cooperation.")
    only_second = ingest("Lavrov visited Beijing on March 30, 2021.")
    shared = EventSource.get(EventSource.article == second.id).event
    assert {s.article_id for s in shared.sources} == {first.id, second.id}
    assert shared.granularity == "day"  # the day report narrows the month report
    detach_article(first)
    Article.delete_by_id(first.id)
    shared = Event.get_by_id(shared.id)
    assert [s.article_id for s in shared.sources] == [second.id]
    assert (shared.value, shared.granularity) == ("2021-04", "month")
    orphan = EventSource.get(EventSource.article == only_second.id).event_id
    detach_article(only_second)
    assert Event.get_or_none(Event.id == orphan) is None


def events_matching(q):
    """Return the ids of the events the full-text search finds for q."""
    from service.reads.search import matching

    return sorted(e.id for e in Event.select(Event.id).where(Event.id.in_(matching("event", q))))


def test_search_finds_an_event_by_every_report_until_its_article_is_detached(db_ready):
    first, second = ingest(TALKS), ingest(SAME_TALKS)
    talks = EventSource.get(EventSource.article == first.id).event_id
    assert EventSource.get(EventSource.article == second.id).event_id == talks
    # Words of the first report, of the one merged later, and of both at once.
    assert events_matching("Delhi") == events_matching("discussing") == events_matching("Delhi discussing") == [talks]
    detach_article(second)
    Article.delete_by_id(second.id)
    assert events_matching("Delhi") == [talks]
    assert events_matching("discussing") == []


def test_search_keeps_a_quote_while_any_report_of_it_remains(db_ready):
    original, copy, other = ingest(TALKS), ingest(TALKS + " Reported by a wire service."), ingest(SAME_TALKS)
    talks = EventSource.get(EventSource.article == original.id).event_id
    assert {s.article_id for s in EventSource.select().where(EventSource.event == talks)} == {original.id, copy.id, other.id}
    for article, delhi in ((original, [talks]), (copy, [])):
        detach_article(article)
        Article.delete_by_id(article.id)
        assert events_matching("Delhi") == delhi
        assert events_matching("discussing") == [talks]


def test_copies_of_a_report_each_count_towards_the_event(db_ready):
    # Identical reports come back from the database as one row with a count; each copy still weighs in.
    first = ingest(TALKS)
    talks = EventSource.get(EventSource.article == first.id).event
    single = talks.confidence
    copies = [ingest(TALKS + f" Copy {n} of a wire report.") for n in range(3)]
    assert {EventSource.get(EventSource.article == a.id).event_id for a in copies} == {talks.id}
    talks = Event.get_by_id(talks.id)
    assert talks.confidence == round(min(0.99, 1 - (1 - single) ** 4), 3) > single
    assert talks.title == EventSource.get(EventSource.article == first.id).title  # the first report names it


FOLLOW_UP = ("Chile and Norway held talks in Oslo on 3 March 2021. "
             "The talks were held on 3 March 2021 at the foreign ministry.")


def test_a_same_date_follow_up_sentence_joins_the_event_it_refers_back_to(db_ready):
    article = ingest(FOLLOW_UP, published="2021-03-05")
    [event] = snapshot().values()
    assert event[0] == "2021-03-03" and event[1] == "Chile and Norway held talks in Oslo"
    assert event[4] == ["chile", "norway"]
    assert [s[0] for s in event[6]] == [article.id, article.id]  # both sentences are its sources


@pytest.mark.parametrize("body", [
    "Chile and Norway held talks in Oslo on 3 March 2021. The talks were held again on 5 March 2021 in Bergen.",
    "Chile and Norway held talks in Oslo on 3 March 2021. "
    "The talks between Peru and Brazil were held on 3 March 2021 in Lima.",
])
def test_a_follow_up_of_another_date_or_other_actors_stays_its_own_event(db_ready, body):
    ingest(body, published="2021-03-10")
    events = snapshot().values()
    assert len(events) == 2
    assert ["chile", "norway"] in [e[4] for e in events]
    assert all(len(e[6]) == 1 for e in events)


def test_candidate_events_are_those_dated_around_within_or_at_the_draft_and_naming_its_people(db_ready):
    """related_events walks bounded index ranges per granularity; it must find what the plain definition finds."""
    from datetime import date, timedelta
    from itertools import product

    from service.db import db
    from service.schema.spans import granularity_spans
    from service.events.merging import related_events
    from service.models import EventActor

    lavrov, austin = (Actor.create(name=name, slug=name.lower(), kind="person") for name in ("Lavrov", "Austin"))
    periods = {"day": [(date(2021, 4, d), date(2021, 4, d)) for d in (5, 6, 7)],
               "week": [(date(2021, 4, 5), date(2021, 4, 11))],
               "month": [(date(2021, m, 1), date(2021, m, 28 if m == 2 else 30)) for m in (2, 4, 6)],
               "year": [(date(y, 1, 1), date(y, 12, 31)) for y in (2020, 2021)],
               "decade": [(date(2020, 1, 1), date(2029, 12, 31)), (date(2010, 1, 1), date(2019, 12, 31))]}
    events = []
    for (granularity, dates), people in product(periods.items(), ([lavrov], [austin], [lavrov, austin])):
        for start, end in dates:
            event = Event.create(value=start.isoformat(), date_start=start, date_end=end, granularity=granularity,
                                 title="t", status="past", confidence=0.5)
            for person in people:
                EventActor.create(event=event, actor=person)
            events.append((event.id, start, end, {p.id for p in people}))
    fresh = [events[-1][0]]  # an event this article made: its people are not linked yet

    def expected(start, end, people):
        return {event_id for event_id, s, e, named in events
                if ((s <= start and e >= end) or (s >= start and e <= end) if people else (s, e) == (start, end))
                and (not people or named & set(people) or event_id in fresh)}

    spans = granularity_spans()
    for start, length, people in product([date(2021, 4, 6), date(2021, 4, 1), date(2020, 1, 1), date(2025, 3, 3)],
                                         [0, 6, 29, 365], ([], [lavrov.id], [austin.id], [lavrov.id, austin.id])):
        end = start + timedelta(days=length)
        sql, params = related_events(start, end, people, fresh, spans)
        assert {row[0] for row in db.execute_sql(sql, params)} == expected(start, end, people), (start, end, people)
