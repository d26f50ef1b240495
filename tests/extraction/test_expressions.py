"""Hand-checked (text, published, expected) tables, one per expression class of issue 3.

Published 2021-04-07 is a Wednesday; 2021-04-06 the Tuesday before it.
"""
from datetime import date

import pytest

from service.extraction import extract

WED = "2021-04-07"


def found(text, published=WED):
    """Return (text, type, value, modifier) for every mention in text."""
    return [(m.text, m.type, m.value, m.modifier) for m in extract(text, published)]


ABSOLUTE = [
    ("The talks were held on April 6.", [("April 6", "DATE", "2021-04-06", None)]),
    ("He arrived on 6 April 2021.", [("6 April 2021", "DATE", "2021-04-06", None)]),
    ("He arrived on April 6, 2021, in Delhi.", [("April 6, 2021", "DATE", "2021-04-06", None)]),
    ("The deal was signed on 6/4/2021.", [("6/4/2021", "DATE", "2021-04-06", None)]),
    ("Filed 2021-04-06 in court.", [("2021-04-06", "DATE", "2021-04-06", None)]),
    ("They met on Tuesday, April 6.", [("Tuesday, April 6", "DATE", "2021-04-06", None)]),
    ("The summit ended on the 6th of April.", [("the 6th of April", "DATE", "2021-04-06", None)]),
    ("Elections will be held on Dec. 3.", [("Dec. 3", "DATE", "2021-12-03", None)]),
    ("Prices rose in August 2019.", [("August 2019", "DATE", "2019-08", None)]),
    ("Troops withdrew in February.", [("February", "DATE", "2021-02", None)]),
    ("The games open in July.", [("July", "DATE", "2021-07", None)]),
    ("The treaty was signed in 1998.", [("1998", "DATE", "1998", None)]),
    ("Since 2014, the two countries have drifted apart.", [("2014", "DATE", "2014", None)]),
    ("The attack happened on November 16, 2013.", [("November 16, 2013", "DATE", "2013-11-16", None)]),
]

RELATIVE = [
    ("He spoke yesterday.", [("yesterday", "DATE", "2021-04-06", None)]),
    ("He speaks today.", [("today", "DATE", "2021-04-07", None)]),
    ("He will speak tomorrow.", [("tomorrow", "DATE", "2021-04-08", None)]),
    ("Sales fell last week.", [("last week", "DATE", "2021-W13", None)]),
    ("Sales fall this week.", [("this week", "DATE", "2021-W14", None)]),
    ("Sales will rise next month.", [("next month", "DATE", "2021-05", None)]),
    ("Sales rose last year.", [("last year", "DATE", "2020", None)]),
    ("The vote is due next year.", [("next year", "DATE", "2022", None)]),
    ("Prices rose last quarter.", [("last quarter", "DATE", "2021-Q1", None)]),
    ("They met last Friday.", [("last Friday", "DATE", "2021-04-02", None)]),
    ("They will meet next Monday.", [("next Monday", "DATE", "2021-04-12", None)]),
    ("Last December, they met.", [("Last December", "DATE", "2020-12", None)]),
    ("They will meet next January.", [("next January", "DATE", "2022-01", None)]),
    ("The crisis peaked last summer.", [("last summer", "DATE", "2020-SU", None)]),
    ("Exports recover this summer.", [("this summer", "DATE", "2021-SU", None)]),
    ("The plant closed three days ago.", [("three days ago", "DATE", "2021-04-04", None)]),
    ("The firm was founded five years ago.", [("five years ago", "DATE", "2016", None)]),
    ("The bill passed two weeks ago.", [("two weeks ago", "DATE", "2021-W12", None)]),
    ("Talks began earlier this month.", [("earlier this month", "DATE", "2021-04", None)]),
    ("They signed on March 18. The previous day, talks had stalled.",
     [("March 18", "DATE", "2021-03-18", None), ("The previous day", "DATE", "2021-03-17", None)]),
    ("They signed on March 18. Protests began the same day.",
     [("March 18", "DATE", "2021-03-18", None), ("the same day", "DATE", "2021-03-18", None)]),
    ("Revenue fell in the third quarter.", [("the third quarter", "DATE", "2020-Q3", None)]),
]


