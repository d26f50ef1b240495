"""Multi-article stories beyond the seeds' India-Russia news, ingested through the service's own ingest path with
the real extractor, and checked as a reader would sign them off: which reports are one happening and which are
not, each event's date, status, people, topics where plain, and a headline that reads as one.

Every article and every expectation here was written by hand for this file (the stories are set in real places,
the wording is invented); none is copied from what the service printed.
"""
import pytest

from service.events import sync_vocabularies
from service.ingest import ArticleIn, store_article
from service.models import Article, Event, EventSource


@pytest.fixture
def db_ready(app):
    from service.db import db

    with db.connection_context():
        sync_vocabularies()
        yield


def ingest(body, published, title=None, language=None):
    article, created = store_article(ArticleIn(body=body, title=title, published_at=published, language=language))
    assert created
    return article


def reports(article):
    """Return the article's reports as {expression: source}."""
    return {s.expression: s for s in EventSource.select().where(EventSource.article == article.id)}


def event_of(article, expression):
    return Event.get_by_id(reports(article)[expression].event_id)


def actors_of(event):
    return {link.actor.slug for link in event.actor_links}


def topics_of(event):
    return {link.topic.slug for link in event.topic_links}


def sources_of(event):
    return list(EventSource.select().where(EventSource.event == event.id))


def when(event):
    return event.value, str(event.date_start), str(event.date_end), event.status


# --- A trade deal told by three outlets, with other words and coarser dates -------------------------------------

def test_a_trade_deal_reported_by_three_outlets_is_one_event(db_ready):
    kyodo = ingest("Japan and Australia signed a free trade agreement in Tokyo on 6 January 2022, ending eight years "
                   "of negotiations.", "2022-01-06T18:00:00+09:00",
                   title="Home World Asia Japan and Australia sign free trade agreement")
    abc = ingest("Australia and Japan inked a trade pact on Thursday. Exporters of beef and wine welcomed the deal.",
                 "2022-01-07T08:00:00+11:00")
    later = ingest("Tokyo and Canberra signed their trade deal in January. Tariffs on Australian beef will start to "
                   "fall on 1 April 2022.", "2022-01-25")
    deal = event_of(kyodo, "6 January 2022")
    assert event_of(abc, "Thursday").id == deal.id
    assert event_of(later, "January").id == deal.id
    assert when(deal) == ("2022-01-06", "2022-01-06", "2022-01-06", "past")
    assert {"japan", "australia"} <= actors_of(deal)
    assert len({s.article_id for s in sources_of(deal)}) == 3
    assert deal.title == "Japan and Australia signed a free trade agreement in Tokyo"
    # The tariff cut is another happening, still to come.
    tariffs = event_of(later, "1 April 2022")
    assert tariffs.id != deal.id
    assert when(tariffs) == ("2022-04-01", "2022-04-01", "2022-04-01", "scheduled")
    assert Article.get_by_id(kyodo.id).title == "Japan and Australia sign free trade agreement"


def test_an_expert_forecast_of_the_signing_joins_it_without_its_frame(db_ready):
    forecast = ingest("Analysts believe that Japan and Australia will sign the trade deal in January 2022.",
                      "2021-12-15")
    [source] = reports(forecast).values()
    assert (source.title, source.status) == ("Japan and Australia will sign the trade deal", "scheduled")
    signed = ingest("Japan and Australia signed the trade deal on 6 January 2022.", "2022-01-07")
    deal = event_of(signed, "6 January 2022")
    assert deal.id == source.event_id
    assert when(deal) == ("2022-01-06", "2022-01-06", "2022-01-06", "past")


# --- An election: the vote, what was announced about it, and the campaign around it -----------------------------

def test_an_election_and_the_campaign_before_it_are_separate_events_and_the_result_joins_the_vote(db_ready):
    preview = ingest("Chile will hold its presidential runoff on 19 December 2021. On Monday, candidates Gabriel Boric "
                     "and José Antonio Kast held their last televised debate in Santiago.", "2021-12-15")
    vote = event_of(preview, "19 December 2021")
    debate = event_of(preview, "Monday")
    assert vote.id != debate.id
    assert when(vote) == ("2021-12-19", "2021-12-19", "2021-12-19", "scheduled")
    assert when(debate) == ("2021-12-13", "2021-12-13", "2021-12-13", "past")
    assert vote.title == "Chile will hold its presidential runoff"
    result = ingest("Gabriel Boric won Chile's presidential election on Sunday, defeating José Antonio Kast.",
                    "2021-12-20")
    assert event_of(result, "Sunday").id == vote.id
    vote = Event.get_by_id(vote.id)
    assert vote.status == "past"  # it has happened now
    assert "chile" in actors_of(vote)
    monthly = ingest("Chileans voted in a presidential runoff in December 2021.", "2022-01-10")
    assert event_of(monthly, "December 2021").id == vote.id
    assert len({s.article_id for s in sources_of(Event.get_by_id(vote.id))}) == 3


