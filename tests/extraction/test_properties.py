"""Properties that hold for any input text: no crash, offsets on the text, valid TIMEX3 values."""
import re
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from service.extraction import extract, sentences
from service.extraction.find import find, rules
from service.extraction.resolvers import RESOLVERS, Context
from service.extraction.rule_index import expand
from service.extraction.timex import is_value

# Date-ish words mixed into arbitrary text make the rules fire far more often than pure noise would.
WORDS = st.sampled_from([
    "May", "may", "March", "on", "the", "6th", "Tuesday", "last", "next", "year", "month", "week", "ago",
    "2021", "1990s", "'80s", "early", "mid-", "end of", "Q3", "third quarter", "10:30", "p.m.", "a.m.",
    "yesterday", "tomorrow", "nearly", "a", "two", "days", "every", "Act of", "2017", "6/4/2021", "31",
    "April", "Feb.", "29", "spring", "the 1990s", "nineteen", "ninety-six", ",", ".", "\n", " ",
    "would", "would have", "said", "told", "week 15 of", "Independence Day", "Republic Day",
])
# Country hints as callers give them: a code, codes most likely first (unknown ones too), or a callable.
COUNTRIES = st.one_of(st.none(), st.sampled_from(["IN", "us", "ZZ", ""]),
                      st.lists(st.sampled_from(["IN", "TR", "RU", "ZZ", "us"]), max_size=3).map(tuple),
                      st.lists(st.sampled_from(["IN", "TR", "ZZ"]), max_size=2).map(lambda codes: lambda: codes))
TEXTS = st.one_of(st.text(), st.lists(st.one_of(WORDS, st.text(max_size=3)), max_size=40).map(" ".join))
PUBLISHED = st.one_of(st.none(), st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31)))


@settings(max_examples=30, deadline=None)
@given(TEXTS, PUBLISHED, COUNTRIES)
def test_any_text_yields_well_formed_mentions(text, published, country):
    mentions = extract(text, published, country)
    assert mentions == sorted(mentions, key=lambda m: m.start)
    for mention in mentions:
        assert 0 <= mention.start < mention.end <= len(text)
        assert mention.text == text[mention.start:mention.end]
        assert mention.sentence_start <= mention.start and mention.end <= mention.sentence_end
        assert mention.value is None or is_value(mention.value)
        assert mention.type in ("DATE", "TIME", "DURATION", "SET")
        assert 0.0 <= mention.confidence <= 1.0
        if mention.start_date is not None:
            assert mention.type in ("DATE", "TIME") and mention.start_date <= mention.end_date


@settings(max_examples=30, deadline=None)
@given(TEXTS)
def test_sentences_are_ordered_trimmed_spans(text):
    previous_end = 0
    for start, end in sentences(text):
        assert previous_end <= start < end <= len(text)
        assert text[start:end] == text[start:end].strip()
        previous_end = end


# What the last date told may be when a resolver runs: one of each granularity, or none.
REFERENCES = st.sampled_from([None, ("2021-04-06", "day"), ("2021-04", "month"), ("2021-Q3", "quarter"),
                              ("2021", "year"), ("199", "decade"), ("2021-W14", "week"), ("2021-SU", "season"),
                              ("2021-04-06T10:30", "time"), ("BC0480", "year")])
CONTEXTS = st.builds(Context, PUBLISHED, st.sampled_from([None, "past", "present", "future"]), REFERENCES,
                     st.sampled_from([None, "past", "present", "future"]),
                     # a narrative year anywhere on the calendar, in a history or not, looking back or not
                     narrative_year=st.one_of(st.none(), st.integers(1, 9999)), looks_back=st.booleans(),
                     history=st.booleans())


def phrases(rule):
    """Return text holding a phrase the rule matches, amid arbitrary text (hypothesis writes both)."""
    return st.from_regex(re.compile(expand(rule.source), re.I))


@pytest.mark.parametrize("rule", rules(), ids=lambda rule: rule.name)
@settings(max_examples=30, deadline=None)
@given(data=st.data())
def test_every_rule_phrase_in_any_text_resolves_without_error(rule, data):
    text = data.draw(phrases(rule), label="text")
    # The resolvers are called directly: the pipeline forgives a failing resolver, a test must not.
    for candidate in find(text):
        resolved = RESOLVERS[candidate.rule.resolver](candidate.groups, data.draw(CONTEXTS, label="context"))
        assert resolved is None or resolved.value is None or is_value(resolved.value), (candidate, resolved)
    for mention in extract(text, data.draw(PUBLISHED, label="published")):
        assert mention.text == text[mention.start:mention.end]