def test_a_year_earlier_compares_with_the_quarter_just_reported():
    text = "Profit rose in the third quarter. A year earlier it fell."
    assert found(text, "2021-10-28") == [("the third quarter", "DATE", "2021-Q3", None),
                                        ("A year earlier", "DATE", "2020-Q3", None)]

WEEKDAYS = [
    ("Bilateral talks were held on Tuesday.", WED, [("Tuesday", "DATE", "2021-04-06", None)]),
    ("Lavrov will visit on Tuesday.", WED, [("Tuesday", "DATE", "2021-04-13", None)]),
    ("The minister arrived on Monday.", WED, [("Monday", "DATE", "2021-04-05", None)]),
    # Published on a Tuesday: a past-tense "on Tuesday" is that very day (dateparser issue #508).
    ("Talks were held on Tuesday.", "2021-04-06", [("Tuesday", "DATE", "2021-04-06", None)]),
    ("Talks have been held on Tuesday.", "2021-04-06", [("Tuesday", "DATE", "2021-04-06", None)]),
]

DAY_OF_MONTH = [
    ("Lavrov ended his visit to India on the 6th.", [("the 6th", "DATE", "2021-04-06", None)]),
    ("The deal was signed on the 20th.", [("the 20th", "DATE", "2021-03-20", None)]),
    ("The vote will be held on the 20th.", [("the 20th", "DATE", "2021-04-20", None)]),
    ("Payments are due the 15th of next month.", [("the 15th of next month", "DATE", "2021-05-15", None)]),
]

PARTS = [
    ("Growth slowed in early 2021.", [("early 2021", "DATE", "2021", "START")]),
    ("The report is due in mid-November.", [("mid-November", "DATE", "2021-11", "MID")]),
    ("Prices peaked late last year.", [("late last year", "DATE", "2020", "END")]),
    ("Sales grew in the first half of 2021.", [("the first half of 2021", "DATE", "2021-H1", None)]),
    ("Revenue fell in Q3 2020.", [("Q3 2020", "DATE", "2020-Q3", None)]),
    ("Revenue fell in the third quarter of 2020.", [("the third quarter of 2020", "DATE", "2020-Q3", None)]),
    ("The drought of spring 2020 hurt farms.", [("spring 2020", "DATE", "2020-SP", None)]),
    ("The firm grew in the 1990s.", [("the 1990s", "DATE", "199", None)]),
    ("Inflation was high in the '80s.", [("the '80s", "DATE", "198", None)]),
    ("By the end of the month, troops had left.", [("the end of the month", "DATE", "2021-04", "END")]),
]

TIMES = [
    ("The talks began at 10:30 a.m. on Tuesday.", [("10:30 a.m. on Tuesday", "TIME", "2021-04-06T10:30", None)]),
    ("The blast happened this morning.", [("this morning", "TIME", "2021-04-07TMO", None)]),
    ("Shelling resumed last night.", [("last night", "TIME", "2021-04-06TNI", None)]),
    ("The offer expires at 5 p.m. EST, April 9.", [("5 p.m. EST, April 9", "TIME", "2021-04-09T17:00", None)]),
    ("The attack happened at 11pm on Saturday night.", [("11pm on Saturday night", "TIME", "2021-04-03T23:00", None)]),
]

DURATIONS_AND_SETS = [
    ("The standoff lasted for nearly a year.", [("nearly a year", "DURATION", "P1Y", "APPROX")]),
    ("He stayed for three weeks.", [("three weeks", "DURATION", "P3W", None)]),
    ("It was a two-day visit.", [("two-day", "DURATION", "P2D", None)]),
    ("The board meets every week.", [("every week", "SET", "P1W", None)]),
    ("The summit is held twice a year.", [("a year", "SET", "P1Y", None)]),
    ("It was the first summit in nearly 20 years.", [("nearly 20 years", "DURATION", "P20Y", "APPROX")]),
    ("It rained for over two decades.", [("over two decades", "DURATION", "P20Y", "MORE_THAN")]),
    ("Over the past decade, the city grew.", [("the past decade", "DURATION", "P10Y", None)]),
    # A bare plural unit is a duration of unspecified length.
    ("After decades of talks, Lavrov met Jaishankar.", [("decades", "DURATION", "PXY", None)]),
    ("It happened during the final years of the war.", [("years", "DURATION", "PXY", None)]),
    ("The deal will shape trade for years to come.", [("years", "DURATION", "PXY", None)]),
    ("Talks dragged on for several weeks before a deal.", [("several weeks", "DURATION", "PXW", None)]),
    ("It was the firm's first profit in years.", [("years", "DURATION", "PXY", None)]),
    ("Troops will arrive within weeks.", [("weeks", "DURATION", "PXW", None)]),
]

