"""Matching topics in an event's sentence."""
import pytest

from service.entities import default_taxonomy


@pytest.mark.parametrize("text, expected", [
    ("The talks covered the nuclear, space and defence sectors and the situation in Afghanistan and Myanmar.",
     {"nuclear-energy", "space", "military-technical-cooperation", "afghanistan", "myanmar"}),
    ("The US warned India not to buy Russia's S-400s air defense system.", {"s-400"}),
    ("Under CAATSA any nation can be sanctioned.", {"sanctions"}),
    ("New Delhi had abrogated Article 370 in Jammu and Kashmir.", {"kashmir"}),
    ("Troops disengaged along the Line of Actual Control in Ladakh.", {"ladakh-lac"}),
    ("Preparations for the Annual Summit.", {"india-russia-summit"}),
    ("Putin’s visit to India this year.", {"india-russia-summit", "diplomacy"}),
    ("Lavrov held talks with his Indian counterpart.", {"diplomacy"}),
    ("India's rotating presidency of the BRICS mechanism and vaccine production.", {"brics", "vaccines"}),
    ("Manufacturing under the ‘Make in India’ scheme.", {"military-technical-cooperation"}),
    ("The Quad met on the Indo-Pacific.", {"quad"}),
    ("They built nuclear submarines.", set()),
])
def test_topics_match_their_keywords_and_patterns(text, expected):
    assert set(default_taxonomy().match(text)) == expected


@pytest.mark.parametrize("text, expected", [
    ("NUCLEAR ENERGY and the ARMS-DEAL.", {"nuclear-energy", "defence"}),
    # Letters case-insensitive matching equates with i and s although str.lower() does not.
    ("Talks on Kashmİr and new ſanctions.", {"kashmir", "sanctions"}),
])
def test_topics_match_in_any_case(text, expected):
    # The substring test that skips absent topics must never skip one the keyword regex would find.
    assert set(default_taxonomy().match(text)) == expected
