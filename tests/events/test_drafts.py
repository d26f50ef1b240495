"""Event drafts from date mentions: which mentions date a happening, titles, status, actors and topics."""
import pytest

from service.entities import default_registry, default_taxonomy
from service.drafting.drafts import build_drafts


def drafts(text, mentions, published="2021-04-07"):
    return build_drafts(text, published, mentions, default_registry(), default_taxonomy())


def test_a_dated_sentence_becomes_an_event_with_its_clause_actors_and_topics(mention):
    text = ("New Delhi: – Bilateral talks were held between the Indian and Russian Foreign Minister on Tuesday. "
            "The talks were regarding the cooperation in the nuclear, space and defence sectors.")
    [draft] = drafts(text, [mention(text, "Tuesday", "2021-04-06", "2021-04-06", "2021-04-06")])
    assert draft.title == "Bilateral talks were held between the Indian and Russian Foreign Minister"
    assert (draft.value, draft.status, draft.expression) == ("2021-04-06", "past", "Tuesday")
    assert text[draft.quote_start:draft.quote_end] == draft.quote
    assert text[draft.expression_start:draft.expression_end] == "Tuesday"
    assert {"sergei-lavrov", "s-jaishankar", "india", "russia"} <= set(draft.actor_slugs)
    assert {"nuclear-energy", "space", "military-technical-cooperation"} <= set(draft.topics)


@pytest.mark.parametrize("sentence, expression, title", [
    ("Meanwhile, at the end of this year, Russian President Vladimir Putin is scheduled to visit India.",
     "at the end of this year", "Russian President Vladimir Putin is scheduled to visit India"),
    ("Russian Foreign Minister Sergei Lavrov, who is on a two-day visit to India, on April 6 said that Delhi and Moscow "
     "have decided to strengthen ties on the military front.", "April 6",
     "Russian Foreign Minister Sergei Lavrov said that Delhi and Moscow have decided to strengthen ties"),
    ("Home Politics Lavrov ended his visit to India on the 6th.", "the 6th", "Lavrov ended his visit to India"),
    ("New Delhi had in August 2019 abrogated Article 370.", "August 2019", "New Delhi had abrogated Article 370"),
])
def test_titles_drop_the_date_openers_relative_clauses_and_page_furniture(mention, sentence, expression, title):
    [draft] = drafts(sentence, [mention(sentence, expression, "2021", "2021-01-01", "2021-12-31", "year")])
    assert draft.title == title


def test_long_titles_are_cut_at_a_word(mention):
    sentence = "On May 1 the ministers " + "discussed many other pressing matters of state " * 6 + "at length."
    [draft] = drafts(sentence, [mention(sentence, "May 1", "2021-05-01", "2021-05-01", "2021-05-01")])
    assert len(draft.title) <= 101 and draft.title.endswith("…") and " " not in draft.title[-2:]


@pytest.mark.parametrize("text, expression, value, start, end, granularity", [
    ("Under the Countering America's Adversaries Through Sanctions Act of 2017, any nation can be sanctioned.",
     "2017", "2017", "2017-01-01", "2017-12-31", "year"),
    ("The former administration had denied India a waiver from a 2017 US law aimed at deterring nations.",
     "2017", "2017", "2017-01-01", "2017-12-31", "year"),
    ("The 2016 Moscow Red Square Victory Day Parade shows the S-400 system.", "2016", "2016", "2016-01-01", "2016-12-31", "year"),
    ("Published: April 7, 2021", "April 7, 2021", "2021-04-07", "2021-04-07", "2021-04-07", "day"),
    ("Your email address will not be published. Updated April 7, 2021", "April 7, 2021", "2021-04-07", "2021-04-07", "2021-04-07", "day"),
])
def test_dates_inside_names_bylines_and_boilerplate_make_no_event(mention, text, expression, value, start, end, granularity):
    assert drafts(text, [mention(text, expression, value, start, end, granularity)]) == []


def test_durations_and_vague_references_make_no_event(mention):
    text = "The standoff lasted nearly a year, and ties are now strong."
    found = [mention(text, "nearly a year", "P1Y", None, None, None, type="DURATION"),
             mention(text, "now", "PRESENT_REF", "2021-04-07", "2021-04-07", "day")]
    assert drafts(text, found) == []


