"""Reading pages: the article's paragraphs without the page around them, its metadata and its date."""
import pytest

import heavy_pages
from local_site import FIXTURES
from service.web.charset import decode
from service.web.dates import DateReading, choose_date
from service.web.feeds import FeedError, parse_feed
from lxml import html as lxml_html

from service.web.page import PageError, _paragraphs, read_page


def page(name, url=None):
    return read_page(decode((FIXTURES / "pages" / name).read_bytes())[0], url)


# (fixture, url it was found at, title, site, language, published_at, source, first words, last words)
PAGES = [
    ("en-metadata.html", None, "Ceasefire talks resume in Geneva after month-long pause", "The Northern Courier",
     "en", "2024-03-19", "page", "Negotiators from both delegations", "began in November 2023."),
    ("en-dateline-only.html", None, "Senate passes infrastructure bill after marathon session", None,
     None, "2023-06-14", "dateline", "WASHINGTON, June 14, 2023", "a forty-year high last year."),
    ("fr-metadata.html", None, "Grève à la SNCF : le trafic perturbé jusqu’à jeudi", "Le Quotidien du Rhône",
     "fr", "2024-02-06", "page", "Les syndicats de cheminots", "se renseigner avant de partir."),
    ("de-no-charset-cp1252.html", None, "Hochwasser: Pegel in Köln steigt weiter", "Rheinische Rundschau",
     "de", "2021-07-16", "page", "Der Rheinpegel in Köln", "seit Donnerstag eingestellt."),
    ("es-wrong-charset-url-date.html", "https://diario.example.es/economia/2023/01/10/salario-minimo.html",
     "El Gobierno aprueba la subida del salario mínimo", "Diario del Sur", "es", "2023-01-10", "url",
     "El Consejo de Ministros aprobó", "empleo de los jóvenes."),
    ("en-malformed.html", None, "Port strike ends after deal on pay & hours", None, None, None, "none",
     "Dock workers voted on Friday", "cleared within two weeks."),
]


@pytest.mark.parametrize("name, url, title, sitename, language, published, source, first, last", PAGES)
def test_page_reads_article_metadata_and_date(name, url, title, sitename, language, published, source, first, last):
    read = page(name, url)
    reading = choose_date(read)
    assert (read.title, read.sitename, read.language) == (title, sitename, language)
    assert (reading.published_at, reading.source, reading.conflict) == (published, source, None)
    assert read.body.startswith(first) and read.body.endswith(last)


# Text of the page around the article: menus, cookie banners, related lists, comments, footers.
NOT_ARTICLE = ["cookie", "Subscribe", "Related stories", "UN names Swedish diplomat", "Finally some progress",
               "Great reporting", "All rights reserved", "Privacy policy", "Most read", "Fed holds rates",
               "Accueil", "J’accepte", "À lire aussi", "Encore une grève", "Mentions légales", "Startseite",
               "Impressum", "Portada", "Aviso legal", "Harbour Times ©", "Sign in", "Subscribe to our newsletter"]


@pytest.mark.parametrize("name", [row[0] for row in PAGES] + ["en-conflict.html"])
def test_page_keeps_article_paragraphs_only(name):
    body = page(name).body
    assert not [text for text in NOT_ARTICLE if text.lower() in body.lower()]
    paragraphs = body.split("\n\n")
    assert len(paragraphs) >= 3 and all(p.strip() == p and "\n" not in p for p in paragraphs)


def test_every_paragraph_of_the_article_is_kept():
    paragraphs = page("en-metadata.html").body.split("\n\n")
    assert paragraphs == [
        "Negotiators from both delegations returned to Geneva on Tuesday, a month after the previous round of "
        "ceasefire talks collapsed amid accusations of bad faith on both sides.",
        "The United Nations envoy, Maria Lindqvist, told reporters that the first session had been \"businesslike\" "
        "and that the two teams would meet again on Thursday to discuss the exchange of prisoners.",
        "The talks broke down last month when one delegation walked out over the sequencing of a troop withdrawal. "
        "Diplomats said a compromise drafted in early March had since been accepted in principle by both capitals.",
        "A further round is scheduled for 2 April, when foreign ministers are expected to join the negotiators for "
        "the first time since the talks began in November 2023.",
    ]


