"""Reading article files and storing articles idempotently."""
import json
from datetime import date

import pytest

from service.ingest import ArticleError, ArticleIn, content_hash, parse_published, read_paths, store_article
from service.models import Article, EventSource


@pytest.mark.parametrize(
    "given, expected",
    [
        ("2021-04-07", ("2021-04-07", date(2021, 4, 7), "day")),
        ("2021-04-07T10:30:00+05:30", ("2021-04-07T10:30:00+05:30", date(2021, 4, 7), "minute")),
        ("2021-04-07T10:30:15Z", ("2021-04-07T10:30:15+00:00", date(2021, 4, 7), "second")),
        (None, (None, None, None)),
    ],
)
def test_publication_dates_keep_their_precision(given, expected):
    assert parse_published(given) == expected


@pytest.mark.parametrize("bad", ["yesterday", "2021-13-01", "07/04/2021", "2021-04-07T25:00"])
def test_unparseable_publication_date_is_refused(bad):
    with pytest.raises(ArticleError, match="ISO 8601"):
        parse_published(bad)


def test_content_hash_ignores_whitespace_and_case():
    assert content_hash("Lavrov  met\nJaishankar.") == content_hash("lavrov met jaishankar. ")
    assert content_hash("Lavrov met Jaishankar.") != content_hash("Lavrov met Blinken.")


def test_same_article_twice_is_stored_once(app):
    item = ArticleIn(body="Talks were held on April 6, 2021 in New Delhi.", published_at="2021-04-07")
    first, created = store_article(item)
    again, created_again = store_article(ArticleIn(body=item.body + "  ", published_at="2021-04-07"))
    assert created and not created_again
    assert again.id == first.id
    assert Article.select().count() == 1


def test_same_url_with_new_text_is_the_same_article(app):
    first, _ = store_article(ArticleIn(body="First capture.", url="https://example.org/a"))
    second, created = store_article(ArticleIn(body="Second capture, edited.", url="https://example.org/a"))
    assert not created and second.id == first.id


def test_empty_body_is_refused_and_nothing_stored(app):
    with pytest.raises(ArticleError):
        store_article(ArticleIn(body="   "))
    assert Article.select().count() == 0


def test_failed_event_extraction_leaves_no_half_written_article(app, monkeypatch):
    import service.events as events

    def explode(article, drafted):
        raise RuntimeError("extractor crashed")

    monkeypatch.setattr(events, "attach_events", explode)
    with pytest.raises(RuntimeError):
        store_article(ArticleIn(body="Talks were held on April 6, 2021.", published_at="2021-04-07"))
    assert Article.select().count() == 0
    assert EventSource.select().count() == 0


def test_manifest_folder_reads_metadata(tmp_path):
    (tmp_path / "a.txt").write_text("A headline\n\nBody text of the article.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("A long first paragraph that is the body, not a headline.", encoding="utf-8")
    manifest = {
        "articles": [
            {"file": "a.txt", "published_at": "2021-04-07", "source": "S", "url": "https://x.test/a", "has_headline": True},
            {"file": "b.txt", "published_at": None, "source": "T", "url": None, "has_headline": False},
        ]
    }
    (tmp_path / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    a, b = read_paths([tmp_path])
    assert (a.title, a.published_at, a.source, a.url) == ("A headline", "2021-04-07", "S", "https://x.test/a")
    assert (b.title, b.published_at) == (None, None)


def test_json_and_jsonl_files_accept_lists_and_lines(tmp_path):
    (tmp_path / "one.json").write_text(json.dumps({"title": "T", "body": "B one", "published_at": "2021-01-01"}))
    (tmp_path / "many.json").write_text(json.dumps({"articles": [{"text": "B two"}, {"body": "B three"}]}))
    (tmp_path / "lines.jsonl").write_text('{"body": "B four"}\n\n{"body": "B five"}\n')
    bodies = sorted(item.body for item in read_paths([tmp_path]))
    assert bodies == ["B five", "B four", "B one", "B three", "B two"]


def test_json_item_without_body_names_the_file(tmp_path):
    path = tmp_path / "bad.json"
    path.write_text(json.dumps([{"title": "no body"}]))
    with pytest.raises(ArticleError, match=r"bad.json\[0\]"):
        list(read_paths([path]))


def test_a_number_for_body_is_refused_as_not_a_string(tmp_path):
    path = tmp_path / "items.json"
    path.write_text(json.dumps([{"body": "ok"}, {"body": 5}]))
    with pytest.raises(ArticleError, match=r"items.json\[1\]: body must be a string"):
        list(read_paths([path]))


def test_reading_with_an_errors_list_reports_bad_files_lines_and_items_and_goes_on(tmp_path):
    (tmp_path / "a.json").write_text("{broken")
    (tmp_path / "b.jsonl").write_text('{"body": "line one"}\n[oops\n')
    (tmp_path / "c.json").write_text(json.dumps([{"title": "no body"}, {"body": "item two"}]))
    (tmp_path / "d.txt").write_bytes(b"\xff\xfe not utf-8")
    errors = []
    assert [item.body for item in read_paths([tmp_path], errors)] == ["line one", "item two"]
    assert errors == [f"{tmp_path / 'a.json'}: not valid JSON (line 1 column 2)",
                      f"{tmp_path / 'b.jsonl'}:2: not valid JSON (line 2 column 2)",
                      f"{tmp_path / 'c.json'}[0]: body is missing or empty",
                      f"{tmp_path / 'd.txt'}: not UTF-8 text (byte 0)"]
