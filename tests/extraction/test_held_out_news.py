"""A held-out sanity set: news-style sentences written for this file (not from TimeBank or the seeds).

Each expectation was checked by hand against a calendar. Published 2021-04-07 is a Wednesday.
"""
from datetime import date

import pytest

from service.extraction import extract

WED = "2021-04-07"

HELD_OUT = [
    # times of day join their day; the verb's tense picks the day
    ("The blast ripped through the market at 10:30 a.m. on Tuesday.", WED,
     [("10:30 a.m. on Tuesday", "TIME", "2021-04-06T10:30", None)]),
    ("The minister will brief reporters at 4 p.m. on Friday.", WED,
     [("4 p.m. on Friday", "TIME", "2021-04-09T16:00", None)]),
    # quarters, halves, seasons, decades
    ("The carmaker's profit doubled in the fourth quarter of 2020.", WED,
     [("the fourth quarter of 2020", "DATE", "2020-Q4", None)]),
    ("Q1 2021 sales slipped 3%.", WED, [("Q1 2021", "DATE", "2021-Q1", None)]),
    ("Exports grew 12% in the first half of 2021.", WED, [("the first half of 2021", "DATE", "2021-H1", None)]),
    ("The monsoon session of Parliament begins in the summer.", WED, [("the summer", "DATE", "2021-SU", None)]),
    ("Farm protests began last winter.", WED, [("last winter", "DATE", "2020-WI", None)]),
    ("Inflation has not been this high since the 1990s.", WED, [("the 1990s", "DATE", "199", None)]),
    ("The bridge, built in the early 1960s, collapsed on the 2nd.", WED,
     [("the early 1960s", "DATE", "196", "START"), ("the 2nd", "DATE", "2021-04-02", None)]),
    ("The metro line should open by mid-2022.", WED, [("mid-2022", "DATE", "2022", "MID")]),
    ("Putin is scheduled to visit at the end of this year.", WED, [("the end of this year", "DATE", "2021", "END")]),
    # relative to the publication date
    ("The ship ran aground four days ago.", WED, [("four days ago", "DATE", "2021-04-03", None)]),
    ("Talks resumed a week or so ago.", WED, [("a week or so ago", "DATE", "2021-W13", None)]),
    ("Covid cases began rising earlier this month.", WED, [("earlier this month", "DATE", "2021-04", None)]),
    ("The results will be announced tomorrow.", WED, [("tomorrow", "DATE", "2021-04-08", None)]),
    ("The vote will take place next week.", WED, [("next week", "DATE", "2021-W15", None)]),
    ("For the year, the bank expects growth of 10%.", WED, [("the year", "DATE", "2021", None)]),
    # "last February" is the most recent February (as HeidelTime resolves "last <month>")
    ("Snow closed the pass last February.", "2021-03-01", [("last February", "DATE", "2021-02", None)]),
    # relative to the last day told
    ("Farmers blocked the highway on March 26. The previous day, talks with the government had collapsed.", WED,
     [("March 26", "DATE", "2021-03-26", None), ("The previous day", "DATE", "2021-03-25", None)]),
    ("The court freed him on Monday, and he flew home the same day.", WED,
     [("Monday", "DATE", "2021-04-05", None), ("the same day", "DATE", "2021-04-05", None)]),
    ("Markets fell on Monday after surging the previous Friday.", WED,
     [("Monday", "DATE", "2021-04-05", None), ("the previous Friday", "DATE", "2021-04-02", None)]),
    # absolute dates; numbers read day first (Indian and British style) unless month first is nearer
    ("On Tuesday, April 6, the vaccine drive expanded.", WED, [("Tuesday, April 6", "DATE", "2021-04-06", None)]),
    ("The order was signed on 6/4/2021.", WED, [("6/4/2021", "DATE", "2021-04-06", None)]),
    ("The order was signed on 4/6/2021.", WED, [("4/6/2021", "DATE", "2021-04-06", None)]),
    ("The firm was registered on 3/5/2019.", WED, [("3/5/2019", "DATE", "2019-05-03", None)]),
    ("He was born in nineteen sixty-two.", WED, [("nineteen sixty-two", "DATE", "1962", None)]),
    # a year heading a noun dates it; a year in a name does not
    ("It repealed a 2017 US law and amended the Citizenship Amendment Act of 2019.", WED,
     [("2017", "DATE", "2017", None)]),
    # not dates at all: verbs, modals, quantities with units, durations
    ("Thousands of farmers will march to the capital.", WED, []),
    ("The government may extend the curfew.", WED, []),
    ("Police seized 2021 kg of heroin and Rs 2020 crore in cash.", WED, []),
    ("He scored 1999 runs in the 2011 World Cup season.", WED, [("2011", "DATE", "2011", None)]),
    ("The standoff has lasted nearly a year.", WED, [("nearly a year", "DURATION", "P1Y", "APPROX")]),
    ("In the past, such talks failed.", WED, [("the past", "DATE", "PAST_REF", None)]),
]


@pytest.mark.parametrize("text, published, expected", HELD_OUT)
def test_held_out_news_sentences(text, published, expected):
    assert [(m.text, m.type, m.value, m.modifier) for m in extract(text, published)] == expected


def test_a_quarter_covers_its_three_months():
    [mention] = extract("The carmaker's profit doubled in the fourth quarter of 2020.", WED)
    assert (mention.start_date, mention.end_date, mention.granularity) == (date(2020, 10, 1), date(2020, 12, 31), "quarter")


def test_durations_and_vague_references_are_never_event_dates():
    mentions = extract("The standoff has lasted nearly a year. In the past, such talks failed.", WED)
    assert [m.start_date for m in mentions] == [None, None]


# Past tense is told by the class of the verb form, not by a list of words: any regular -ed past and
# any irregular past form is a sure past where it stands as a verb. Published 2021-12-20 (a Monday), the
# nearest January and Republic Day lie ahead, so only a sure past reads them back.
MON = "2021-12-20"

PAST_FORMS = [
    ("India celebrated Republic Day with a parade in New Delhi.", [("Republic Day", "2021-01-26", "past")]),
    ("Farmers picketed the toll plaza on January 26.", [("January 26", "2021-01-26", "past")]),
    ("The regulator fined the bank in January.", [("January", "2021-01", "past")]),
    ("The prime minister underwent surgery on January 5.", [("January 5", "2021-01-05", "past")]),
    ("The opposition retook the seat in January.", [("January", "2021-01", "past")]),
    # Past forms that are no verb of their own leave the date to its verb, or to the nearest reading.
    ("The so-called summit on Friday will be brief.", [("Friday", "2021-12-24", "future")]),
    ("The long-awaited bridge opens in January.", [("January", "2022-01", "future")]),
    ("The revised schedule starts in January.", [("January", "2022-01", "future")]),
    ("The index is expected to rise in January.", [("January", "2022-01", "future")]),
    ("The treaty is to be signed in January.", [("January", "2022-01", "future")]),
    ("The ceremony will be held on January 26.", [("January 26", "2022-01-26", "future")]),
    # Names are no verbs.
    ("Ahmed leads the talks in January.", [("January", "2022-01", None)]),
    ("The Met Office warns of snow in January.", [("January", "2022-01", None)]),
]


@pytest.mark.parametrize("text, expected", PAST_FORMS)
def test_past_forms_are_told_by_their_class(text, expected):
    assert [(m.text, m.value, m.tense) for m in extract(text, MON, country="IN")] == expected
