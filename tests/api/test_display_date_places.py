"""Where a modified date sits on a timeline: its third of the period for START, MID and END, else all of it."""
from datetime import date

import pytest

from service.api.display_dates import placed

D = date.fromisoformat


@pytest.mark.parametrize("modifier, start, end, expected", [
    # A year in months: January-April, May-August, September-December.
    ("START", "2021-01-01", "2021-12-31", ("2021-01-01", "2021-04-30")),
    ("MID", "2021-01-01", "2021-12-31", ("2021-05-01", "2021-08-31")),
    ("END", "2021-01-01", "2021-12-31", ("2021-09-01", "2021-12-31")),
    # A quarter or a season: one month each; a half: two.
    ("START", "2021-07-01", "2021-09-30", ("2021-07-01", "2021-07-31")),
    ("END", "2020-01-01", "2020-06-30", ("2020-05-01", "2020-06-30")),
    ("MID", "2020-12-01", "2021-02-28", ("2021-01-01", "2021-01-31")),
    # A decade: 40 months each, so its end starts in September of its seventh year.
    ("END", "1990-01-01", "1999-12-31", ("1996-09-01", "1999-12-31")),
    # A month in days: 1-10, 11-20, 21-end; February of a leap year ends on the 29th.
    ("START", "2021-04-01", "2021-04-30", ("2021-04-01", "2021-04-10")),
    ("END", "2024-02-01", "2024-02-29", ("2024-02-20", "2024-02-29")),
    # A week: Monday-Tuesday, Wednesday-Thursday, Friday-Sunday.
    ("START", "2021-04-05", "2021-04-11", ("2021-04-05", "2021-04-06")),
    ("MID", "2021-04-05", "2021-04-11", ("2021-04-07", "2021-04-08")),
    ("END", "2021-04-05", "2021-04-11", ("2021-04-09", "2021-04-11")),
    # Too short to split, around, or no modifier: the period as stored.
    ("END", "2021-04-06", "2021-04-06", ("2021-04-06", "2021-04-06")),
    ("END", "2021-04-06", "2021-04-07", ("2021-04-06", "2021-04-07")),
    ("APPROX", "2021-01-01", "2021-12-31", ("2021-01-01", "2021-12-31")),
    (None, "2021-01-01", "2021-12-31", ("2021-01-01", "2021-12-31")),
])
def test_a_modified_date_is_placed_in_its_third(modifier, start, end, expected):
    assert placed({"start": D(start), "end": D(end), "modifier": modifier}) == tuple(D(day) for day in expected)