def test_an_announcement_of_the_vote_is_one_event_and_the_vote_another(db_ready):
    article = ingest("On Monday, Chile's electoral service confirmed that the runoff will be held on 19 December.",
                     "2021-11-23")
    found = reports(article)
    act, runoff = found["Monday"], found["19 December"]
    assert act.event_id != runoff.event_id
    assert (act.value, act.status) == ("2021-11-22", "past")
    assert (runoff.value, runoff.status) == ("2021-12-19", "scheduled")
    assert act.title == "Chile's electoral service confirmed that the runoff will be held"
    assert runoff.title == "The runoff will be held"
    later = ingest("Chile held its presidential runoff on 19 December 2021.", "2021-12-20")
    assert event_of(later, "19 December 2021").id == runoff.event_id


# --- One day, the same people, two happenings ---------------------------------------------------------------------

def test_a_meeting_and_a_signing_of_the_same_people_on_the_same_day_stay_two_events(db_ready):
    met = ingest("US Secretary of State Antony Blinken met Chinese Foreign Minister Wang Yi in Rome on 31 October 2021.",
                 "2021-10-31")
    signed = ingest("Antony Blinken and Wang Yi signed a joint declaration on climate cooperation on 31 October 2021.",
                    "2021-11-01")
    talks = ingest("Blinken held talks with Wang Yi on Sunday on the sidelines of the G20.", "2021-11-01")
    meeting = event_of(met, "31 October 2021")
    signing = event_of(signed, "31 October 2021")
    assert meeting.id != signing.id
    assert event_of(talks, "Sunday").id == meeting.id
    assert {"antony-blinken", "wang-yi"} <= actors_of(meeting)
    assert {"antony-blinken", "wang-yi"} <= actors_of(signing)
    assert len(sources_of(Event.get_by_id(meeting.id))) == 2 and len(sources_of(Event.get_by_id(signing.id))) == 1
    assert Event.get_by_id(meeting.id).title == ("US Secretary of State Antony Blinken met Chinese Foreign Minister "
                                                 "Wang Yi in Rome")


# --- A coarse date joins a precise one only for the same kind of happening and the same people ---------------------

def test_talks_in_april_join_the_talks_of_12_april_but_other_talks_and_exercises_in_the_first_half_do_not(db_ready):
    exact = ingest("Antony Blinken held talks with Wang Yi in Beijing on 12 April 2022.", "2022-04-13")
    coarse = ingest("Blinken and Wang Yi held talks in April, their first meeting this year.", "2022-04-30")
    drills = ingest("Blinken said that China and the United States held joint search-and-rescue exercises in the first "
                    "half of 2022.", "2022-07-02")
    other = ingest("Blinken held talks with Sergei Lavrov in April.", "2022-04-30")
    talks = event_of(exact, "12 April 2022")
    assert event_of(coarse, "April").id == talks.id
    assert event_of(other, "April").id != talks.id  # Blinken's talks, but with someone else
    exercises = event_of(drills, "the first half of 2022")
    assert exercises.id != talks.id
    talks = Event.get_by_id(talks.id)
    assert when(talks) == ("2022-04-12", "2022-04-12", "2022-04-12", "past")
    assert talks.title == "Antony Blinken held talks with Wang Yi in Beijing"
    assert exercises.title == "China and the United States held joint search-and-rescue exercises"
    assert {"china", "united-states"} <= actors_of(exercises)


# --- A strike that lasted a week ----------------------------------------------------------------------------------

