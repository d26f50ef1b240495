"""Short hand-written articles, ingested with the real extractor: which reports are one happening, two
happenings in one sentence, plural people, and intervals narrowed by a modifier."""
import pytest

from service.events import sync_vocabularies
from service.ingest import ArticleIn, store_article
from service.models import Event, EventSource


@pytest.fixture
def db_ready(app):
    from service.db import db

    with db.connection_context():
        sync_vocabularies()
        yield


def ingest(body, published="2021-04-07"):
    article, created = store_article(ArticleIn(body=body, published_at=published))
    assert created
    return article


def reports(article):
    """Return the article's reports as {expression: source}."""
    return {s.expression: s for s in EventSource.select().where(EventSource.article == article.id)}


def actors_of(event_id):
    return {link.actor.slug for link in Event.get_by_id(event_id).actor_links}


def topics_of(event_id):
    return {link.topic.slug for link in Event.get_by_id(event_id).topic_links}


TALKS = "Russian Foreign Minister Sergei Lavrov held talks with his Indian counterpart S. Jaishankar on April 6, 2021."


@pytest.mark.parametrize("other", [
    "Foreign Minister Sergey Lavrov said that Russia and India would hold naval exercises in the first half of 2021.",
    "Russia and India will hold naval exercises in week 15 of 2021, Lavrov told Jaishankar.",
    "Lavrov and Jaishankar signed an agreement on space cooperation on April 6, 2021.",
    "Lavrov and Jaishankar talked on April 7, 2021.",
    "Lloyd Austin held talks with Rajnath Singh in New Delhi on April 6, 2021.",
])
def test_other_happenings_of_the_same_people_or_days_are_other_events(db_ready, other):
    talks = ingest(TALKS)
    second = ingest(other)
    [talks_event] = {s.event_id for s in reports(talks).values()}
    assert talks_event not in {s.event_id for s in reports(second).values()}
    assert Event.get_by_id(talks_event).title == ("Russian Foreign Minister Sergei Lavrov held talks with his Indian "
                                                  "counterpart S. Jaishankar")


@pytest.mark.parametrize("other", [
    "Lavrov met Jaishankar in New Delhi on 6 April 2021 and discussed space.",
    "Lavrov and Jaishankar held talks in April 2021.",
    "On Tuesday, the Russian and Indian foreign ministers Lavrov and Jaishankar met in New Delhi.",
])
def test_reports_of_the_talks_in_other_words_or_coarser_dates_join_them(db_ready, other):
    talks = ingest(TALKS)
    second = ingest(other)
    assert {s.event_id for s in reports(talks).values()} == {s.event_id for s in reports(second).values()}
    event = Event.get_by_id(reports(talks)["April 6, 2021"].event_id)
    assert (event.value, str(event.date_start), str(event.date_end)) == ("2021-04-06", "2021-04-06", "2021-04-06")


def test_a_past_act_about_a_future_happening_gives_two_events_and_the_future_one_merges(db_ready):
    talks = ingest("On Tuesday, Lavrov and Jaishankar discussed preparations for the annual summit later this year.")
    found = reports(talks)
    act, summit = found["Tuesday"], found["later this year"]
    assert act.event_id != summit.event_id
    assert (act.value, act.status, act.title) == (
        "2021-04-06", "past", "Lavrov and Jaishankar discussed preparations for the annual summit")
    assert (summit.value, summit.status, summit.title) == ("2021", "scheduled", "The annual summit")
    assert {"india", "russia"} <= actors_of(summit.event_id)
    assert not {"sergei-lavrov", "s-jaishankar"} & actors_of(summit.event_id)
    visit = ingest("Russian President Vladimir Putin will visit India for the annual summit at the end of 2021.")
    assert reports(visit)["the end of 2021"].event_id == summit.event_id
    event = Event.get_by_id(summit.event_id)
    assert (event.value, event.modifier, event.status) == ("2021", "END", "scheduled")


def test_a_preparation_frame_dates_the_happening_it_prepares(db_ready):
    article = ingest("Experts believe that Lavrov's visit is largely in preparation for Putin's visit to India this year.")
    [source] = reports(article).values()
    assert (source.title, source.status) == ("Putin's visit to India", "scheduled")
    assert "vladimir-putin" in actors_of(source.event_id) and "sergei-lavrov" not in actors_of(source.event_id)


@pytest.mark.parametrize("body, expression, pair", [
    ("Russia and India have been friends for decades. Russia sells arms to India. "
     "In October 2018, the two sides signed an agreement on the procurement of S-400 systems.",
     "October 2018", {"russia", "india"}),
    ("Lavrov's statement on China assumes significance amid the India-China border conflict. "
     "The two Asian neighbors disengaged their troops from a border area in eastern Ladakh in February.",
     "February", {"india", "china"}),
    ("Tensions between Japan and South Korea rose again. Both countries recalled their ambassadors on 3 March 2021.",
     "3 March 2021", {"japan", "south-korea"}),
    ("Lavrov arrived in New Delhi for talks with Jaishankar. The ministers met on Tuesday.", "Tuesday",
     {"russia", "india"}),
])
def test_plural_descriptions_name_the_pair_the_article_is_about(db_ready, body, expression, pair):
    article = ingest(body)
    source = reports(article)[expression]
    assert pair <= actors_of(source.event_id), actors_of(source.event_id)


