"""News wording of the kind the held-out newswire corpora use, each class in many wordings.

Sentences written for this file, values checked by hand against a calendar: 1998-01-08 is a Thursday (ISO
week 2), 1998-08-14 a Friday (week 33), 2013-03-20 a Wednesday (week 12).
"""
import pytest

from service.extraction import extract

THU = "1998-01-08"
FRI = "1998-08-14"
WED = "2013-03-20"


def dates(text, published):
    """Return (text, value) of the DATE and TIME mentions of text."""
    return [(m.text, m.value) for m in extract(text, published) if m.type in ("DATE", "TIME")]


SCHEDULES_AND_WEEKDAYS = [
    # a scheduled event in the present, or a future verb, reads forward
    ("The exchange reopens Monday after the holiday.", THU, [("Monday", "1998-01-12")]),
    ("The board meets Tuesday to consider the offer.", THU, [("Tuesday", "1998-01-13")]),
    ("The vote comes Friday.", THU, [("Friday", "1998-01-09")]),
    ("The central bank meets on Wednesday.", THU, [("Wednesday", "1998-01-14")]),
    ("The airline resumes flights to Cairo on Sunday.", THU, [("Sunday", "1998-01-11")]),
    ("The talks begin next Tuesday.", THU, [("next Tuesday", "1998-01-13")]),
    ("The hearing is set for Jan. 20.", THU, [("Jan. 20", "1998-01-20")]),
    ("The launch is scheduled for 9:30 a.m. EDT Saturday.", THU, [("9:30 a.m. EDT Saturday", "1998-01-10T09:30")]),
    ("Clinton will return to Washington on Sunday.", FRI, [("Sunday", "1998-08-16")]),
    ("The talks are to resume on Monday.", FRI, [("Monday", "1998-08-17")]),
    ("He is due in court on Aug. 20.", FRI, [("Aug. 20", "1998-08-20")]),
    ("The vote is scheduled for next Thursday.", FRI, [("next Thursday", "1998-08-20")]),
    ("The pope will meet the president on Thursday.", WED, [("Thursday", "2013-03-21")]),
    # more verbs of schedules: said on Monday 12 January 1998, the coming days, not the ones just past
    ("The party holds its congress on Sunday.", "1998-01-12", [("Sunday", "1998-01-18")]),
    ("The president leaves for Paris on Friday.", "1998-01-12", [("Friday", "1998-01-16")]),
    ("The former minister faces trial on Saturday.", "1998-01-12", [("Saturday", "1998-01-17")]),
    ("Voters go to the polls on Sunday.", "1998-01-12", [("Sunday", "1998-01-18")]),
    ("Schools reopen Monday.", FRI, [("Monday", "1998-08-17")]),
    # said on that very weekday, a schedule or a future verb means the publication day; a week on takes "next"
    ("The summit opens Friday in Rome.", FRI, [("Friday", "1998-08-14")]),
    ("The talks will end on Friday.", FRI, [("Friday", "1998-08-14")]),
    ("The talks will end next Friday.", FRI, [("next Friday", "1998-08-21")]),
    # a participle after a linking verb takes that verb's tense: the banks stay shut until next Tuesday
    ("Cyprus banks will stay closed until Tuesday.", WED, [("Tuesday", "2013-03-26")]),
    # told in the past, the latest such day, the publication day included
    ("Oil prices rose Friday.", THU, [("Friday", "1998-01-02")]),
    ("The deal, announced Tuesday, is worth $2 billion.", THU, [("Tuesday", "1998-01-06")]),
    ("The strike began Wednesday and continued into Thursday.", THU, [("Wednesday", "1998-01-07"), ("Thursday", "1998-01-08")]),
    ("Clinton returned to Washington on Sunday.", FRI, [("Sunday", "1998-08-09")]),
    ("The plan, unveiled Monday, would cut taxes.", FRI, [("Monday", "1998-08-10")]),
    ("The strike entered its third week on Friday.", FRI, [("Friday", "1998-08-14")]),
    ("The pope met the president on Tuesday.", WED, [("Tuesday", "2013-03-19")]),
    ("Wednesday's vote was delayed.", WED, [("Wednesday", "2013-03-20")]),
]

