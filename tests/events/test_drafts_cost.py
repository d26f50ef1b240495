"""Drafting grows linearly with a sentence's size: a sentence of thousands of dates costs each date the same."""
import gc
import time
from datetime import date, timedelta

import pytest

from service.entities import default_registry, default_taxonomy
from service.drafting.drafts import QUOTE_CHARS, build_drafts
from service.extraction import Mention

CLAUSE = "on {day} Lavrov and Jaishankar held talks on space and nuclear energy in Delhi, "
# Each date after an act cue, still to come: every one is drafted as a future happening of its own.
FUTURE_CLAUSE = "the two sides agreed to hold talks on space on {day}, "


def long_sentence(count, clause=CLAUSE, first=date(2000, 1, 1)):
    """Return one sentence of count dated clauses and its mentions, built by hand (the extractor is not timed)."""
    parts, spans = [], []
    offset = 0
    for i in range(count):
        day = first + timedelta(days=i)
        words = f"{day.day} {day:%B} {day.year}"
        written = clause.format(day=words)
        at = offset + written.index(words)
        spans.append((at, at + len(words), day))
        parts.append(written)
        offset += len(written)
    text = "".join(parts).rstrip(", ") + "."
    mentions = [Mention(text[s:e], s, e, "DATE", day.isoformat(), "day", None, day, day, 0.9, None, "past", 0, len(text))
                for s, e, day in spans]
    return text, mentions


def costs(counts, repeats=5, **sentence):
    """Return the least CPU time of drafting a sentence of each count of dates, the runs taken in turn so that a
    shared machine's busy moments fall on every size alike, and the drafts of the last."""
    built = [long_sentence(count, **sentence) for count in counts]
    best = [float("inf")] * len(counts)
    # Whether a full garbage collection (a scan of every object of the test process) falls inside a run depends
    # on the tests before it, not on drafting.
    gc.collect()
    gc.disable()
    try:
        for _ in range(repeats):
            for i, (text, mentions) in enumerate(built):
                started = time.process_time()
                drafts = build_drafts(text, "2021-04-07", mentions, default_registry(), default_taxonomy())
                best[i] = min(best[i], time.process_time() - started)
                assert len(drafts) == counts[i]
    finally:
        gc.enable()
    return best, drafts


@pytest.mark.parametrize("sentence", [{}, {"clause": FUTURE_CLAUSE, "first": date(2030, 1, 1)}],
                         ids=["past talks", "future talks agreed"])
def test_drafting_a_long_sentence_of_dates_grows_linearly(sentence):
    costs([20], repeats=1, **sentence)  # warm the caches of titles, keywords and kinds
    (small, large), drafts = costs([60, 480], **sentence)
    assert large <= 10 * small, (small, large)
    # Every quote is the words around its date, not the whole 60 KB sentence.
    assert max(len(d.quote) for d in drafts) <= QUOTE_CHARS
    assert all(d.quote_start <= d.expression_start and d.expression_end <= d.quote_end for d in drafts)
