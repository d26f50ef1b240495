"""Fixtures for event tests: Mention records built by hand, so pure tests do not depend on the extractor."""
from datetime import date

import pytest

from service.extraction import Mention, sentences


def make_mention(text, expression, value, start, end, granularity="day", tense="past", occurrence=0, type="DATE",
            modifier=None, confidence=0.9):
    """Return the Mention of the occurrence-th `expression` in text."""
    at = -1
    for _ in range(occurrence + 1):
        at = text.index(expression, at + 1)
    sentence = next(s for s in sentences(text) if s[0] <= at < s[1])
    return Mention(expression, at, at + len(expression), type, value, granularity, modifier,
                   date.fromisoformat(start) if start else None, date.fromisoformat(end) if end else None,
                   confidence, None, tense, *sentence)


@pytest.fixture
def mention():
    """Return the hand-built Mention factory."""
    return make_mention