def test_a_week_long_strike_is_one_event_and_its_headlines_do_not_dangle(db_ready):
    start = ingest("Rail workers across France went on strike on Monday, cancelling most trains.", "2022-03-07T20:00:00+01:00")
    week = ingest("The rail strike in France lasted through the week of 7 March 2022.", "2022-03-14")
    strike = event_of(start, "Monday")
    assert event_of(week, "the week of 7 March 2022").id == strike.id
    strike = Event.get_by_id(strike.id)
    assert (strike.value, strike.status) == ("2022-03-07", "past")
    assert "france" in actors_of(strike)
    assert strike.title == "Rail workers across France went on strike"
    assert reports(week)["the week of 7 March 2022"].title == "The rail strike in France lasted"
    assert len(sources_of(strike)) == 2


# --- Plural people: "both leaders", "the two governments", "the neighbours" ---------------------------------------

@pytest.mark.parametrize("body, published, expression, people", [
    ("Pakistani Prime Minister Imran Khan met Chinese President Xi Jinping in Beijing on Sunday. Both leaders signed "
     "agreements on the economic corridor on Monday.", "2022-02-08", "Monday",
     {"imran-khan", "xi-jinping", "pakistan", "china"}),
    ("Japan and Australia have deepened their security ties. The two governments signed a reciprocal access "
     "agreement on 6 January 2022.", "2022-01-07", "6 January 2022", {"japan", "australia"}),
    ("Armenia and Azerbaijan fought a six-week war over Nagorno-Karabakh. The neighbours agreed to a ceasefire "
     "brokered by Russia on 10 November 2020.", "2020-11-11", "10 November 2020", {"armenia", "azerbaijan", "russia"}),
])
def test_plural_descriptions_name_the_pair_of_other_stories(db_ready, body, published, expression, people):
    assert actors_of(event_of(ingest(body, published), expression)) == people


def test_the_two_sides_of_one_article_stand_for_its_pair_in_a_second_report(db_ready):
    first = ingest("Japanese and Australian officials met in Canberra on 6 January 2022. The two sides signed a trade "
                   "agreement on 6 January 2022.", "2022-01-07")
    second = ingest("Japan and Australia signed a trade agreement in Canberra on Thursday.", "2022-01-08")
    signing = event_of(second, "Thursday")
    assert {s.event_id for s in reports(first).values() if s.title.startswith("The two sides")} == {signing.id}
    assert {"japan", "australia"} <= actors_of(signing)


# --- A past act about a future happening ---------------------------------------------------------------------------

def test_an_announcement_of_a_meeting_is_two_events_and_the_meeting_joins_its_later_report(db_ready):
    announced = ingest("Japan and Australia announced on Thursday that their leaders will meet in Tokyo in May.",
                       "2022-01-07")
    found = reports(announced)
    act, meeting = found["Thursday"], found["May"]
    assert act.event_id != meeting.event_id
    assert (act.value, act.status) == ("2022-01-06", "past")
    assert (meeting.value, meeting.status) == ("2022-05", "scheduled")
    assert act.title == "Japan and Australia announced that their leaders will meet in Tokyo"
    assert meeting.title == "Their leaders will meet in Tokyo"
    assert {"japan", "australia"} <= actors_of(Event.get_by_id(meeting.event_id))
    held = ingest("The Japanese and Australian prime ministers met in Tokyo on 24 May 2022.", "2022-05-25")
    event = event_of(held, "24 May 2022")
    assert event.id == meeting.event_id
    assert when(event) == ("2022-05-24", "2022-05-24", "2022-05-24", "past")


# --- Other languages --------------------------------------------------------------------------------------------

def test_a_french_report_of_a_signing_joins_the_english_event(db_ready):
    english = ingest("Japan and Australia signed a free trade agreement in Tokyo on 6 January 2022.", "2022-01-06")
    french = ingest("Le Japon et l'Australie ont signé jeudi un accord de libre-échange à Tokyo, après huit ans de "
                    "négociations entre les deux pays.", "2022-01-07T09:00:00+01:00")
    assert french.language == "fr"
    deal = event_of(english, "6 January 2022")
    [source] = reports(french).values()
    assert source.value == "2022-01-06"
    assert source.event_id == deal.id
    assert {"japan", "australia"} <= actors_of(Event.get_by_id(deal.id))


def test_a_spanish_report_of_the_vote_joins_the_english_event(db_ready):
    english = ingest("Chile held its presidential runoff on 19 December 2021.", "2021-12-20")
    spanish = ingest("Gabriel Boric ganó el domingo la segunda vuelta de las elecciones presidenciales en Chile, con "
                     "el 55 por ciento de los votos.", "2021-12-20")
    assert spanish.language == "es"
    vote = event_of(english, "19 December 2021")
    [source] = reports(spanish).values()
    assert source.value == "2021-12-19"
    assert source.event_id == vote.id