def test_canonical_link_wins_over_og_url():
    assert page("en-metadata.html").url == "https://news.example.org/world/ceasefire-talks-resume-geneva"


def test_page_date_and_dateline_disagreeing_are_flagged_with_the_reading_used():
    reading = choose_date(page("en-conflict.html"))
    assert (reading.published_at, reading.source) == ("2022-11-20", "page")
    assert reading.conflict.startswith("the page's metadata says 2022-11-20, the dateline in the text says 2022-11-08; used the page's metadata")


def test_a_date_stamp_in_the_pages_code_dates_a_page_whose_markup_names_none():
    # The page's only publication date is in its app's state script (removed before parsing); its first line
    # recalls a 2019 closure, which the dateline would otherwise give. htmldate takes the script's stamp too.
    read = page("en-state-script.html", "https://coastal-ledger.example.com/local/harbour-bridge-reopens")
    reading = choose_date(read)
    assert (reading.published_at, reading.source) == ("2021-09-14", "page")
    assert reading.conflict.startswith("the page's metadata says 2021-09-14, the dateline in the text says 2019-03-03")
    assert read.body.startswith("The harbour bridge reopened") and read.body.endswith("find their way back.")
    assert "window.__APP_STATE__" not in read.body and "Home" not in read.body


def test_a_date_stamp_in_a_comment_dates_a_page_whose_markup_names_none():
    # A blog entry's only publication date is in the RDF its platform leaves in a comment (removed before
    # parsing); its text dates a photo taken at a 2015 sale, which htmldate's search for the original date
    # would otherwise take. htmldate alone takes the comment's stamp too.
    read = page("en-comment-stamp.html", "https://paddock-notes.example.net/entry/yearling-graduates-win")
    assert (choose_date(read).published_at, choose_date(read).source) == ("2020-07-12", "page")
    assert "Twelve horses bought" in read.body and "dc:date" not in read.body and "2020-07-12" not in read.body


def test_markup_a_fallback_extractor_kept_gives_one_paragraph_per_block():
    # When trafilatura falls back (readability, jusText), its body is the page's own markup: paragraphs inside a
    # <div>, headings, lists. Read as one block, "...au Cameroun.</p><p>Décision..." ran together.
    body = lxml_html.fromstring(
        "<div><div class='att-body'>\n<p>Le CHAN n'aura pas lieu au Cameroun.</p><p>Décision prise mardi.</p>"
        "<ul><li>Report</li><li>Huis clos</li></ul></div><h1>Le CHAN reporté</h1>Dernière ligne.</div>")
    assert _paragraphs(body, "Autre titre") == ("Le CHAN n'aura pas lieu au Cameroun.\n\nDécision prise mardi.\n\n"
                                               "Report\nHuis clos\n\nLe CHAN reporté\n\nDernière ligne.")
    # the headline, first, is the title and no paragraph; any depth of nesting is read without recursion
    deep = inner = lxml_html.Element("div")
    for _ in range(5000):  # built, not parsed: libxml2 stops parsing at 256 levels
        inner = lxml_html.etree.SubElement(inner, "div")
    lxml_html.etree.SubElement(inner, "h1").text = "Le CHAN reporté"
    lxml_html.etree.SubElement(inner, "p").text = "Un."
    assert _paragraphs(deep, "Le CHAN reporté") == "Un."


def test_given_date_wins_and_conflict_still_shown():
    assert choose_date(page("en-metadata.html"), "2024-03-20") == DateReading("2024-03-20", "given", None)
    reading = choose_date(page("en-conflict.html"), "2022-11-09")
    assert (reading.published_at, reading.source) == ("2022-11-09", "given")
    assert "used the date given with the article" in reading.conflict


