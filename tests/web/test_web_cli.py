"""`timeline ingest` of pages, folders, page and feed URLs; `timeline follow`; `timeline reextract` from kept pages."""
import shutil

from local_site import FIXTURES
from service.models import Article, ArticleHtml, Feed, FeedEntry
from service.web.pages_kept import unpack

ENTRY_PATHS = ["/world/ceasefire-talks-resume-geneva", "/politics/senate-infrastructure-bill"]


def test_ingest_html_file_and_folder(timeline, tmp_path):
    result = timeline("ingest", str(FIXTURES / "pages" / "en-metadata.html"))
    assert result.exit_code == 0, result.output
    assert "1 new" in result.output
    folder = tmp_path / "crawl"
    shutil.copytree(FIXTURES / "pages", folder)
    result = timeline("ingest", str(folder))
    assert result.exit_code == 0, result.output
    assert "10 new, 1 already stored, 0 failed" in result.output
    article = Article.get(Article.title == "Senate passes infrastructure bill after marathon session")
    assert (article.published_at, article.published_at_source) == ("2023-06-14", "dateline")
    assert Article.get(Article.source == "Le Quotidien du Rhône").language == "fr"
    # The page is kept, compressed, as it was read.
    kept = ArticleHtml.get(ArticleHtml.article == article.id)
    assert unpack(kept.html) == (FIXTURES / "pages" / "en-dateline-only.html").read_text()
    assert len(kept.html) < len(unpack(kept.html))


def test_ingest_bad_html_file_is_reported_and_others_stored(timeline, tmp_path):
    (tmp_path / "image.html").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00binary")
    (tmp_path / "menu.html").write_text("<html><body><nav><a href='/'>Home</a></nav></body></html>")
    shutil.copy(FIXTURES / "pages" / "fr-metadata.html", tmp_path / "ok.html")
    result = timeline("ingest", str(tmp_path))
    assert result.exit_code == 1
    assert "1 new, 0 already stored, 2 failed" in result.output
    assert "image.html: binary content" in result.output and "menu.html: no article text" in result.output


def test_ingest_page_url(timeline, site):
    result = timeline("ingest", site.url("/economia/2023/01/10/salario-minimo.html"))
    assert result.exit_code == 0, result.output
    article = Article.get()
    assert article.title == "El Gobierno aprueba la subida del salario mínimo"
    assert (article.published_at, article.published_at_source, article.language) == ("2023-01-10", "url", "es")
    assert "aprobó" in article.body  # ISO-8859-1 labelled UTF-8, read right


def test_ingest_feed_url_stores_each_entry_with_its_date(timeline, site):
    result = timeline("ingest", site.url("/feeds/news.rss"))
    assert result.exit_code == 0, result.output
    assert "2 new" in result.output
    dates = {a.title: (a.published_at, a.published_at_source) for a in Article.select()}
    assert dates == {
        "Ceasefire talks resume in Geneva after month-long pause": ("2024-03-19", "page"),
        "Senate passes infrastructure bill after marathon session": ("2023-06-14", "feed"),
    }


def test_ingest_bad_urls_each_get_an_error(timeline, site):
    urls = [site.url(path) for path in ("/status/404", "/redirect/loop-a", "/binary", "/plain", "/feeds/broken.rss")]
    result = timeline("ingest", *urls, site.url("/koeln/hochwasser-pegel"))
    assert result.exit_code == 1
    assert "1 new, 0 already stored, 5 failed" in result.output
    for fragment in ("answered 404", "redirect loop", "not HTML (image/png)", "not HTML", "broken feed XML"):
        assert fragment in result.output


def test_follow_once_stores_new_entries_only_and_resumes_from_the_database(timeline, site):
    feed_url = site.url("/feeds/news.rss")
    first = timeline("follow", "--once", feed_url)
    assert first.exit_code == 0, first.output
    assert f"{feed_url}: ok, 2 articles" in first.output
    fetched = [p for p in site.paths() if p in ENTRY_PATHS]
    feed = Feed.get(Feed.url == feed_url)
    assert feed.etag and FeedEntry.select().count() == 2
    # Run again (a restart): the feed answers 304 to the stored ETag and no entry is fetched again.
    again = timeline("follow", "--once", feed_url)
    assert again.exit_code == 0, again.output
    assert f"{feed_url}: not modified, 2 articles" in again.output
    assert [p for p in site.paths() if p in ENTRY_PATHS] == fetched
    # The feed changes (new ETag) but lists the same entries: still none fetched twice.
    site.feed_version += 1
    third = timeline("follow", "--once", feed_url)
    assert f"{feed_url}: ok, 2 articles" in third.output
    assert [p for p in site.paths() if p in ENTRY_PATHS] == fetched
    assert Article.select().count() == 2


def test_follow_keeps_going_past_a_broken_feed(timeline, site):
    result = timeline("follow", "--once", site.url("/feeds/broken.rss"), site.url("/feeds/news.atom"))
    assert result.exit_code == 1
    broken, atom = Feed.select().order_by(Feed.id)
    assert broken.status == "error" and "broken feed XML" in broken.error
    # The other feed is still read, both its entries (French and German pages) stored.
    assert atom.status == "ok" and atom.error is None
    assert FeedEntry.select().where(FeedEntry.feed == atom.id, FeedEntry.status == "stored").count() == 2


def test_reextract_reads_kept_pages_again(timeline, app):
    assert timeline("ingest", str(FIXTURES / "pages" / "en-conflict.html")).exit_code == 0
    article = Article.get()
    # As if stored by older rules: a wrong date and text with page furniture.
    Article.update(published_at="2022-01-01", published_at_source="page", body=article.body + "\n\nSubscribe now",
                   date_conflict=None).execute()
    result = timeline("reextract")
    assert result.exit_code == 0, result.output
    assert "1 pages read again: 1 articles changed" in result.output
    again = Article.get()
    assert (again.published_at, again.body, again.date_conflict) == ("2022-11-20", article.body, article.date_conflict)