TIMES_OF_DAY = [
    ("The shooting happened Thursday night.", THU, [("Thursday night", "1998-01-08TNI")]),
    ("The plane crashed late Tuesday night.", THU, [("late Tuesday night", "1998-01-06TNI")]),
    ("Rescuers reached the site early Monday.", THU, [("early Monday", "1998-01-05")]),
    ("Talks broke down early Wednesday.", THU, [("early Wednesday", "1998-01-07")]),
    ("The verdict is expected at noon.", THU, [("noon", "1998-01-08T12:00")]),
    ("The market closed at noon Friday.", THU, [("noon Friday", "1998-01-02T12:00")]),
    ("The quake struck at 4 a.m. EST.", THU, [("4 a.m. EST", "1998-01-08T04:00")]),
    ("The bomb went off at 3 in the afternoon.", THU, [("3 in the afternoon", "1998-01-08T15:00")]),
    ("Tonight, the president will address the nation.", THU, [("Tonight", "1998-01-08TNI")]),
    ("This morning, the market opened lower.", THU, [("This morning", "1998-01-08TMO")]),
    ("The team arrived on Sunday evening.", THU, [("Sunday evening", "1998-01-04TEV")]),
    ("The rally is planned for Saturday afternoon.", THU, [("Saturday afternoon", "1998-01-10TAF")]),
    ("Rescue teams worked through the night.", FRI, [("the night", "1998-08-14TNI")]),
    ("The ceasefire was announced on Sunday night.", WED, [("Sunday night", "2013-03-17TNI")]),
    ("Voting began at 7 a.m. and ended at 8 p.m.", WED, [("7 a.m.", "2013-03-20T07:00"), ("8 p.m.", "2013-03-20T20:00")]),
    # a clock time told with its day, local time or not
    ("The embassy was bombed at 10:40 a.m. local time on Aug. 7.", FRI, [("10:40 a.m. local time on Aug. 7", "1998-08-07T10:40")]),
    ("The rebels attacked on Tuesday. The next morning, troops arrived.", THU,
     [("Tuesday", "1998-01-06"), ("The next morning", "1998-01-07TMO")]),
    ("The raid came that night.", THU, [("that night", "1998-01-08TNI")]),
    # "at night" sets the clock to p.m. from six on, a.m. before
    ("The blast came at around 11 at night.", THU, [("around 11 at night", "1998-01-08T23:00")]),
    ("The convoy left at 2 at night.", THU, [("2 at night", "1998-01-08T02:00")]),
]