def test_a_spanish_report_of_talks_joins_the_english_event_by_its_people(db_ready):
    english = ingest("US Secretary of State Antony Blinken met Chinese Foreign Minister Wang Yi in Rome on 31 October "
                     "2021.", "2021-10-31")
    spanish = ingest("El secretario de Estado estadounidense, Antony Blinken, se reunió el domingo en Roma con el "
                     "ministro de Exteriores chino, Wang Yi.", "2021-11-01")
    assert spanish.language == "es"
    [source] = reports(spanish).values()
    assert source.value == "2021-10-31"
    assert source.event_id == event_of(english, "31 October 2021").id


# --- Modifier-aware intervals ------------------------------------------------------------------------------------

def test_early_mid_and_late_in_a_year_filter_and_sort_by_their_thirds(app, client):
    from service.db import db

    with db.connection_context():
        sync_vocabularies()
        ingest("Japan will host the Quad leaders' summit in late 2022.", "2022-01-10")
        ingest("Japan and Australia will hold joint naval drills in early 2022.", "2022-01-10")
        ingest("Australia will hold a federal election in mid-2022.", "2022-01-10")
    ordered = client.get("/api/events?from=2022&to=2022").get_json()["items"]
    assert [(e["date"]["value"], e["date"]["modifier"]) for e in ordered] == [
        ("2022", "START"), ("2022", "MID"), ("2022", "END")]
    assert [(e["date"]["start"], e["date"]["end"]) for e in ordered] == [
        ("2022-01-01", "2022-04-30"), ("2022-05-01", "2022-08-31"), ("2022-09-01", "2022-12-31")]
    june = client.get("/api/events?from=2022-06&to=2022-06").get_json()["items"]
    assert [e["title"] for e in june] == ["Australia will hold a federal election"]
    assert all(e["status"] == "scheduled" for e in ordered)


# --- Topics by evidence ------------------------------------------------------------------------------------------

def test_topics_come_from_the_happenings_own_sentence_or_its_continuation(db_ready):
    article = ingest("Blinken met Wang Yi in Rome on 31 October 2021. The talks covered sanctions and vaccines.\n\n"
                     "Xi Jinping visited Myanmar in January 2020. Analysts believe that satellite cooperation will "
                     "grow.", "2021-11-02")
    talks = event_of(article, "31 October 2021")
    visit = event_of(article, "January 2020")
    assert {"sanctions", "vaccines"} <= topics_of(talks)
    assert "myanmar" in topics_of(visit) and "space" not in topics_of(visit)


# --- Same day, same kind, same country, different happenings ------------------------------------------------------

def test_two_strikes_in_one_country_on_one_day_stay_two_events(db_ready):
    rail = ingest("Rail workers across France went on strike on 7 March 2022.", "2022-03-07")
    pilots = ingest("Air France pilots walked out on 7 March 2022 over pay.", "2022-03-08")
    assert event_of(rail, "7 March 2022").id != event_of(pilots, "7 March 2022").id


def test_a_vote_and_a_rally_on_election_day_stay_two_events(db_ready):
    vote = ingest("Colombians voted in the first round of the presidential election on Sunday.", "2022-05-30")
    rally = ingest("Gustavo Petro held a rally in Bogotá on Sunday after Colombians voted.", "2022-05-30")
    cast = ingest("Colombia held the first round of its presidential election on 29 May 2022.", "2022-05-30")
    election = event_of(vote, "Sunday")
    assert when(election) == ("2022-05-29", "2022-05-29", "2022-05-29", "past")
    assert event_of(rally, "Sunday").id != election.id
    assert event_of(cast, "29 May 2022").id == election.id
    assert "colombia" in actors_of(Event.get_by_id(election.id))


# --- Leaders the vocabulary does not know, named by their office ---------------------------------------------------

def test_both_leaders_are_the_two_prime_ministers_named_by_their_office(db_ready):
    article = ingest("Japanese Prime Minister Fumio Kishida hosted Australian Prime Minister Anthony Albanese in Tokyo "
                     "on 24 May 2022. Both leaders signed a joint statement on 25 May 2022.", "2022-05-26")
    signing = event_of(article, "25 May 2022")
    assert actors_of(signing) == {"fumio-kishida", "japan", "anthony-albanese", "australia"}
    assert signing.title == "Both leaders signed a joint statement"


