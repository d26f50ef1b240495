"""The eight failures of naive dateparser use from issue 3, and the seed articles' dates."""
import json
from pathlib import Path

import pytest

from service.extraction import extract

# The repository ships the seed articles (identical to ../shared/seeds), so these tests run in any clone.
SEEDS = Path(__file__).resolve().parents[2] / "seeds" / "articles"


def event_dates(text, published):
    """Return (text, value, granularity, modifier) of the mentions that are event dates."""
    return [(m.text, m.value, m.granularity, m.modifier) for m in extract(text, published) if m.is_event_date]


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("Russian Foreign Minister Lavrov ended his visit to India on the 6th.", "2021-04-07",
         [("the 6th", "2021-04-06", "day", None)]),
        ("Only last month, the Russian Foreign Minister had fired a salvo of criticism at India.", "2021-01-19",
         [("last month", "2020-12", "month", None)]),
        ("Last December, Russia and India announced the cancellation of the annual summit.", "2021-04-07",
         [("Last December", "2020-12", "month", None)]),
        ("In October 2018, the two sides signed an agreement on the procurement.", "2021-04-07",
         [("October 2018", "2018-10", "month", None)]),
        ("Under the Countering America's Adversaries Through Sanctions Act of 2017, any nation can be sanctioned.",
         "2021-04-07", []),
        ("It comes amid India and China's military standoff for nearly a year in East Ladakh.", "2021-04-06", []),
        ("Officials said he may visit the region.", "2021-04-07", []),
        ("Meanwhile, at the end of this year, Russian President Vladimir Putin is scheduled to visit India.",
         "2021-04-07", [("the end of this year", "2021", "year", "END")]),
    ],
)
def test_issue_table_expression_resolves_right(text, published, expected):
    assert event_dates(text, published) == expected


def test_scheduled_visit_is_future_tense():
    (mention,) = extract("Meanwhile, at the end of this year, Putin is scheduled to visit India.", "2021-04-07")
    assert (mention.tense, mention.start_date.isoformat(), mention.end_date.isoformat()) == ("future", "2021-01-01", "2021-12-31")


def test_standoff_is_a_duration_not_a_date():
    (mention,) = extract("a military standoff for nearly a year in East Ladakh", "2021-04-06")
    assert (mention.type, mention.value, mention.modifier, mention.start_date) == ("DURATION", "P1Y", "APPROX", None)


def _seed(name):
    manifest = json.loads((SEEDS / "manifest.json").read_text())
    published = next(a["published_at"] for a in manifest["articles"] if a["file"] == name)
    return (SEEDS / name).read_text(encoding="utf-8"), published


# Hand-checked against the articles: every event date each seed states, and nothing else.
SEED_EVENT_DATES = {
    "bilateral-talks-new-delhi.txt": [("Tuesday", "2021-04-06"), ("the end of this year", "2021")],
    "lavrov-close-cooperation.txt": [("last month", "2020-12")],
    "lavrov-military-cooperation.txt": [("April 6", "2021-04-06"), ("2017", "2017")],
    "russia-backs-india-kashmir.txt": [("Tuesday", "2021-04-06"), ("later this year", "2021"),
                                       ("April 6, 2021", "2021-04-06"), ("February", "2021-02"),
                                       ("August 2019", "2019-08")],
    "ycpress-lavrov-signal.txt": [("the 6th", "2021-04-06"), ("the 6th", "2021-04-06"), ("this year", "2021"),
                                  ("March 18", "2021-03-18"), ("Last December", "2020-12"),
                                  ("the end of last year", "2020"), ("2016", "2016"), ("2000", "2000"), ("2013", "2013"),
                                  ("November 16, 2013", "2013-11-16"), ("October 2018", "2018-10")],
}


@pytest.mark.parametrize("name", sorted(SEED_EVENT_DATES))
def test_seed_article_event_dates_are_exactly_the_stated_ones(name):
    text, published = _seed(name)
    assert [(text, value) for text, value, _, _ in event_dates(text, published)] == SEED_EVENT_DATES[name]