@pytest.mark.parametrize("body, expression, present", [
    ("The International Conference on Afghanistan held in Moscow on March 18 triggered a disturbance. "
     "Russia, the United States, China and Pakistan attended the meeting, but India, which has "
     "strategic interests in Afghanistan, was not invited.", "March 18", {"russia", "united-states", "china", "pakistan"}),
    ("A peace conference on Afghanistan opened in Doha on 12 September 2020. Delegations from Russia, the United "
     "States and China took part, while India was not invited.", "12 September 2020", {"russia", "united-states", "china"}),
])
def test_a_next_sentence_naming_who_attended_adds_them_but_not_who_was_left_out(db_ready, body, expression, present):
    actors = actors_of(reports(ingest(body))[expression].event_id)
    assert present <= actors and "india" not in actors


def test_topics_of_the_next_sentence_count_only_when_it_goes_on_about_the_happening(db_ready):
    article = ingest("Lavrov and Jaishankar held talks on April 6, 2021. The talks covered space and nuclear energy.\n\n"
                     "In 2013, Putin met with Indian Prime Minister Singh in Moscow. Experts believe that military "
                     "technology cooperation between the two sides will continue.")
    found = reports(article)
    assert {"space", "nuclear-energy"} <= topics_of(found["April 6, 2021"].event_id)
    assert "military-technical-cooperation" not in topics_of(found["2013"].event_id)


@pytest.mark.parametrize("body, expression, start, end", [
    ("Putin will visit India at the end of 2021.", "the end of 2021", "2021-09-01", "2021-12-31"),
    ("Putin visited India in mid-2021.", "mid-2021", "2021-05-01", "2021-08-31"),
    ("Putin visited India at the start of 2021.", "the start of 2021", "2021-01-01", "2021-04-30"),
    ("Lavrov visited India late last month.", "late last month", "2021-03-22", "2021-03-31"),
    ("Lavrov met Jaishankar in early March.", "early March", "2021-03-01", "2021-03-10"),
])
def test_a_modifier_narrows_the_interval_but_keeps_the_value_and_words(db_ready, body, expression, start, end):
    article = ingest(body)
    source = reports(article)
    matched = next(s for text, s in source.items() if expression.lower() in text.lower())
    event = Event.get_by_id(matched.event_id)
    assert (str(event.date_start), str(event.date_end)) == (start, end)
    assert (str(matched.date_start), str(matched.date_end)) == (start, end)
    assert event.modifier in ("START", "MID", "END") and expression.split()[-1] in matched.expression


def test_the_end_of_a_year_is_not_in_april_and_sorts_after_it(app, client):
    from service.db import db

    with db.connection_context():
        sync_vocabularies()
        ingest("Putin will visit India at the end of 2021.")
        ingest("Lavrov met Jaishankar in New Delhi on April 6, 2021.")
        ingest("India and Russia signed a trade deal in February 2021.")
    april = client.get("/api/events?from=2021-04&to=2021-04").get_json()["items"]
    assert [e["date"]["value"] for e in april] == ["2021-04-06"]
    ordered = client.get("/api/events?from=2021&to=2021").get_json()["items"]
    assert [e["date"]["value"] for e in ordered] == ["2021-02", "2021-04-06", "2021"]
    end_of_year = ordered[-1]["date"]
    assert (end_of_year["value"], end_of_year["modifier"]) == ("2021", "END")
    autumn = client.get("/api/events?from=2021-10&to=2021-10").get_json()["items"]
    assert [e["date"]["value"] for e in autumn] == ["2021"]


@pytest.mark.parametrize("body, act, act_title, future, future_title, future_people", [
    ("On Monday, the foreign ministers of India and Russia announced that the summit will take place in June.",
     "Monday", "The foreign ministers of India and Russia announced that the summit will take place",
     "June", "The summit will take place", {"india", "russia"}),
    ("On April 6, Lavrov and Jaishankar agreed to hold the next round of talks in July.",
     "April 6", "Lavrov and Jaishankar agreed to hold the next round of talks",
     "July", "Lavrov and Jaishankar to hold the next round of talks", {"sergei-lavrov", "s-jaishankar"}),
])
def test_an_act_dated_before_its_future_happening_is_its_own_event(db_ready, body, act, act_title, future,
                                                                   future_title, future_people):
    found = reports(ingest(body))
    assert (found[act].title, found[act].status) == (act_title, "past")
    assert (found[future].title, found[future].status) == (future_title, "scheduled")
    assert found[act].event_id != found[future].event_id
    assert future_people <= actors_of(found[future].event_id)