PERIODS_OF_THE_NEWS = [
    ("Congress returns this week.", THU, [("this week", "1998-W02")]),
    ("Earlier this week, the central bank cut rates.", THU, [("Earlier this week", "1998-W02")]),
    ("The company will report results later this month.", THU, [("later this month", "1998-01")]),
    ("Prices have fallen sharply earlier this year.", "1998-06-10", [("earlier this year", "1998")]),
    ("The results are due out later today.", FRI, [("later today", "1998-08-14")]),
    ("The plant will close next month.", THU, [("next month", "1998-02")]),
    ("The ruble lost a third of its value this week.", FRI, [("this week", "1998-W33")]),
    ("The bill goes to the Senate next week.", WED, [("next week", "2013-W13")]),
    ("The rebels seized the town late last month.", WED, [("late last month", "2013-02")]),
    ("The price rose late last year.", THU, [("late last year", "1997")]),
    ("Last year's profit was a record.", WED, [("Last year", "2012")]),
    ("Next year's budget will be tighter.", WED, [("Next year", "2014")]),
    ("Last spring, the company cut 500 jobs.", THU, [("Last spring", "1997-SP")]),
    ("The talks will resume next spring.", THU, [("next spring", "1998-SP")]),
    ("The company lost $3 million in fiscal 1998.", "1998-06-10", [("fiscal 1998", "1998")]),
    ("Revenue for fiscal 1999 is expected to grow.", THU, [("fiscal 1999", "1999")]),
    ("Fiscal 1997 ended Sept. 30.", THU, [("Fiscal 1997", "1997"), ("Sept. 30", "1997-09-30")]),
    ("Earnings rose 12% in the third quarter.", "1989-10-26", [("the third quarter", "1989-Q3")]),
    ("Fourth-quarter profit fell 8%.", THU, [("Fourth-quarter", "1997-Q4")]),
    ("Profit rose in the first quarter of this year.", "1998-06-10", [("the first quarter of this year", "1998-Q1")]),
    ("The country will be debt-free by the end of the decade.", THU, [("the end of the decade", "199")]),
    ("The country plans to double output by the decade's end.", THU, [("the decade's end", "199")]),
    # a quarter not yet begun is this year's when it is expected, last year's when it is reported
    ("The firm expects growth in Q3.", THU, [("Q3", "1998-Q3")]),
    ("The firm reported growth in Q3.", THU, [("Q3", "1997-Q3")]),
    ("The agreement expires at the end of September.", FRI, [("the end of September", "1998-09")]),
    ("The talks broke down in late July.", FRI, [("late July", "1998-07")]),
    ("Analysts expect the economy to grow 3% this year and 2.5% next year.", FRI, [("this year", "1998"), ("next year", "1999")]),
    ("The company said it expects to close the deal by year-end.", FRI, [("year-end", "1998")]),
    ("The court will rule on the case in June.", WED, [("June", "2013-06")]),
    ("The court ruled on the case in June.", WED, [("June", "2012-06")]),
]

PRESENT_AND_VAGUE = [
    # TimeBank's convention: "now", "currently", "at present" are PRESENT_REF
    ("The rate is now 5%.", THU, [("now", "PRESENT_REF")]),
    ("The firm currently employs 300 people.", THU, [("currently", "PRESENT_REF")]),
    ("Right now, traders are nervous.", THU, [("Right now", "PRESENT_REF")]),
    ("Nowadays, few people use cheques.", THU, [("Nowadays", "PRESENT_REF")]),
    ("Until now, no group has claimed responsibility.", THU, [("now", "PRESENT_REF")]),
    ("The index is currently at its highest level since 1990.", THU, [("currently", "PRESENT_REF"), ("1990", "1990")]),
    # "Today," set off at the head of a present-tense sentence is the present age; told of an act, the day
    ("Today, the right to strike is guaranteed by law.", THU, [("Today", "PRESENT_REF")]),
    ("Today, the president met the king.", THU, [("Today", "1998-01-08")]),
    ("Today is the eighth day of the strike.", THU, [("Today", "1998-01-08")]),
    ("In recent years, the city has grown.", THU, [("recent years", "PAST_REF")]),
    ("Officials expect a decision in the coming weeks.", THU, [("the coming weeks", "FUTURE_REF")]),
]

FUTURE_OFFSETS = [
    ("The talks will resume in two weeks.", THU, [("two weeks", "1998-W04")]),
    ("The summit will be held in three days.", THU, [("three days", "1998-01-11")]),
    ("Both sides will meet again in two days.", THU, [("two days", "1998-01-10")]),
    ("The rebels will be freed in a week.", THU, [("a week", "1998-W03")]),
    ("Elections will be held in six months.", THU, [("six months", "1998-07")]),
]