def test_a_day_apart_is_not_a_conflict():
    # Metadata in UTC and a dateline in local time can differ by one day without either being wrong.
    html = (FIXTURES / "pages" / "en-conflict.html").read_text().replace("2022-11-20", "2022-11-09")
    assert choose_date(read_page(html)).conflict is None


@pytest.mark.parametrize("text, message", [
    ("Just plain text, no markup at all.", "not HTML"),
    ('{"body": "a JSON article"}', "not HTML"),
    ('<?xml version="1.0"?><rss version="2.0"><channel></channel></rss>', "not HTML"),
    ("<html><body><nav><a href='/'>Home</a></nav></body></html>", "no article text"),
    ("", "not HTML"),
])
def test_what_is_not_an_article_page_is_refused(text, message):
    with pytest.raises(PageError, match=message):
        read_page(text)


def test_feeds_give_entries_with_the_publishers_own_day():
    rss = parse_feed((FIXTURES / "feeds/news.rss").read_bytes().replace(b"{base}", b"https://n.example"))
    atom = parse_feed((FIXTURES / "feeds/news.atom").read_bytes().replace(b"{base}", b"https://q.example"))
    assert [(e.id, e.url, e.published) for e in rss.entries] == [
        ("courier-2024-0319-geneva", "https://n.example/world/ceasefire-talks-resume-geneva", "2024-03-19"),
        # 23:10 at -04:00 is the 15th in UTC; the newsroom's day is the 14th.
        ("courier-2023-0614-senate", "https://n.example/politics/senate-infrastructure-bill", "2023-06-14"),
    ]
    assert [(e.url, e.published) for e in atom.entries] == [
        ("https://q.example/societe/greve-sncf-trafic-perturbe", "2024-02-06"),
        ("https://q.example/koeln/hochwasser-pegel", "2021-07-16"),
    ]
    assert atom.title == "Le Quotidien du Rhône – Société"


@pytest.mark.parametrize("content", [
    (FIXTURES / "feeds/broken.rss").read_bytes(), b"<html><body>not a feed</body></html>", b"\x00\x01binary",
])
def test_broken_feeds_are_refused(content):
    with pytest.raises(FeedError):
        parse_feed(content)


def test_a_date_in_the_url_the_page_was_found_at_is_read_first():
    # As htmldate does with a URL it is given: before the page's metadata (here 2024-03-19).
    reading = choose_date(page("en-metadata.html", "https://news.example.org/2024/03/18/geneva"))
    assert (reading.published_at, reading.source) == ("2024-03-18", "url")


def test_a_page_language_is_read_as_its_iso_639_1_code_and_an_unknown_one_is_detected():
    from service.web.page import read_page

    french = "<p>Le ministre a rencontré son homologue à Moscou mardi pour parler de la coopération.</p>" * 3
    assert read_page(f'<html lang="eng"><body><article>{"<p>The minister met his counterpart in Moscow.</p>" * 3}</article></body></html>').language == "en"
    assert read_page(f'<html lang="xx"><body><article>{french}</article></body></html>').language is None


# Heavy news pages: over the page limits counted in raw tags, well under them once icons, scripts, styles,
# templates and comments are left out. (builder, title, site, published_at, article paragraphs)
HEAVY = [
    (heavy_pages.mega_menu_page, heavy_pages.TITLE, "The Baltic Herald", heavy_pages.PUBLISHED, heavy_pages.ARTICLE),
    (heavy_pages.sprite_sheet_page, "Flood defences approved for the lower valley", "The Dale Courier", "2024-11-28",
     heavy_pages.FLOOD),
]


@pytest.mark.parametrize("build, title, sitename, published, paragraphs", HEAVY, ids=["mega menu", "sprite sheet"])
def test_a_heavy_news_page_is_read_with_its_article_and_json_ld_date(build, title, sitename, published, paragraphs):
    read = read_page(build())
    assert (read.title, read.sitename, choose_date(read)) == (title, sitename, DateReading(published, "page", None))
    assert read.body.split("\n\n") == paragraphs
