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


@pytest.mark.parametrize(("text", "expected"), FUTURE_OFFSETS)
def test_future_offsets_become_dates(text, expected):
    assert found(text) == expected