HOLIDAYS = [
    ("Sales were weak last Christmas.", THU, [("last Christmas", "1997-12-25")]),
    ("Last Christmas, the family was in Paris.", FRI, [("Last Christmas", "1997-12-25")]),
    ("Last Thanksgiving, the store was closed.", THU, [("Last Thanksgiving", "1997-11-27")]),
    ("On Christmas Eve, the rebels attacked the town.", THU, [("Christmas Eve", "1997-12-24")]),
    # the Orthodox Christmas is 7 January (Russia's calendar)
    ("Orthodox Christmas was celebrated quietly in Moscow.", "2021-04-07", [("Orthodox Christmas", "2021-01-07")]),
    ("Retail sales slumped after Christmas.", THU, [("Christmas", "1997-12-25")]),
    ("Stores will be packed on New Year's Eve.", "1998-12-10", [("New Year's Eve", "1998-12-31")]),
    ("Shops close during Easter week.", WED, [("Easter week", "2013-W13")]),
    ("Families gathered on Thanksgiving Day.", "1998-12-01", [("Thanksgiving Day", "1998-11-26")]),
    ("The museum was closed on Good Friday.", "2013-04-03", [("Good Friday", "2013-03-29")]),
    ("He was freed on Christmas Day.", "1998-12-28", [("Christmas Day", "1998-12-25")]),
    ("Crowds gathered on May Day.", "1998-05-05", [("May Day", "1998-05-01")]),
    ("The attack took place on New Year's Day.", "1998-02-01", [("New Year's Day", "1998-01-01")]),
    ("The parade took place on St. Patrick's Day.", "1998-03-20", [("St. Patrick's Day", "1998-03-17")]),
    ("He was sworn in on Inauguration Day.", "2009-01-25", [("Inauguration Day", "2009-01-20")]),
    ("Veterans marched on Armistice Day.", "1998-11-20", [("Armistice Day", "1998-11-11")]),
    ("Crowds celebrated on V-E Day.", "1945-05-20", [("V-E Day", "1945-05-08")]),
    ("The report comes out on Labor Day.", "1998-08-20", [("Labor Day", "1998-09-07")]),
    ("The shooting happened on Halloween.", "1998-11-05", [("Halloween", "1998-10-31")]),
    # a calendar reckoned only for some years hands over to the next listed one that has the day
    ("Eid al-Fitr begins on Wednesday.", THU, [("Eid al-Fitr", "1998-01-30"), ("Wednesday", "1998-01-14")]),
    # a day before or after a holiday (Thanksgiving 1998 fell on 26 November)
    ("The shops reopened the day after Christmas.", "1999-01-05", [("the day after Christmas", "1998-12-26")]),
    ("Traffic peaked the day before Thanksgiving.", "1998-12-01", [("the day before Thanksgiving", "1998-11-25")]),
    ("Americans will celebrate the Fourth of July with fireworks.", "1998-05-01", [("the Fourth of July", "1998-07-04")]),
    # a common noun, not a feast
    ("She had an epiphany.", THU, []),
]


@pytest.mark.parametrize(("text", "published", "expected"), SCHEDULES_AND_WEEKDAYS)
def test_weekdays_by_tense_and_schedule(text, published, expected):
    assert dates(text, published) == expected


@pytest.mark.parametrize(("text", "published", "expected"), TIMES_OF_DAY)
def test_times_of_day(text, published, expected):
    assert dates(text, published) == expected


@pytest.mark.parametrize(("text", "published", "expected"), PERIODS_OF_THE_NEWS)
def test_periods_relative_to_publication(text, published, expected):
    assert dates(text, published) == expected


@pytest.mark.parametrize(("text", "published", "expected"), PRESENT_AND_VAGUE)
def test_present_and_vague_references(text, published, expected):
    assert dates(text, published) == expected


@pytest.mark.parametrize(("text", "published", "expected"), FUTURE_OFFSETS)
def test_offsets_after_a_future_verb_are_dates(text, published, expected):
    assert dates(text, published) == expected


@pytest.mark.parametrize(("text", "published", "expected"), HOLIDAYS)
def test_holidays_and_named_days(text, published, expected):
    assert dates(text, published) == expected


