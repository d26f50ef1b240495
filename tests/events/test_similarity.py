"""When two reports are one happening: nested dates, shared people, similar words; conflicting dates never."""
from datetime import date

import pytest

from service.drafting.kinds import kind_of
from service.drafting.similarity import Report, fingerprint, keywords, same_happening


def report(start, end=None, persons=(), countries=(), topics=(), title=""):
    return Report(date.fromisoformat(start), date.fromisoformat(end or start), frozenset(persons),
                  frozenset(countries), frozenset(topics), keywords(title), kind_of(title))


TALKS = report("2021-04-06", persons={"sergei-lavrov", "s-jaishankar"}, countries={"india", "russia"},
               topics={"space"}, title="Bilateral talks were held between the Indian and Russian Foreign Minister")


@pytest.mark.parametrize("other", [
    report("2021-04-06", persons={"sergei-lavrov", "s-jaishankar"}, title="Meeting between Lavrov and his counterpart"),
    report("2021-04-06", persons={"s-jaishankar"}, title="Warm, comprehensive and productive talks with Russian FM"),
    report("2021-04-06", persons={"sergei-lavrov"}, countries={"india", "russia"},
           title="Lavrov said that Delhi and Moscow have decided to strengthen ties"),
    report("2021-04-01", "2021-04-30", persons={"sergei-lavrov", "s-jaishankar"}, countries={"india", "russia"},
           topics={"space"}, title="Lavrov and Jaishankar held talks"),
])
def test_reports_of_the_same_happening_merge(other):
    assert same_happening(TALKS, [other]) is not None
    assert same_happening(other, [TALKS]) is not None


@pytest.mark.parametrize("other", [
    report("2021-04-07", persons={"sergei-lavrov", "s-jaishankar"}, title="Bilateral talks between the ministers"),
    report("2021-03-01", "2021-03-31", persons={"sergei-lavrov", "s-jaishankar"}, title="Talks"),
    report("2021-04-06", persons={"lloyd-austin"}, countries={"india"}, title="Austin held talks in Delhi"),
    report("2021-04-01", "2021-04-30", countries={"india"}, title="India reported vaccine exports"),
    report("2021-04-06", title="Markets closed higher"),
    report("2021-04-06", persons={"sergei-lavrov"}, countries={"china"}, title="Lavrov visited Beijing"),
    report("2021-04-01", "2021-04-30", persons={"sergei-lavrov"}, countries={"russia"}, title="Lavrov gave interviews"),
    report("2021-04-01", "2021-04-30", persons={"sergei-lavrov", "wang-yi"}, title="Lavrov held talks with Wang Yi"),
])
def test_different_or_conflicting_happenings_do_not_merge(other):
    assert same_happening(TALKS, [other]) is None
    assert same_happening(other, [TALKS]) is None


def test_fingerprints_depend_on_date_and_people_not_on_wording():
    class Person:
        def __init__(self, slug, kind="person"):
            self.slug, self.kind = slug, kind

    people = [Person("sergei-lavrov"), Person("s-jaishankar"), Person("india", "country")]
    first = fingerprint("2021-04-06", date(2021, 4, 6), people, keywords("Talks were held"))
    assert first == fingerprint("2021-04-06", date(2021, 4, 6), people[::-1], keywords("Ministers met"))
    assert first != fingerprint("2021-04-07", date(2021, 4, 7), people, keywords("Talks were held"))


def test_an_event_does_not_snowball_through_the_people_of_its_reports():
    lavrov_in_china = report("2021-04-06", persons={"sergei-lavrov", "wang-yi"}, countries={"china", "russia"},
                             title="Lavrov and Wang Yi held talks")
    event = [TALKS, lavrov_in_china]
    jaishankar_and_wang = report("2021-04-06", persons={"s-jaishankar", "wang-yi"}, countries={"india", "china"},
                                 title="Jaishankar met Wang Yi")
    assert same_happening(jaishankar_and_wang, event) is None