NOT_DATES = [
    "He may visit India.",
    "May God help them.",
    "Protesters march to the capital.",
    "Russia sent 2000 troops to the border.",
    "The 2,019 delegates voted.",
    "Under the Sanctions Act of 2017, nations can be sanctioned.",
    "The Paris Agreement of 2015 is binding.",
    "Article 370 gave special status to the region.",
    "He is 52 years old.",
    "The S-400 system costs $5.4 billion.",
    "Sun Microsystems shares rose.",
    "The form was dated 1/1/0000.",  # there is no year 0
]


@pytest.mark.parametrize(("text", "expected"), ABSOLUTE)
def test_absolute_dates(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(("text", "expected"), RELATIVE)
def test_relative_dates(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(("text", "published", "expected"), WEEKDAYS)
def test_weekdays_follow_tense(text, published, expected):
    assert found(text, published) == expected


@pytest.mark.parametrize(("text", "expected"), DAY_OF_MONTH)
def test_day_of_month(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(("text", "expected"), PARTS)
def test_parts_of_periods(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(("text", "expected"), TIMES)
def test_times_of_day(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(("text", "expected"), DURATIONS_AND_SETS)
def test_durations_and_sets_are_never_event_dates(text, expected):
    mentions = extract(text, WED)
    assert found(text) == expected
    assert not any(m.is_event_date for m in mentions)


@pytest.mark.parametrize("text", NOT_DATES)
def test_not_a_date(text):
    assert [m for m in extract(text, WED) if m.is_event_date] == []


def test_month_keeps_month_granularity_and_interval():
    (mention,) = extract("Last December, Russia and India announced it.", WED)
    assert (mention.granularity, mention.start_date, mention.end_date) == ("month", date(2020, 12, 1), date(2020, 12, 31))


def test_without_anchor_relative_values_are_null():
    (mention,) = extract("Sales fell last month.", None)
    assert (mention.value, mention.start_date, mention.anchor) == (None, None, {"date": None, "source": None})


def test_without_anchor_absolute_dates_still_resolve():
    (mention,) = extract("The plant opened on March 3, 2019.", None)
    assert mention.value == "2019-03-03"


def test_dateline_gives_an_inferred_anchor_with_lower_confidence():
    text = "NEW DELHI, April 7, 2021 - Talks were held yesterday."
    dated, inferred = extract(text, None)
    published = extract(text, WED)[1]
    assert (dated.value, inferred.value, inferred.anchor) == ("2021-04-07", "2021-04-06", {"date": WED, "source": "inferred"})
    assert inferred.confidence < published.confidence


def test_published_datetime_with_timezone_uses_its_own_day():
    (mention,) = extract("He spoke yesterday.", "2021-04-07T23:30:00+05:30")
    assert mention.value == "2021-04-06"


def test_to_dict_is_json_ready():
    (mention,) = extract("He spoke yesterday.", WED)
    assert mention.to_dict() == {
        "text": "yesterday", "start": 9, "end": 18, "type": "DATE", "value": "2021-04-06", "granularity": "day",
        "modifier": None, "start_date": "2021-04-06", "end_date": "2021-04-06", "confidence": 0.9,
        "anchor": {"date": WED, "source": "published"}, "tense": "past", "sentence_start": 0, "sentence_end": 19,
    }


@pytest.mark.parametrize(("text", "value", "start", "end"), [
    ("Exports rose in the first half of 2021.", "2021-H1", "2021-01-01", "2021-06-30"),
    ("Exports rose in the second half of 2020.", "2020-H2", "2020-07-01", "2020-12-31"),
])
def test_a_half_year_keeps_granularity_half_and_covers_its_six_months(text, value, start, end):
    (mention,) = extract(text, WED)
    assert (mention.value, mention.granularity, mention.start_date.isoformat(), mention.end_date.isoformat()) == (
        value, "half", start, end)
