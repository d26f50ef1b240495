"""The countries an article is about: most named first, people counting for the country they serve, then the
country-code domain it was published on."""
import pytest

from service.drafting.about import article_countries
from service.entities import default_registry


@pytest.mark.parametrize(("text", "url", "expected"), [
    # Jaishankar (India) twice and Modi (India) outweigh Lavrov (Russia) and Moscow.
    ("Jaishankar met Lavrov in Moscow. Jaishankar later spoke to Modi.", "https://www.bbc.co.uk/x", ("IN", "RU", "GB")),
    ("Flags flew.", "https://news.example.in/flags", ("IN",)),
    ("Flags flew.", "https://example.com/flags", ()),
    ("Flags flew.", "http://[broken", ()),
    ("Flags flew.", None, ()),
])
def test_article_countries_rank_what_the_text_names_then_where_it_was_published(text, url, expected):
    assert article_countries(text, "2021-04-07", url, default_registry()) == expected
