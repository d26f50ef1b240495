"""Any text, however odd, gives drafts whose offsets point into it (ingest must never fail on content)."""
from hypothesis import given, settings
from hypothesis import strategies as st

from service.entities import default_registry, default_taxonomy
from service.drafting.drafts import build_drafts
from service.extraction import extract

PIECES = st.sampled_from([
    "Lavrov", "met", "his Indian counterpart", "on Tuesday", "April 6, 2021", "— Dr. S. Jaishankar (@DrSJaishankar)",
    "the Russian Foreign Minister", "\n", "\n\n", ", ", ". ", "Act of 2017", "last month", "S-400", "Home Politics",
    "Leave a Reply", "U.S.", "’s", "“", "EAM", "PM", "2016", "Moscow", "in", "the 6th", "(", ")", "—",
])


@settings(max_examples=100, deadline=None)
@given(st.lists(st.one_of(PIECES, st.text(max_size=12)), max_size=40), st.sampled_from(["2021-04-07", None]))
def test_drafts_of_any_text_quote_it_faithfully(parts, published):
    text = " ".join(parts)
    for draft in build_drafts(text, published, extract(text, published), default_registry(), default_taxonomy()):
        assert text[draft.quote_start:draft.quote_end] == draft.quote
        assert text[draft.expression_start:draft.expression_end] == draft.expression
        assert draft.start_date <= draft.end_date and draft.status in ("past", "scheduled")
        assert draft.title and draft.title.strip() == draft.title
