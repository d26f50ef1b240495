"""Finding actors in text: aliases, normalised names, misspellings, offices and counterparts."""
from datetime import date

import pytest

from service.entities import default_registry, find_actors

APRIL_2021 = date(2021, 4, 7)


def slugs(text, day=APRIL_2021, kind=None):
    hits = find_actors(text, default_registry(), lambda offset: day)
    return {h.actor.slug for h in hits if kind is None or h.actor.kind == kind}


def how(text, slug, day=APRIL_2021):
    return {h.how for h in find_actors(text, default_registry(), lambda offset: day) if h.actor.slug == slug}


@pytest.mark.parametrize("text, slug, way", [
    ("Lavrov said the talks went well.", "sergei-lavrov", "exact"),
    ("Lavrov held a meeting with Indian Foreign Minister Su Jiesheng on the 6th.", "s-jaishankar", "exact"),
    ("— Dr. S. Jaishankar (@DrSJaishankar) April 6, 2021", "s-jaishankar", "exact"),
    ("Warm talks with Russian FM Sergey Lavrov.", "sergei-lavrov", "exact"),
    ("Sergei Lavrow arrived.", "sergei-lavrov", "fuzzy"),
    ("EAM S Jaishankar spoke first.", "s-jaishankar", "normalised"),
    ("Indian Foreign Minister S. Jaishankar replied.", "s-jaishankar", "exact"),
    ("SERGEI LAVROV arrived.", "sergei-lavrov", "normalised"),
    ("Nikolai Kudashev said so.", "nikolay-kudashev", "exact"),
    ("Lavrov said that he along with EAM S Jaishnakar didn't discuss it.", "s-jaishankar", "fuzzy"),
])
def test_names_resolve_by_alias_normal_form_or_fuzzy_match(text, slug, way):
    assert way in how(text, slug)


@pytest.mark.parametrize("text, day, expected", [
    ("Bilateral talks were held between the Indian and Russian Foreign Minister on Tuesday.", APRIL_2021,
     {"s-jaishankar", "sergei-lavrov"}),
    ("The meeting between Russian Foreign Minister Sergei Lavrov and his Indian counterpart on Tuesday.", APRIL_2021,
     {"s-jaishankar", "sergei-lavrov"}),
    ("Only last month, the Russian Foreign Minister had fired a salvo of criticism.", date(2020, 12, 1), {"sergei-lavrov"}),
    ("the Russian Ambassador to India informed that the unit would go.", date(2021, 1, 19), {"nikolay-kudashev"}),
    ("Indian Foreign Ministry spokesman Srivastava responded.", APRIL_2021, {"anurag-srivastava"}),
    ("U.S. Defense Secretary Austin visited India.", APRIL_2021, {"lloyd-austin"}),
    ("US Secretary of Defence Lloyd Austin raised the issue.", APRIL_2021, {"lloyd-austin"}),
    ("The Indian Prime Minister had said so.", APRIL_2021, {"narendra-modi"}),
    ("The Indian Prime Minister had said so.", date(2010, 5, 1), {"manmohan-singh"}),
    ("Putin met with Indian Prime Minister Singh.", date(2013, 6, 1), {"vladimir-putin", "manmohan-singh"}),
    ("The US President spoke.", date(2019, 6, 1), {"donald-trump"}),
    ("The US President spoke.", APRIL_2021, {"joe-biden"}),
])
def test_offices_resolve_to_their_holder_on_the_date(text, day, expected):
    assert slugs(text, day, kind="person") == expected


def test_an_unknown_name_after_an_office_becomes_a_new_actor():
    hits = find_actors("Chinese Foreign Minister Qin Gang said.", default_registry(), lambda o: date(2023, 3, 1))
    found = {h.actor.slug: h for h in hits}
    assert found["qin-gang"].how == "discovered"
    assert found["qin-gang"].actor.roles[0].title == "Foreign Minister"
    assert found["qin-gang"].actor.roles[0].of == "CN"


@pytest.mark.parametrize("text, expected", [
    ("Delhi and Moscow have decided to strengthen ties.", {"india", "russia"}),
    ("Islamabad has deferred its decision; Beijing and Washington said nothing.", {"pakistan", "china", "united-states"}),
    ("The conference held in Moscow on March 18 triggered a disturbance.", set()),
    ("Russian and Indian officials met.", {"russia", "india"}),
])
def test_countries_come_from_names_demonyms_and_capitals_as_governments(text, expected):
    assert slugs(text, kind="country") == expected


def test_ordinary_capitalised_words_are_not_people():
    assert slugs("However, Home Politics and Leave a Reply appear on Tuesday.", kind="person") == set()
