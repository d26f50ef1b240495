"""Classes of news expressions that held-out corpora showed: schedules, future offsets, and more.

Written for this file and hand-checked against a calendar. Published 2021-04-07 is a Wednesday.
"""
import pytest

from service.extraction import extract

WED = "2021-04-07"


def found(text, published=WED):
    """Return (text, type, value) for every mention in text."""
    return [(m.text, m.type, m.value) for m in extract(text, published)]


SCHEDULES = [
    # the present of a scheduled event reads forward
    ("Trading resumes Monday.", [("Monday", "DATE", "2021-04-12")]),
    ("The meeting starts at 3 p.m. on Friday.", [("3 p.m. on Friday", "TIME", "2021-04-09T15:00")]),
    ("The festival opens on Saturday.", [("Saturday", "DATE", "2021-04-10")]),
    ("The new rules take effect on Thursday.", [("Thursday", "DATE", "2021-04-08")]),
    ("A hearing has been scheduled for June 3.", [("June 3", "DATE", "2021-06-03")]),
    # the past of the same verbs reads back
    ("Trading resumed Monday.", [("Monday", "DATE", "2021-04-05")]),
]

WEEKDAYS_AROUND_PUBLICATION = [
    # said in the present or with no verb, a weekday is the nearer one, ahead or past
    ("The vote is on Friday.", [("Friday", "DATE", "2021-04-09")]),
    ("Officials say the count ends on Saturday.", [("Saturday", "DATE", "2021-04-10")]),
    ("Talks in Delhi on Monday.", [("Monday", "DATE", "2021-04-05")]),
    # told in the past, the latest such day, the publication day included
    ("Talks were held on Friday.", [("Friday", "DATE", "2021-04-02")]),
    ("Talks were held on Wednesday.", [("Wednesday", "DATE", "2021-04-07")]),
]

FUTURE_OFFSETS = [
    # after a future verb, "in <n> <units>" names a date
    ("The results will be announced in two weeks.", [("two weeks", "DATE", "2021-W16")]),
    ("The vote will be held in three days.", [("three days", "DATE", "2021-04-10")]),
    ("The plant will reopen in six months' time.", [("six months' time", "DATE", "2021-10")]),
    # otherwise it is a duration
    ("Prices rose 5% in two weeks.", [("two weeks", "DURATION", "P2W")]),
]


@pytest.mark.parametrize(("text", "expected"), SCHEDULES)
def test_present_tense_schedules_read_forward(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(("text", "expected"), WEEKDAYS_AROUND_PUBLICATION)
def test_weekdays_around_the_publication_day(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(("text", "expected"), FUTURE_OFFSETS)
def test_future_offsets_become_dates(text, expected):
    assert found(text) == expected


NOT_FOUND_BEFORE = [
    # bare quarters: this year's once begun, else last year's
    ("Sales rose 8% in Q3.", [("Q3", "DATE", "2020-Q3")]),
    ("The Audi Q3 sold well.", []),
    # the end of the decade, with its modifier
    ("The city aims to be carbon neutral by the end of the decade.", [("the end of the decade", "DATE", "202")]),
    # times of day told with a part of the day, or in universal time
    ("The blast came at 4 in the morning.", [("4 in the morning", "TIME", "2021-04-07T04:00")]),
    ("The vote closed at 9 in the evening.", [("9 in the evening", "TIME", "2021-04-07T21:00")]),
    ("At 0800 UTC, the banks acted.", [("0800 UTC", "TIME", "2021-04-07T08:00Z")]),
    ("The company filed at 12:00 UTC Monday.", [("12:00 UTC Monday", "TIME", "2021-04-05T12:00Z")]),
    # the week of a day keeps week granularity (12 April 2021 is the Monday of ISO week 15)
    ("Talks are set for the week of 12 April.", [("the week of 12 April", "DATE", "2021-W15")]),
    # a count is no year; a year before a plural noun still is one after a preposition or determiner
    ("Police arrested 1999 protesters.", []),
    ("In 1999 protesters gathered.", [("1999", "DATE", "1999")]),
    ("Turnout in the 2019 polls fell.", [("2019", "DATE", "2019")]),
    # short years and decades
    ("The Nikkei is at its lowest since '82.", [("'82", "DATE", "1982")]),
    ("It rid Detroit of the cars of the 70s and 80s.", [("the 70s", "DATE", "197"), ("80s", "DATE", "198")]),
    # vague references of the news
    ("The deal secures the plant for the long term.", [("the long term", "DATE", "FUTURE_REF")]),
    ("Prices will stay high for the time being.", [("the time being", "DATE", "PRESENT_REF")]),
    # inside a hyphenated compound, "now" and "soon" describe, they do not date
    ("He spoke against the now-cancelled deal.", []),
    ("They met at the soon-to-open terminal.", []),
    # a headline ending in a month, over the dateline of the next line
    ("Stocks have their best week since November\nMarch 13, 2021\nStocks rose.",
     [("November", "DATE", "2020-11"), ("March 13, 2021", "DATE", "2021-03-13")]),
    # "the day" of a market report: the day told, else the publication day
    ("On Tuesday, stocks fell, ending the day down 3%.", [("Tuesday", "DATE", "2021-04-06"), ("the day", "DATE", "2021-04-06")]),
    ("Stocks rose, ending the day up 3%.", [("the day", "DATE", "2021-04-07")]),
]


@pytest.mark.parametrize(("text", "expected"), NOT_FOUND_BEFORE)
def test_classes_the_held_out_corpora_missed(text, expected):
    assert found(text) == expected


REPORTED_SPEECH = [
    # "would" in reported speech looks forward from the saying: the next December, not the last one
    ("Foreign Minister Sergey Lavrov said that Russia and India would hold naval exercises in December.",
     [("December", "DATE", "2021-12")]),
    ("Russia and India would hold naval exercises in December, Lavrov said.", [("December", "DATE", "2021-12")]),
    # the saying keeps its own day (Tuesday 6 April); the exercises still lie ahead
    ("Lavrov said on Tuesday that Russia and India would hold naval exercises in December.",
     [("Tuesday", "DATE", "2021-04-06"), ("December", "DATE", "2021-12")]),
    # a perfect conditional tells of what did not happen: the March just past
    ("The company said sales would have risen in March.", [("March", "DATE", "2021-03")]),
]


@pytest.mark.parametrize(("text", "expected"), REPORTED_SPEECH)
def test_would_in_reported_speech_looks_forward(text, expected):
    assert found(text) == expected


WEEK_NUMBERS = [
    # ISO week 15 of 2021 runs from Monday 12 to Sunday 18 April
    ("Russia and India would hold naval exercises in the first half of 2021 and in week 15 of 2021.",
     [("the first half of 2021", "DATE", "2021-H1"), ("week 15 of 2021", "DATE", "2021-W15")]),
    ("Sales peaked in week 5, 2019.", [("week 5, 2019", "DATE", "2019-W05")]),
    # 2020 has 53 ISO weeks (28 December 2020 falls in week 53); 2021 has 52, so its "week 53" is no date
    ("The plant shut in week 53 of 2020.", [("week 53 of 2020", "DATE", "2020-W53")]),
    ("The plant shut in week 53 of 2021.", []),
]


@pytest.mark.parametrize(("text", "expected"), WEEK_NUMBERS)
def test_numbered_weeks_keep_week_granularity(text, expected):
    assert found(text) == expected