def test_talks_on_a_day_and_what_they_agreed_that_day_are_one_event(db_ready):
    talks = reports(ingest(TALKS))["April 6, 2021"]
    agreed = reports(ingest("On April 6, 2021, Lavrov and Jaishankar agreed to hold the next round of talks in July."))
    assert agreed["April 6, 2021"].event_id == talks.event_id
    assert agreed["July"].event_id != talks.event_id


@pytest.mark.parametrize("first, second, same", [
    ("Germany held federal elections on 26 September 2021.", "German voters went to the polls in September 2021.", True),
    ("Russia and India signed the S-400 deal on 5 October 2018.",
     "Russia and India are old partners. The two sides signed an agreement in October 2018.", True),
    ("Putin will visit India at the end of 2021.", "Putin will visit China in 2021.", False),
    ("Lavrov met Chinese Foreign Minister Wang Yi in Guilin on March 22, 2021.",
     "Lavrov held talks with Jaishankar in New Delhi in March 2021.", False),
])
def test_a_date_inside_another_joins_it_only_for_the_same_kind_and_people(db_ready, first, second, same):
    one = {s.event_id for s in reports(ingest(first)).values()}
    other = {s.event_id for s in reports(ingest(second)).values()}
    assert (one == other) is same


def test_a_closing_attribution_is_not_part_of_the_headline(db_ready):
    [source] = reports(ingest("Russia and India would hold naval exercises in the first half of 2021, Foreign Minister "
                              "Sergey Lavrov said.")).values()
    assert source.title == "Russia and India would hold naval exercises"


@pytest.mark.parametrize("body, expression, title, people", [
    ("Modi and Putin discussed the upcoming summit, which will be held in Moscow in July.", "July",
     "The upcoming summit will be held in Moscow", {"india", "russia"}),
    ("Beijing and Washington traded accusations. The two countries agreed to resume talks on 10 May 2021.",
     "10 May 2021", "The two countries to resume talks", {"china", "united-states"}),
])
def test_a_future_happening_spoken_of_is_titled_and_peopled_by_its_own_words(db_ready, body, expression, title, people):
    source = reports(ingest(body))[expression]
    assert (source.title, source.status) == (title, "scheduled")
    assert people <= actors_of(source.event_id)


@pytest.mark.parametrize("body, expression, pair", [
    ("India and Bangladesh share rivers. The two South Asian neighbours signed a water-sharing treaty on 1 June 2021.",
     "1 June 2021", {"india", "bangladesh"}),
    ("Lavrov arrived in New Delhi for talks. The two foreign ministers met on Tuesday.", "Tuesday", {"russia", "india"}),
])
def test_plural_descriptions_with_words_between_name_the_pair(db_ready, body, expression, pair):
    assert pair <= actors_of(reports(ingest(body))[expression].event_id)


@pytest.mark.parametrize("body, expression, people", [
    # A person the vocabulary lacks, created from "Indian Foreign Secretary ...", stands with India.
    ("Indian Foreign Secretary Harsh Vardhan Shringla met Russian Foreign Minister Sergei Lavrov in Moscow on Tuesday. "
     "The two sides agreed to hold consultations on 3 May 2021.", "3 May 2021",
     {"india", "harsh-vardhan-shringla", "russia", "sergei-lavrov"}),
    # "The two ministers" are the people of the sentence before, with their countries.
    ("Lavrov arrived in New Delhi for talks with Jaishankar. The two ministers met on Tuesday.", "Tuesday",
     {"russia", "sergei-lavrov", "india", "s-jaishankar"}),
    # "Both countries" are the countries of the leaders, not the leaders; Moscow, where they met, is a place.
    ("Modi met Putin in Moscow on Monday. Both countries signed a trade deal on Tuesday.", "Tuesday", {"india", "russia"}),
    # Three countries in the sentence before and none named more than another: no pair, rather than a wrong one.
    ("France, Germany and Italy met in Rome on Monday. The two sides signed a deal on Tuesday.", "Tuesday", set()),
])
def test_plural_descriptions_name_the_people_the_article_names_and_nobody_when_the_pair_is_unclear(
        db_ready, body, expression, people):
    assert actors_of(reports(ingest(body))[expression].event_id) == people


def test_the_two_sides_of_a_person_the_vocabulary_has_no_office_for_are_that_person_and_the_other_side(db_ready):
    from service.models import Actor

    Actor.create(name="Harsh Vardhan Shringla", slug="harsh-vardhan-shringla", kind="person", aliases=["Shringla"])
    found = reports(ingest("Foreign Secretary Harsh Vardhan Shringla met Sergei Lavrov on Tuesday. "
                           "The two sides will hold the annual summit in December."))
    assert actors_of(found["Tuesday"].event_id) == {"harsh-vardhan-shringla", "sergei-lavrov"}
    assert actors_of(found["December"].event_id) == {"harsh-vardhan-shringla", "sergei-lavrov", "russia"}
