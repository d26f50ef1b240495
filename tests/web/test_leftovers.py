"""Page furniture the main-text extractor keeps with an article is dropped; the article's own paragraphs never."""
import pytest

from local_site import FIXTURES
from service.web.charset import decode
from service.web.leftovers import drop_leftovers
from service.web.page import read_page

LEAD = "The ferry service between the harbour and the outer islands resumed on Tuesday after three weeks."
LAST = "The port authority said the southern pier would be rebuilt in stone over the summer."


def test_a_page_keeps_its_paragraphs_without_teasers_calls_to_action_or_other_stories():
    body = read_page(decode((FIXTURES / "pages" / "en-leftovers.html").read_bytes())[0]).body
    paragraphs = body.split("\n\n")
    assert len(paragraphs) == 4
    assert paragraphs[0].startswith("The ferry service between the harbour")
    assert paragraphs[2].startswith("Islanders had relied on a fishing boat")
    assert paragraphs[3].endswith("would not close the crossing again.")


@pytest.mark.parametrize("before, after", [
    (["ÖncekiSonraki"], []),  # a gallery's pager, its labels run together (tr)
    (["« Previous | Home | Next »"], []),
    (["Bron: 112 Den Haag"], []),  # a source label (nl)
], ids=["pager-tr", "pager-en", "source-nl"])
def test_labels_before_the_article_are_dropped(before, after):
    assert drop_leftovers(before + [LEAD, LAST]) == after + [LEAD, LAST]


@pytest.mark.parametrize("after", [
    ["CLIQUE AQUI PARA LOGAR"],  # log in (pt)
    ["Want to get notified whenever we write about City of Gideon ?",
     "Sign-up Next time we write about City of Gideon, we'll email you a link to the story."],
    ["1 / 22"],  # a gallery's counter
    ["• • •"],
    ["« 【サマーセール2020(Summer S... | トップ |"],  # a blog's pager (ja)
], ids=["login-pt", "notify-en", "counter", "separator", "pager-ja"])
def test_calls_to_action_and_pagers_after_the_article_are_dropped(after):
    assert drop_leftovers([LEAD, LAST] + after) == [LEAD, LAST]


@pytest.mark.parametrize("heading", ["Alte ştiri de Unica.md", "最新の画像［もっと見る］", "More news"])
def test_a_heading_of_other_stories_ends_the_article(heading):
    teasers = ["Council approves budget for new island clinic.", "Lighthouse keeper retires after thirty years."]
    assert drop_leftovers([LEAD, LAST, heading] + teasers) == [LEAD, LAST]


def test_teasers_of_other_stories_inside_the_article_are_dropped():
    blocks = [LEAD, "ALSO READ | Island school reopens", "Читайте также: Суд отправил за решетку «минера»", LAST]
    assert drop_leftovers(blocks) == [LEAD, LAST]


@pytest.mark.parametrize("block", [
    "Subscribers to the ferry pass will be refunded for the weeks the crossing was closed, the council said.",
    "More information is available online.",
    "Source of the damage, engineers said, was the storm surge.",
    "15.12.2020 – 14:49",  # a dateline is the date reader's
    "Next week the council will vote on the budget for the new pier.",
    "Sign-up for the ferry pass opens on Monday at the harbour office, and islanders who lost their jobs during "
    "the closure will travel free until the summer, according to the council's plan approved on Tuesday night "
    "after a debate of several hours.",
])
def test_article_sentences_that_share_the_words_of_furniture_are_kept(block):
    assert drop_leftovers([LEAD, block, LAST, block]) == [LEAD, block, LAST, block]
    assert drop_leftovers([block, LEAD]) == [block, LEAD]
