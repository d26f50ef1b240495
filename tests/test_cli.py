"""The `timeline` command line: schema upgrades, seeding and ingesting."""
import json

import pytest

from service.cli import bind_address
from service.schema import SchemaVersion
from service.models import Article, Event, EventSource


def counts():
    return Article.select().count(), Event.select().count(), EventSource.select().count()


def test_db_upgrade_twice_is_safe_and_keeps_data(timeline):
    assert timeline("seed").exit_code == 0
    before = counts()
    result = timeline("db", "upgrade")
    assert result.exit_code == 0, result.output
    assert "up to date" in result.output
    assert counts() == before
    assert SchemaVersion.select().count() >= 1


def test_seed_loads_the_five_articles_once(timeline):
    first = timeline("seed")
    assert first.exit_code == 0, first.output
    assert "5 new" in first.output
    after_first = counts()
    second = timeline("seed")
    assert "0 new, 5 already stored" in second.output
    assert counts() == after_first
    assert after_first[0] == 5 and after_first[1] > 0


def test_seeded_articles_carry_manifest_dates_and_headlines(timeline):
    timeline("seed")
    ycpress = Article.get(Article.url.contains("ycnews.com"))
    assert ycpress.published_at == "2021-04-07"
    assert ycpress.source == "YCPress"
    assert ycpress.title.startswith("What signal")  # the page's breadcrumb trail ("Home Politics") is not the headline
    moscow = Article.get(Article.title.startswith("Close cooperation between India and Russia"))
    assert str(moscow.published_on) == "2021-01-19"


def test_ingest_a_folder_of_generated_articles_shows_progress(timeline, tmp_path):
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(1000):
        (folder / f"{i:04}.json").write_text(
            json.dumps({"title": f"Report {i}", "body": f"Report number {i}: the committee met on March {i % 28 + 1}, 2021.",
                        "published_at": "2021-04-07"})
        )
    result = timeline("ingest", str(folder))
    assert result.exit_code == 0, result.output
    assert "1000 new" in result.output
    assert "1000/1000" in result.stderr  # the progress bar's final state
    assert Article.select().count() == 1000
    again = timeline("ingest", str(folder))
    assert "0 new, 1000 already stored" in again.output
    assert Article.select().count() == 1000


def test_ingest_reports_bad_files_and_keeps_good_ones(timeline, tmp_path):
    (tmp_path / "good.txt").write_text("Headline\n\nThe ministers met on April 6, 2021.")
    (tmp_path / "bad.json").write_text(json.dumps({"body": "x", "published_at": "not a date"}))
    result = timeline("ingest", str(tmp_path))
    assert result.exit_code == 1
    assert "1 new, 0 already stored, 1 failed" in result.output
    assert "not a date" in result.stderr
    assert Article.select().count() == 1


def test_ingest_stores_the_readable_files_and_names_the_one_that_is_not_json(timeline, tmp_path):
    good, bad = tmp_path / "good.json", tmp_path / "bad.json"
    good.write_text(json.dumps({"body": "The ministers met on April 6, 2021.", "published_at": "2021-04-07"}))
    bad.write_text("not json")
    result = timeline("ingest", str(good), str(bad))
    assert result.exit_code == 1
    assert "1 new, 0 already stored, 1 failed" in result.output
    assert f"error: {bad}: not valid JSON (line 1 column 1)" in result.stderr
    assert [a.body for a in Article.select()] == ["The ministers met on April 6, 2021."]


def test_ingest_of_jsonl_stores_the_good_lines_and_names_the_broken_one(timeline, tmp_path):
    lines = tmp_path / "feed.jsonl"
    lines.write_text('{"body": "First article."}\n{"body": "Second, cut off\n{"body": 5}\n{"body": "Fourth article."}\n')
    result = timeline("ingest", str(lines))
    assert result.exit_code == 1
    assert "2 new, 0 already stored, 2 failed" in result.output
    assert f"error: {lines}:2: not valid JSON (line 2 column" in result.stderr
    assert f"error: {lines}:3: body must be a string" in result.stderr
    assert sorted(a.body for a in Article.select()) == ["First article.", "Fourth article."]


def test_ingest_of_a_missing_path_is_a_clear_error(timeline, tmp_path):
    result = timeline("ingest", str(tmp_path / "nope"))
    assert result.exit_code != 0
    assert "does not exist" in result.output


def test_token_new_prints_a_fresh_token(timeline):
    first = timeline("token", "new").output.strip()
    second = timeline("token", "new").output.strip()
    assert len(first) >= 40 and first != second


@pytest.mark.parametrize("host, port, default, expected", [
    (None, None, "127.0.0.1:8000", "127.0.0.1:8000"),
    (None, None, "0.0.0.0:9000", "0.0.0.0:9000"),
    ("0.0.0.0", None, "127.0.0.1:8000", "0.0.0.0:8000"),
    (None, 8123, "0.0.0.0:9000", "0.0.0.0:8123"),
    ("::1", 8123, "127.0.0.1:8000", "[::1]:8123"),
    (None, None, "[::]:8000", "[::]:8000"),
])
def test_serve_binds_the_given_address_falling_back_to_timeline_bind(host, port, default, expected):
    assert bind_address(host, port, default) == expected


def test_ingest_refuses_an_item_with_a_misspelt_field_and_ignores_other_extra_fields(timeline, tmp_path):
    feed = tmp_path / "feed.json"
    feed.write_text(json.dumps([{"body": "The ministers met on April 6, 2021.", "publised_at": "2021-04-07"},
                                {"text": "The talks ended on April 7, 2021.", "headline": "Talks end",
                                 "published": "2021-04-08", "author": "A. Reporter", "tags": ["talks"]}]))
    result = timeline("ingest", str(feed))
    assert result.exit_code == 1
    assert "1 new, 0 already stored, 1 failed" in result.output
    assert f"error: {feed}[0]: unknown field publised_at (did you mean published_at?)" in result.stderr
    assert [(a.title, str(a.published_on)) for a in Article.select()] == [("Talks end", "2021-04-08")]