# --- An act about a future happening whose subject is a pronoun ------------------------------------------------------

def test_who_announces_a_trip_of_his_own_takes_part_in_it(db_ready):
    article = ingest("Xi Jinping said on Tuesday that he will visit Moscow next week.", "2022-03-16")
    found = reports(article)
    act, trip = found["Tuesday"], found["next week"]
    assert act.event_id != trip.event_id
    assert (act.value, act.status) == ("2022-03-15", "past")
    assert (trip.value, trip.status) == ("2022-W12", "scheduled")
    assert trip.title == "He will visit Moscow"
    assert {"xi-jinping", "russia"} <= actors_of(Event.get_by_id(trip.event_id))


# --- Headlines of reports in other languages ----------------------------------------------------------------------

@pytest.mark.parametrize("body, published, title", [
    ("Le Japon et l'Australie ont signé jeudi un accord de libre-échange à Tokyo, après huit ans de négociations "
     "entre les deux pays.", "2022-01-07", "Le Japon et l'Australie ont signé un accord de libre-échange à Tokyo"),
    ("Gabriel Boric ganó el domingo la segunda vuelta de las elecciones presidenciales en Chile, con el 55 por "
     "ciento de los votos.", "2021-12-20",
     "Gabriel Boric ganó la segunda vuelta de las elecciones presidenciales en Chile"),
])
def test_headlines_in_other_languages_lose_the_date_and_trailing_phrases_too(db_ready, body, published, title):
    [source] = reports(ingest(body, published)).values()
    assert source.title == title


# --- A summit told as a month, as a date and as a guest's trip to it -------------------------------------------------

def test_a_summit_announced_for_next_month_joins_its_dated_report_and_a_guests_trip_to_it(db_ready):
    month = ingest("Japan will host the Quad leaders' summit in Tokyo next month.", "2022-04-20")
    day = ingest("The Quad summit will be held in Tokyo on 24 May 2022, Japanese officials said.", "2022-05-02")
    trip = ingest("US President Joe Biden will travel to Tokyo for the Quad summit on 24 May 2022.", "2022-05-10")
    summit = event_of(day, "24 May 2022")
    assert event_of(month, "next month").id == summit.id
    assert event_of(trip, "24 May 2022").id == summit.id
    summit = Event.get_by_id(summit.id)
    assert when(summit) == ("2022-05-24", "2022-05-24", "2022-05-24", "scheduled")
    assert {"japan", "joe-biden", "united-states"} <= actors_of(summit)
    assert "quad" in topics_of(summit)
    assert summit.title == "The Quad summit will be held in Tokyo"


# --- Plural descriptions in other languages -------------------------------------------------------------------------

@pytest.mark.parametrize("body, published, expression, pair", [
    ("España y Marruecos cerraron su frontera en 2020. Ambos países reabrieron la frontera el 17 de mayo de 2022.",
     "2022-05-18", "17 de mayo de 2022", {"spain", "morocco"}),
    ("Le Japon et l'Australie sont proches. Les deux pays ont signé un accord de défense le 6 janvier 2022.",
     "2022-01-07", "6 janvier 2022", {"japan", "australia"}),
])
def test_plural_descriptions_in_other_languages_name_the_pair(db_ready, body, published, expression, pair):
    assert pair <= actors_of(event_of(ingest(body, published), expression))


# --- The pair an article is about, when its later sentences name other countries ----------------------------------

def test_the_two_governments_are_the_pair_the_article_opens_with(db_ready):
    article = ingest("Indonesia and Malaysia have long disputed their maritime border. Jakarta hosted a regional forum "
                     "on fisheries last week. Officials from Thailand attended too. The two governments agreed on "
                     "28 February 2022 to set up a joint border commission.", "2022-03-01")
    agreed = event_of(article, "28 February 2022")
    assert actors_of(agreed) == {"indonesia", "malaysia"}
    assert agreed.title == "The two governments agreed to set up a joint border commission"


# --- Headlines without the appositive that follows the happening ----------------------------------------------------