# Weather and travel forecasts look ahead: a possibility ("could", "might"; in reported speech too) or a
# forecast in the present reads the coming days; a possibility denied tells the past. Thursday 1998-01-08;
# Tuesday 2021-04-06 (the weekend before is W13, the coming one W14); Wednesday 2021-11-24.
FORECASTS = [
    ("The storm could last into Friday afternoon.", THU, [("Friday afternoon", "1998-01-09TAF")]),
    ("Snow could fall through Saturday, forecasters said.", THU, [("Saturday", "1998-01-10")]),
    ("Showers might linger until Sunday morning.", THU, [("Sunday morning", "1998-01-11TMO")]),
    ("Officials said Tuesday the storm could last into Wednesday afternoon.", "2021-04-06",
     [("Tuesday", "2021-04-06"), ("Wednesday afternoon", "2021-04-07TAF")]),
    ("The storm is forecast to weaken over the weekend.", "2021-04-06", [("the weekend", "2021-W14-WE")]),
    ("The storm could bring more snow over the weekend.", "2021-04-06", [("the weekend", "2021-W14-WE")]),
    ("Heavy traffic is expected through Sunday, when travelers head home.", "2021-11-24", [("Sunday", "2021-11-28")]),
    ("Rescuers could not reach the village on Tuesday.", THU, [("Tuesday", "1998-01-06")]),
    ("Rescuers couldn't reach the village on Tuesday.", THU, [("Tuesday", "1998-01-06")]),
]


@pytest.mark.parametrize(("text", "published", "expected"), FORECASTS)
def test_forecasts_read_the_coming_days(text, published, expected):
    assert dates(text, published) == expected


# A month or quarter heading what is reported for it names a reporting period: its report may lie ahead
# while the period is over, so a future verb reads the nearer one, not the next. 2012-01-03 is a Tuesday,
# 2011-12-05 a Monday (ISO week 49).
REPORTING_PERIODS = [
    ("Chains will report December sales on Thursday.", "2012-01-03", [("December", "2011-12"), ("Thursday", "2012-01-05")]),
    ("The Commerce Department will release November retail sales next week.", "2011-12-05",
     [("November", "2011-11"), ("next week", "2011-W50")]),
    ("Economists expect December retail sales to rise 0.5 percent.", "2012-01-10", [("December", "2011-12")]),
    ("Stores expect December sales to rise 4 percent.", "2011-11-20", [("December", "2011-12")]),
    ("The retailer expects fourth-quarter earnings of $1.20 a share.", "2012-01-04", [("fourth-quarter", "2011-Q4")]),
    ("The company said it expects third-quarter earnings of 40 cents a share.", "2012-04-20", [("third-quarter", "2012-Q3")]),
    ("Analysts expect Q3 revenue of $2 billion.", "2021-10-05", [("Q3", "2021-Q3")]),
    ("Q3 revenue rose 12 percent.", "2021-04-07", [("Q3", "2020-Q3")]),
    # "the month" is the month told last, though a day was told since; with none told, no date
    ("Retailers will report their December sales on Thursday. Analysts expect the month to be strong.", "2012-01-03",
     [("December", "2011-12"), ("Thursday", "2012-01-05"), ("the month", "2011-12")]),
    ("In November, sales rose 3 percent. For the month, the chain earned $2 million.", "2012-01-03",
     [("November", "2011-11"), ("the month", "2011-11")]),
    ("Sales rose 4 percent in the month, the company said.", "2012-01-03", []),
    # no report named: a future verb reads the next one
    ("The plant will open in the fourth quarter.", "2012-01-04", [("the fourth quarter", "2012-Q4")]),
    ("The shop will open in December.", "2012-01-03", [("December", "2012-12")]),
]


@pytest.mark.parametrize(("text", "published", "expected"), REPORTING_PERIODS)
def test_a_reported_period_is_the_one_just_over(text, published, expected):
    assert dates(text, published) == expected


# "the quarter" closed by a day told after it is the quarter holding that day, and comparisons after it
# ("the year-earlier period", "a year earlier") hang on the quarter, not on the closing day.
QUARTERS_CLOSED_BY_A_DAY = [
    ("Acme expects a profit of $3 million in the quarter, which ends March 31. In the year-earlier period, it "
     "lost $1 million.", "1995-03-15",
     [("the quarter", "1995-Q1"), ("March 31", "1995-03-31"), ("the year-earlier period", "1994-Q1")]),
    ("Net income in the quarter ended Sept. 30 rose 12 percent from the year-ago quarter.", "1989-11-02",
     [("the quarter", "1989-Q3"), ("Sept. 30", "1989-09-30"), ("the year-ago quarter", "1988-Q3")]),
    ("The company earned $4 million in the quarter ending June 30, up from $3 million a year earlier.", "2012-07-25",
     [("the quarter", "2012-Q2"), ("June 30", "2012-06-30"), ("a year earlier", "2011-Q2")]),
    ("Sales in the first quarter rose 6 percent from a year earlier.", "1995-04-20",
     [("the first quarter", "1995-Q1"), ("a year earlier", "1994-Q1")]),
]


