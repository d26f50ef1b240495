"""A lead paragraph set apart in a <div> before the article's <p>s is kept as the article's first paragraph."""
import pytest
from lxml import html as lxml_html

from local_site import FIXTURES
from service.web.charset import decode
from service.web.lead import lead_before
from service.web.page import read_page

FIRST = "The police announced the decision on their website on Tuesday morning."
LEAD = ("City police have finished their investigation and sent to court the case of a man who said last summer "
        "that a bomb had been planted at the central metro station.")


def test_a_lead_div_before_the_paragraphs_is_the_first_paragraph():
    body = read_page(decode((FIXTURES / "pages" / "en-lead-div.html").read_bytes())[0]).body
    paragraphs = body.split("\n\n")
    assert paragraphs[0].startswith("City police have finished their investigation and sent to court")
    assert paragraphs[1] == FIRST
    assert len(paragraphs) == 5 and "4 March 2025" not in body and "all rights reserved" not in body


def tree(before):
    return lxml_html.fromstring(f"<html><body><div>{before}<div><p>{FIRST}</p><p>More text.</p></div></div></body></html>")


def test_a_lead_div_is_found_before_the_block_of_paragraphs():
    assert lead_before(tree(f"<div>{LEAD}</div>"), FIRST, {FIRST}) == LEAD


@pytest.mark.parametrize("before", [
    f'<div class="photo-caption">{LEAD}</div>',  # a caption, named as one
    "<div>By Helen Marsh, Diplomatic Correspondent, 4 March 2025</div>",  # a byline: no sentence
    "<div>Crime</div>",  # a section label
    f"<div>{LEAD}<ul><li>Related</li></ul></div>",  # a container, not a paragraph
    f"<h2>{LEAD}</h2>",  # a heading is the extractor's to keep or leave
])
def test_what_is_not_a_lead_is_not_added(before):
    assert lead_before(tree(before), FIRST, {FIRST}) is None


def test_a_lead_already_kept_is_not_added_twice():
    assert lead_before(tree(f"<div>{LEAD}</div>"), FIRST, {FIRST, LEAD}) is None
