"""Holidays and named days resolve to their day in the year the text points to (hand-checked calendars).

Published 2021-04-07 is a Wednesday, three days after Easter Sunday 2021 (4 April).
"""
import pytest

from service.extraction import extract

WED = "2021-04-07"


def dates(text, country=None, published=WED):
    """Return (text, value) of the event dates found in text."""
    return [(m.text, m.value) for m in extract(text, published, country=country) if m.type in ("DATE", "TIME")]


NAMED_DAYS = [
    ("Shops closed early on Christmas Eve.", None, [("Christmas Eve", "2020-12-24")]),
    ("The shops will close early on Christmas Eve.", None, [("Christmas Eve", "2021-12-24")]),
    ("Churches were full at Easter.", None, [("Easter", "2021-04-04")]),
    ("They met last Thanksgiving.", None, [("last Thanksgiving", "2020-11-26")]),
    ("The store will reopen after Thanksgiving.", None, [("Thanksgiving", "2021-11-25")]),
    ("Fireworks lit the sky on New Year's Eve.", None, [("New Year's Eve", "2020-12-31")]),
    ("The law took effect on New Year's Day 2020.", None, [("New Year's Day 2020", "2020-01-01")]),
    ("Unions held rallies on May Day.", None, [("May Day", "2020-05-01")]),
    ("The town held a parade on the Fourth of July.", None, [("the Fourth of July", "2020-07-04")]),
    ("Sales jumped over Diwali.", None, [("Diwali", "2020-11-14")]),
    ("Markets will close for Eid al-Fitr.", None, [("Eid al-Fitr", "2021-05-14")]),
    ("Troops paraded on Republic Day.", None, [("Republic Day", "2021-01-26")]),
    # a national day of the same name: the country the article is about, else the default (US)
    ("Flags flew on Independence Day.", None, [("Independence Day", "2020-07-04")]),
    ("Flags flew on Independence Day.", "IN", [("Independence Day", "2020-08-15")]),
    ("Flags flew on Republic Day.", "TR", [("Republic Day", "2020-10-29")]),
    # a holiday week keeps week granularity: the ISO week holding the day
    ("Traffic was heavy in Easter week.", None, [("Easter week", "2021-W13")]),
    # in a narrative, the year told
    ("In 1914, soldiers on both sides stopped fighting on Christmas Day.", None,
     [("1914", "1914"), ("Christmas Day", "1914-12-25")]),
    # a holiday naming a season of trade or a custom is no day
    ("Christmas sales rose 4%.", None, []),
    ("Diwali shopping lifted retailers.", None, []),
]


@pytest.mark.parametrize(("text", "country", "expected"), NAMED_DAYS)
def test_named_days_resolve_to_their_day(text, country, expected):
    assert dates(text, country) == expected


def test_an_unknown_country_falls_back_to_the_default_calendar():
    assert dates("Flags flew on Independence Day.", "ZZ") == [("Independence Day", "2020-07-04")]


def test_the_first_hinted_country_that_keeps_the_day_picks_it():
    # Russia keeps no Independence Day of that name, so the next country named decides.
    assert dates("Flags flew on Independence Day.", ("RU", "IN", "US")) == [("Independence Day", "2020-08-15")]
    assert dates("Troops paraded on Republic Day.", ("TR", "IN")) == [("Republic Day", "2020-10-29")]


def test_a_country_hint_given_as_a_callable_is_asked_once_and_only_for_a_shared_name():
    asked = []

    def hint():
        asked.append(1)
        return ("IN",)

    assert [(m.text, m.value) for m in extract("Flags flew on Christmas Eve.", WED, hint)] == [("Christmas Eve", "2020-12-24")]
    assert asked == []
    text = "Flags flew on Independence Day. Crowds gathered on Independence Day."
    assert [m.value for m in extract(text, WED, hint)] == ["2020-08-15", "2020-08-15"]
    assert asked == [1]


# Shopping days counted from US Thanksgiving (Thursday 24 Nov 2011, 22 Nov 2012): Black Friday is the day
# after, Cyber Monday the Monday after. Published Monday 2011-12-05 or Thursday 2012-11-01.
SHOPPING_DAYS = [
    ("Shoppers crowded stores on Black Friday.", "2011-12-05", [("Black Friday", "2011-11-25")]),
    ("Online sales jumped 22 percent on Cyber Monday.", "2011-12-05", [("Cyber Monday", "2011-11-28")]),
    ("Retailers will cut prices on Black Friday.", "2012-11-01", [("Black Friday", "2012-11-23")]),
    ("Amazon plans more deals for Cyber Monday.", "2012-11-01", [("Cyber Monday", "2012-11-26")]),
    ("Black Friday 2012 drew record crowds.", "2013-01-07", [("Black Friday 2012", "2012-11-23")]),
    # other named days that end in a weekday or follow a feast, read past or ahead by the verb
    ("Stores reopened after Boxing Day.", "2012-01-03", [("Boxing Day", "2011-12-26")]),
    ("Markets will be closed on Good Friday.", "2012-03-20", [("Good Friday", "2012-04-06")]),
    ("Banks will close on Easter Monday.", "2012-03-20", [("Easter Monday", "2012-04-09")]),
    ("The parade was held on Columbus Day.", "2011-10-20", [("Columbus Day", "2011-10-10")]),
    # the weekday in a day's name is no weekday of its own, even where the name is no date
    ("Black Friday sales rose 7 percent.", "2011-12-05", []),
    ("Romney hopes to win most states on Super Tuesday.", "2012-02-20", []),
]


@pytest.mark.parametrize(("text", "published", "expected"), SHOPPING_DAYS)
def test_shopping_days_count_from_thanksgiving_and_are_no_bare_weekday(text, published, expected):
    assert dates(text, published=published) == expected


# A holiday weekend is the ISO week's weekend, as TimeML writes "this weekend": the weekend holding the day,
# or, for a Monday holiday, the one it ends. Thanksgiving 1998 was Thursday 26 November (Sat 28 = W48);
# Easter 2021 Sunday 4 April (W13); Labor Day 2021 Monday 6 September (Sat 4 = W35); Memorial Day 2021
# Monday 31 May (Sat 29 = W21); Christmas 2021 a Saturday (W51).
HOLIDAY_WEEKENDS = [
    ("Traffic was heavy over the Thanksgiving weekend.", "1998-12-01", [("the Thanksgiving weekend", "1998-W48-WE")]),
    ("Millions will travel over the Easter weekend.", "2021-03-30", [("the Easter weekend", "2021-W13-WE")]),
    ("The Labor Day weekend was the busiest of the year.", "2021-09-08", [("The Labor Day weekend", "2021-W35-WE")]),
    ("Gas prices will rise before the Memorial Day holiday weekend.", "2021-05-20",
     [("the Memorial Day holiday weekend", "2021-W21-WE")]),
    ("Over the Christmas weekend, shops were shut.", "2021-12-30", [("the Christmas weekend", "2021-W51-WE")]),
]


@pytest.mark.parametrize(("text", "published", "expected"), HOLIDAY_WEEKENDS)
def test_a_holiday_weekend_is_the_weekend_of_its_week(text, published, expected):
    assert dates(text, published=published) == expected
