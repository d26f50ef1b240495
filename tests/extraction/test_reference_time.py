"""A reference time that moves with the text: anaphoric dates hang on the last date told, deictic ones on publication.

Hand-checked against a calendar. Published 2021-04-07 is a Wednesday.
"""
import pytest

from service.extraction import extract

WED = "2021-04-07"


def dates(text, published=WED):
    """Return (text, value) of the event dates found in text."""
    return [(m.text, m.value) for m in extract(text, published) if m.type in ("DATE", "TIME")]


ANAPHORIC = [
    # offsets and days counted from the last date told
    ("On March 18, 2019, the talks collapsed. Two days later, the envoy resigned.",
     [("March 18, 2019", "2019-03-18"), ("Two days later", "2019-03-20")]),
    ("He was arrested on 12 August 2008. The day before, he had fled.",
     [("12 August 2008", "2008-08-12"), ("The day before", "2008-08-11")]),
    ("The fire started on June 3. Earlier that day, the alarm had failed.",
     [("June 3", "2020-06-03"), ("Earlier that day", "2020-06-03")]),
    ("The treaty was signed on 9 May 1945. That same day, crowds filled the streets.",
     [("9 May 1945", "1945-05-09"), ("That same day", "1945-05-09")]),
    # the following year / season, from the year told
    ("In 2010, the company moved to Delhi. The following year it listed its shares.",
     [("2010", "2010"), ("The following year", "2011")]),
    ("The dam was finished in 1936. The following spring, the valley flooded.",
     [("1936", "1936"), ("The following spring", "1937-SP")]),
    ("Work began in October 2015. That winter, the river froze.",
     [("October 2015", "2015-10"), ("That winter", "2015-WI")]),
    # a narrative passage places yearless dates in the year it opened with
    ("In 1941 Germany attacked the Soviet Union. In December, the United States entered the war.",
     [("1941", "1941"), ("December", "1941-12")]),
    ("In 1998, prices collapsed. Two years later, the mine closed.", [("1998", "1998"), ("Two years later", "2000")]),
    # a year a decade or more back is history wherever it stands in its sentence
    ("The battle began in August 1942. By November, the army had encircled the city.",
     [("August 1942", "1942-08"), ("November", "1942-11")]),
    ("In 1969, the crew launched on July 16 and landed on the Moon four days later.",
     [("1969", "1969"), ("July 16", "1969-07-16"), ("four days later", "1969-07-20")]),
    ("The war began on 28 July 1914. By the end of the year, the front had stalled.",
     [("28 July 1914", "1914-07-28"), ("the end of the year", "1914")]),
    ("In March 1916, the army attacked. By the end of the month, it had lost.",
     [("March 1916", "1916-03"), ("the end of the month", "1916-03")]),
    # a comparison with the same period of the year before
    ("Sales rose 43% in February compared with the same period last year.",
     [("February", "2021-02"), ("the same period last year", "2020-02")]),
    ("Sales fell 35% in January, compared to the same month a year ago.",
     [("January", "2021-01"), ("the same month a year ago", "2020-01")]),
    ("Profit rose in the third quarter. For the quarter a year ago, it earned less.",
     [("the third quarter", "2020-Q3"), ("the quarter a year ago", "2019-Q3")]),
    # a part of the day after a day told is that day's
    ("Shares fell on Tuesday. Dealers sold heavily in the morning.",
     [("Tuesday", "2021-04-06"), ("the morning", "2021-04-06TMO")]),
    # a time of day in a sentence that told its day
    ("The jet made its first flight on Tuesday in Seattle at 18:00 UTC.",
     [("Tuesday", "2021-04-06"), ("18:00 UTC", "2021-04-06T18:00Z")]),
]

DEICTIC = [
    # what is said relative to the present stays on the publication date, narrative or not
    ("In 1941 Germany attacked the Soviet Union. Sales fell last month.", [("1941", "1941"), ("last month", "2021-03")]),
    ("In 2019 the plan was drafted. In December it will take effect.", [("2019", "2019"), ("December", "2021-12")]),
    # a year inside a clause bounds or describes; it opens no narrative
    ("The plan, approved in 2019, was revised in March.", [("2019", "2019"), ("March", "2021-03")]),
    ("Dealers sold heavily in the morning.", [("the morning", "2021-04-07TMO")]),
    # nor does one from another paragraph
    ("In 1941 Germany attacked the Soviet Union.\n\nIn December, sales rose.", [("1941", "1941"), ("December", "2020-12")]),
    # a count of years from a deictic year stays deictic
    ("Profit rose a year ago. Costs were lower a year earlier.", [("a year ago", "2020"), ("a year earlier", "2020")]),
]


@pytest.mark.parametrize(("text", "expected"), ANAPHORIC)
def test_anaphoric_dates_hang_on_the_last_date_told(text, expected):
    assert dates(text) == expected


@pytest.mark.parametrize(("text", "expected"), DEICTIC)
def test_deictic_dates_hang_on_the_publication_date(text, expected):
    assert dates(text) == expected


def test_each_mention_names_its_anchor():
    text = "On March 18, 2019, the talks collapsed. Two days later, the envoy resigned. Sales fell last month."
    told, later, deictic = extract(text, WED)
    assert told.anchor == {"date": WED, "source": "published"}
    assert later.anchor == {"date": "2019-03-18", "source": "mention", "start": told.start, "end": told.end}
    assert deictic.anchor == {"date": WED, "source": "published"}


def test_a_guess_does_not_move_the_reference_time():
    # "The next month" has no month told to count from; the narrative year still places "9 November".
    text = "In 1916, the British attacked on the Somme. The next month, Romania entered the war. On 9 November, the Kaiser abdicated."
    assert dates(text)[-1] == ("9 November", "1916-11-09")
