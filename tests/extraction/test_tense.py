"""A month or a day without a year resolves in the direction of the verb that governs its clause."""
import pytest

from service.extraction import extract

# 2021-04-07 is a Wednesday; 2021-11-02 a Tuesday; 2021-10-30 a Saturday.


def dates(text, published):
    """Return (text, value, tense) of the event dates found in text."""
    return [(m.text, m.value, m.tense) for m in extract(text, published) if m.is_event_date]


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # A sure past verb: the latest such month or day begun by publication, however far back.
        ("In May, Modi visited Moscow.", "2021-04-07", [("May", "2020-05", "past")]),
        ("The two sides signed a deal on April 20.", "2021-04-07", [("April 20", "2020-04-20", "past")]),
        ("The sale closed Jan. 31.", "2021-10-30", [("Jan. 31", "2021-01-31", "past")]),
        ("Thousands marched on May Day.", "2021-04-07", [("May Day", "2020-05-01", "past")]),
        # The month of publication has begun: past speech about it stays in it.
        ("Talks were held in April.", "2021-04-07", [("April", "2021-04", "past")]),
        # A present perfect is past even with a verb we do not list.
        ("The stock has climbed from $30 in March.", "2021-10-30", [("March", "2021-03", "past")]),
        # A sure future: the earliest not yet over.
        ("In February, the two sides will sign a deal.", "2021-04-07", [("February", "2022-02", "future")]),
        ("Putin is scheduled to visit India on March 18.", "2021-04-07", [("March 18", "2022-03-18", "future")]),
        ("They'll meet in April.", "2021-04-07", [("April", "2021-04", "future")]),
        # No verb, or one that tells nothing: the reading nearest publication.
        ("Trade figures for February.", "2021-04-07", [("February", "2021-02", None)]),
        ("The summit in June.", "2021-04-07", [("June", "2021-06", None)]),
    ],
)
def test_month_and_day_follow_the_sure_tense_of_their_clause(text, published, expected):
    assert dates(text, published) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # Each date takes the verb of its own clause.
        ("Modi visited Moscow in May and will return in June.", "2021-04-07",
         [("May", "2020-05", "past"), ("June", "2021-06", "future")]),
        ("Modi, who met Putin in May, will visit Paris in June.", "2021-04-07",
         [("May", "2020-05", "past"), ("June", "2021-06", "future")]),
        # After a reporting verb a new clause begins: "said" does not date the expiry (nearest reading).
        ("Officials said the rights expire Nov. 21.", "2021-11-02", [("Nov. 21", "2021-11-21", None)]),
        # ...but a date right after the reporting verb is its own.
        ("The minister said on Tuesday that India would retaliate.", "2021-04-08",
         [("Tuesday", "2021-04-06", "past")]),
    ],
)
def test_the_verb_governing_the_date_decides_not_the_nearest_cue(text, published, expected):
    assert dates(text, published) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # A past act with a target date: the target is not the time of the act, so the nearest reading.
        ("The deadline was extended to Nov. 20.", "2021-11-02", [("Nov. 20", "2021-11-20", "past")]),
        ("The offer was extended until 5 p.m. EST Nov. 9.", "2021-11-02",
         [("5 p.m. EST Nov. 9", "2021-11-09T17:00", "past")]),
        ("The company declared a dividend, payable Dec. 1.", "2021-10-27", [("Dec. 1", "2021-12-01", "past")]),
        # A future act places its target ahead.
        ("The deadline will be extended to March 10.", "2021-04-07", [("March 10", "2022-03-10", "future")]),
        # A present one leaves the nearest reading.
        ("The visa is valid until June 30.", "2021-04-07", [("June 30", "2021-06-30", "present")]),
        # An infinitive between the past verb and the date: the purchase may still lie ahead.
        ("The firm agreed to buy the unit in February.", "2021-10-30", [("February", "2022-02", "past")]),
        # A past verb with a leaning future nearer the date: a future seen from the past, the nearest reading.
        ("The board approved the plan, set to take effect on Friday.", "2021-04-07", [("Friday", "2021-04-09", None)]),
        ("The plane was due to land on Wednesday.", "2021-04-07", [("Wednesday", "2021-04-07", None)]),
        # "since" always looks back.
        ("Prices will keep rising since May.", "2021-04-07", [("May", "2020-05", "past")]),
    ],
)
def test_targets_infinitives_and_since(text, published, expected):
    assert dates(text, published) == expected