def test_a_quoted_post_is_dated_by_its_signature_and_titled_by_its_text(mention):
    text = ("Despite threats of US sanctions, India is going ahead with its S-400 deal with its old friend Russia, "
            "according to reports from officials who asked not to be named because the talks were private.\n"
            "Warm, comprehensive and productive talks with Russian FM Sergey Lavrov.\n"
            "Discussed preparations for the Annual Summit later this year. pic.twitter.com/oFHUrxbtng\n"
            "— Dr. S. Jaishankar (@DrSJaishankar) April 6, 2021\n"
            "The US feels threatened by the S-400 missile.")
    [draft] = drafts(text, [mention(text, "April 6, 2021", "2021-04-06", "2021-04-06", "2021-04-06")])
    assert draft.title == "Warm, comprehensive and productive talks with Russian FM Sergey Lavrov"
    assert draft.quote.startswith("Warm, comprehensive") and draft.quote.endswith("April 6, 2021")
    assert {"s-jaishankar", "sergei-lavrov"} <= set(draft.actor_slugs)
    assert draft.status == "past"


@pytest.mark.parametrize("sentence, expression, value, start, end, tense, status", [
    ("Putin is scheduled to visit India at the end of this year.", "the end of this year", "2021", "2021-01-01",
     "2021-12-31", "present", "scheduled"),
    ("Putin's visit to India this year is in preparation.", "this year", "2021", "2021-01-01", "2021-12-31", None, "past"),
    ("They will meet on May 3.", "May 3", "2021-05-03", "2021-05-03", "2021-05-03", "future", "scheduled"),
    ("They met on April 6.", "April 6", "2021-04-06", "2021-04-06", "2021-04-06", "past", "past"),
    ("The summit will be held later this year.", "later this year", "2021", "2021-01-01", "2021-12-31", None, "scheduled"),
    ("The summit was planned for December 2020.", "December 2020", "2020-12", "2020-12-01", "2020-12-31", "future", "past"),
])
def test_status_is_scheduled_for_happenings_after_publication_or_announced_as_coming(
        mention, sentence, expression, value, start, end, tense, status):
    found = mention(sentence, expression, value, start, end, "year" if len(value) == 4 else "day", tense=tense)
    [draft] = drafts(sentence, [found])
    assert draft.status == status


def test_a_date_inside_a_quoted_post_names_the_post_author(mention):
    text = ("Warm, comprehensive and productive talks with Russian FM Sergey Lavrov.\n"
            "Lavrov and I signed an agreement on Monday. pic.twitter.com/oFHUrxbtng\n"
            "— Dr. S. Jaishankar (@DrSJaishankar) April 6, 2021")
    signing = mention(text, "Monday", "2021-04-05", "2021-04-05", "2021-04-05", "day", tense="past")
    [draft] = drafts(text, [signing])
    assert draft.title == "Lavrov and I signed an agreement"
    assert {"s-jaishankar", "sergei-lavrov"} <= set(draft.actor_slugs)
    assert draft.status == "past"


def test_a_post_discussing_a_future_happening_dates_that_happening_not_the_post(mention):
    text = ("Warm, comprehensive and productive talks with Russian FM Sergey Lavrov.\n"
            "Discussed preparations for the Annual Summit later this year. pic.twitter.com/oFHUrxbtng\n"
            "— Dr. S. Jaishankar (@DrSJaishankar) April 6, 2021")
    summit = mention(text, "later this year", "2021", "2021-01-01", "2021-12-31", "year", tense="past")
    [draft] = drafts(text, [summit])
    assert draft.title == "The Annual Summit"
    assert draft.status == "scheduled"
    # Who discussed it is not who meets there: the summit's people are the countries of the article.
    assert "s-jaishankar" not in draft.actor_slugs


def test_a_follow_up_sentence_refers_back_to_the_earlier_happening_and_inherits_its_actors(mention):
    text = ("Chile and Norway held talks in Oslo on 3 March 2021. Oil prices rose on 3 March 2021. "
            "The talks were held on 3 March 2021 at the foreign ministry.")
    day = ("2021-03-03", "2021-03-03", "2021-03-03")
    talks, oil, follow_up = drafts(text, [mention(text, "3 March 2021", *day, occurrence=i) for i in range(3)])
    assert follow_up.follows == 0 and set(follow_up.actor_slugs) == {"chile", "norway"}
    assert oil.follows is None and oil.actors == ()  # no description of a happening: refers to nothing


def test_a_description_naming_other_actors_or_dates_refers_back_to_nothing(mention):
    text = ("Chile and Norway held talks in Oslo on 3 March 2021. The talks between Peru and Brazil were held on "
            "3 March 2021. The talks resumed on 9 March 2021.")
    mentions = [mention(text, "3 March 2021", "2021-03-03", "2021-03-03", "2021-03-03", occurrence=i) for i in (0, 1)]
    mentions.append(mention(text, "9 March 2021", "2021-03-09", "2021-03-09", "2021-03-09"))
    _, others, later = drafts(text, mentions, published="2021-03-10")
    assert others.follows is None and {"peru", "brazil"} <= set(others.actor_slugs)
    assert later.follows is None and later.actors == ()
