"""A modifier narrows a date's interval for filtering and sorting: START the first third, MID the middle, END the last."""
from datetime import date

import pytest

from service.drafting.intervals import narrowed


@pytest.mark.parametrize("start, end, granularity, modifier, expected", [
    ("2021-01-01", "2021-12-31", "year", "END", ("2021-09-01", "2021-12-31")),
    ("2021-01-01", "2021-12-31", "year", "MID", ("2021-05-01", "2021-08-31")),
    ("2021-01-01", "2021-12-31", "year", "START", ("2021-01-01", "2021-04-30")),
    ("2021-03-01", "2021-03-31", "month", "START", ("2021-03-01", "2021-03-10")),
    ("2021-03-01", "2021-03-31", "month", "MID", ("2021-03-11", "2021-03-21")),
    ("2021-03-01", "2021-03-31", "month", "END", ("2021-03-22", "2021-03-31")),
    ("2021-02-01", "2021-02-28", "month", "END", ("2021-02-20", "2021-02-28")),
    ("2021-04-01", "2021-06-30", "quarter", "MID", ("2021-05-01", "2021-05-31")),
    ("2021-01-01", "2021-06-30", "half", "END", ("2021-05-01", "2021-06-30")),
    ("1990-01-01", "1999-12-31", "decade", "END", ("1997-01-01", "1999-12-31")),
    ("1900-01-01", "1999-12-31", "century", "START", ("1900-01-01", "1932-12-31")),
    ("2021-04-05", "2021-04-11", "week", "END", ("2021-04-10", "2021-04-11")),
    ("9999-01-01", "9999-12-31", "year", "END", ("9999-09-01", "9999-12-31")),
    ("0001-01-01", "0001-12-31", "year", "START", ("0001-01-01", "0001-04-30")),
    # Other modifiers and single days keep their interval.
    ("2021-01-01", "2021-12-31", "year", "APPROX", ("2021-01-01", "2021-12-31")),
    ("2021-01-01", "2021-12-31", "year", None, ("2021-01-01", "2021-12-31")),
    ("2021-04-06", "2021-04-06", "day", "END", ("2021-04-06", "2021-04-06")),
])
def test_a_modifier_keeps_its_third_of_the_period(start, end, granularity, modifier, expected):
    low, high = narrowed(date.fromisoformat(start), date.fromisoformat(end), granularity, modifier)
    assert (low.isoformat(), high.isoformat()) == expected