@pytest.mark.parametrize(("text", "published", "expected"), QUARTERS_CLOSED_BY_A_DAY)
def test_a_quarter_closed_by_a_day_is_the_one_holding_it(text, published, expected):
    assert dates(text, published) == expected


# A schedule verb right before a yearless date governs it, not the reporting verb after it; a past schedule
# reads the nearest such day. 2012-01-03 is a Tuesday, 2016-08-19 a Friday, 2004-04-06 a Tuesday.
SCHEDULED_DATES = [
    ("Target Corp., whose fiscal year ends Jan. 28, said sales rose.", "2012-01-03", [("Jan. 28", "2012-01-28")]),
    ("Wal-Mart, whose fiscal year ends Jan. 31, reported higher sales.", "2012-01-03", [("Jan. 31", "2012-01-31")]),
    ("The season, which opens Sept. 5, was shortened by the lockout.", "2011-08-20", [("Sept. 5", "2011-09-05")]),
    ("The games were scheduled to start on Aug. 10.", "2016-08-19", [("Aug. 10", "2016-08-10")]),
    ("The trial had been scheduled to begin Aug. 10 but was postponed.", "2016-08-19", [("Aug. 10", "2016-08-10")]),
    ("The vote will come when MPs return on April 19.", "2004-04-06", [("April 19", "2004-04-19")]),
    ("Blair said he would make a statement when MPs return on April 19.", "2004-04-06", [("April 19", "2004-04-19")]),
    # a past verb right before the date still dates it
    ("The company reported that its fiscal year ended Jan. 28.", "2012-01-03", [("Jan. 28", "2011-01-28")]),
]


@pytest.mark.parametrize(("text", "published", "expected"), SCHEDULED_DATES)
def test_a_schedule_verb_right_before_a_date_governs_it(text, published, expected):
    assert dates(text, published) == expected


# Market and forecast wording: a forecast's bare half is this year's half not yet over (a half told of the
# past or of a match is no date); a trading session ("in morning trading") and "the day" of a market report
# are on the last day told, though a month was told since, else on the publication day. 2010-03-02 is a Tuesday.
MARKET_REPORTS = [
    ("Analysts expect growth to pick up in the second half.", "2021-04-07", [("the second half", "2021-H2")]),
    ("The company expects sales to recover in the first half.", "2021-09-07", [("the first half", "2022-H1")]),
    ("Profit fell in the second half.", "2021-04-07", []),
    ("He scored twice in the second half.", "2021-04-07", []),
    ("Shares fell 2 percent in afternoon trading.", "2021-04-07", [("afternoon", "2021-04-07TAF")]),
    ("Ford said on Tuesday that its sales rose 43% in February. Its stock hit a high in morning trading, before "
     "declining later in the day.", "2010-03-03",
     [("Tuesday", "2010-03-02"), ("February", "2010-02"), ("morning", "2010-03-02TMO"), ("the day", "2010-03-02")]),
]


@pytest.mark.parametrize(("text", "published", "expected"), MARKET_REPORTS)
def test_market_and_forecast_periods(text, published, expected):
    assert dates(text, published) == expected


COUNTS = [
    # a four-digit number before a plural noun is a count, after "and" or "of" too; after a year it is a year
    ("The army deployed 1999 soldiers and 2003 vehicles.", THU, []),
    ("A total of 2015 voters took part.", THU, []),
    ("He was one of 1998 graduates.", THU, []),
    ("Turnout fell in the 1996 and 1998 elections.", THU, [("1996", "1996"), ("1998", "1998")]),
]


@pytest.mark.parametrize(("text", "published", "expected"), COUNTS)
def test_counts_are_no_years(text, published, expected):
    assert dates(text, published) == expected