def test_a_summit_headline_ends_before_the_appositive_about_it_and_the_appositives_date_titles_its_clause(db_ready):
    article = ingest("South Korean President Yoon Suk-yeol and US President Joe Biden held a summit in Seoul on 21 May "
                     "2022, their first meeting since Yoon took office on 10 May.", "2022-06-10")
    summit = event_of(article, "21 May 2022")
    assert summit.title == "South Korean President Yoon Suk-yeol and US President Joe Biden held a summit in Seoul"
    assert {"yoon-suk-yeol", "joe-biden", "south-korea", "united-states"} <= actors_of(summit)
    office = event_of(article, "10 May")
    assert office.id != summit.id
    assert (office.title, office.value) == ("Yoon took office", "2022-05-10")


# --- A strike announced for a date, then reported ----------------------------------------------------------------------

def test_a_strike_announced_for_a_day_joins_its_report_and_its_headline_keeps_no_dangling_word(db_ready):
    announced = ingest("Dockworkers in Rotterdam will strike for a week starting 14 March 2022.", "2022-03-09")
    [planned] = reports(announced).values()
    assert (planned.title, planned.status) == ("Dockworkers in Rotterdam will strike for a week", "scheduled")
    reported = ingest("Rotterdam dockworkers went on strike on Monday, halting container traffic.", "2022-03-15")
    strike = event_of(reported, "Monday")
    assert strike.id == planned.event_id
    assert when(strike) == ("2022-03-14", "2022-03-14", "2022-03-14", "past")


# --- Plans for a happening to come: a month without a year lies ahead ---------------------------------------------

def test_plans_for_a_visit_in_a_month_read_that_month_ahead(db_ready):
    article = ingest("On Monday, Japanese and Indian officials discussed plans for a visit by Narendra Modi to Tokyo "
                     "in September.", "2022-05-03")
    found = reports(article)
    act, visit = found["Monday"], found["September"]
    assert act.event_id != visit.event_id
    assert (act.value, act.status) == ("2022-05-02", "past")
    assert (visit.value, visit.status) == ("2022-09", "scheduled")
    assert visit.title == "A visit by Narendra Modi to Tokyo"
    assert "narendra-modi" in actors_of(Event.get_by_id(visit.event_id))


# --- Two dates in one sentence, each with its own part ---------------------------------------------------------------

@pytest.mark.parametrize("body, published, titles", [
    ("The week-long strike at the port of Rotterdam began on 14 March 2022 and ended on Sunday.", "2022-03-20",
     {"14 March 2022": "The week-long strike at the port of Rotterdam began",
      "Sunday": "The week-long strike at the port of Rotterdam ended"}),
    ("Armenian and Azerbaijani diplomats met in Brussels on 6 April 2022 and the two sides agreed to prepare a peace "
     "treaty on 22 May 2022.", "2022-05-23",
     {"6 April 2022": "Armenian and Azerbaijani diplomats met in Brussels",
      "22 May 2022": "The two sides agreed to prepare a peace treaty"}),
])
def test_each_date_of_a_sentence_titles_its_own_part(db_ready, body, published, titles):
    found = reports(ingest(body, published))
    assert {expression: found[expression].title for expression in titles} == titles
    assert len({found[expression].event_id for expression in titles}) == 2


# --- A dated attribution: the saying is the happening of its date ---------------------------------------------------

def test_a_leading_date_and_frame_leave_the_headline_of_what_is_said(db_ready):
    found = reports(ingest("On Monday, officials said Japan and Australia will sign the trade deal in January.",
                           "2021-12-14"))
    assert (found["January"].title, found["January"].status) == ("Japan and Australia will sign the trade deal",
                                                                 "scheduled")
    assert (found["Monday"].value, found["Monday"].status) == ("2021-12-13", "past")


@pytest.mark.parametrize("body, published, said, title, future, future_title", [
    ("Japan and Australia will sign the trade deal in January, officials said on Monday.", "2021-12-14",
     "Monday", "Officials said that Japan and Australia will sign the trade deal", "January",
     "Japan and Australia will sign the trade deal"),
    ("Dockworkers in Rotterdam will strike for a week starting 14 March 2022, the union told reporters on Wednesday.",
     "2022-03-09", "Wednesday", "The union told reporters that Dockworkers in Rotterdam will strike for a week",
     "14 March 2022", "Dockworkers in Rotterdam will strike for a week"),
])
def test_a_date_of_the_closing_attribution_dates_the_saying(db_ready, body, published, said, title, future,
                                                             future_title):
    found = reports(ingest(body, published))
    assert (found[said].title, found[said].status) == (title, "past")
    assert (found[future].title, found[future].status) == (future_title, "scheduled")
    assert found[said].event_id != found[future].event_id
