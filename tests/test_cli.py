"""The `timeline` command line: schema upgrades, seeding and ingesting."""
import json
from pathlib import Path

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


def test_db_upgrade_names_each_migration_once(tmp_path):
    """Each applied step is reported once (its log line), then one summary line."""
    import subprocess
    import sys

    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "DATABASE_URL": f"sqlite:///{tmp_path / 'up.db'}"}
    timeline = Path(sys.executable).with_name("timeline")
    done = subprocess.run([str(timeline), "db", "upgrade"], env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    output = done.stdout + done.stderr
    assert output.count("create base tables") == 1
    assert done.stdout.startswith("applied ") and done.stdout.rstrip().endswith(" migrations")


def test_ingest_of_jsonl_goes_on_past_every_kind_of_broken_line(timeline, tmp_path):
    lines = tmp_path / "hostile.jsonl"
    lines.write_bytes(b"\n".join([
        b'{"body": "Talks \\ud800 on 3 May 2020."}',           # lone surrogate in the body
        b'{"body": "Talks on 4 May 2020.", "title": "a\\u0000b"}',  # NUL in the title
        b'{"body": "\\u200b\\u200d\\u2060"}',                  # only zero-width characters
        b'{"body": "x", "titl\\udc00": "y"}',                  # misspelt key holding a surrogate
        b"\xff\xfe not UTF-8",
        b"[" * 100_000,
        b'{"body": "Talks on 5 May 2020.", "n": ' + b"9" * 5000 + b"}",
        b'{"body": "Fourth of the good ones: talks on 6 May 2021."}',
    ]) + b"\n")
    result = timeline("ingest", str(lines))
    assert result.exit_code == 1
    assert "1 new, 0 already stored, 7 failed" in result.output
    for number in range(1, 8):
        assert f"error: {lines}:{number}: " in result.stderr
    assert f"{lines}:2: title holds a NUL character" in result.stderr
    assert [a.body for a in Article.select()] == ["Fourth of the good ones: talks on 6 May 2021."]


def test_extract_jsonl_goes_on_past_every_kind_of_broken_line(tmp_path):
    import subprocess
    import sys

    stdin = b"\n".join([b'{"id": "\\ud800", "text": "He spoke \\udc00 yesterday."}', b"[" * 100_000,
                        b'{"id": 3, "text": "x", "n": ' + b"9" * 5000 + b"}", b"\xff",
                        b'{"id": 5, "text": "He left yesterday."}']) + b"\n"
    timeline = Path(sys.executable).with_name("timeline")
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "DATABASE_URL": f"sqlite:///{tmp_path / 'x.db'}"}
    done = subprocess.run([str(timeline), "extract", "--jsonl", "--published", "2021-04-07"], input=stdin,
                          env=env, capture_output=True, timeout=60)
    assert done.returncode == 0, done.stderr.decode()
    answers = [json.loads(line) for line in done.stdout.decode("utf-8").splitlines()]
    assert [answer.get("line") for answer in answers] == [1, 2, 3, 4, None]
    assert all("error" in answer for answer in answers[:4])
    assert [m["value"] for m in answers[4]["mentions"]] == ["2021-04-06"]


def test_a_files_leading_byte_order_mark_is_encoding_not_text(timeline, tmp_path):
    (tmp_path / "a.txt").write_bytes("\ufeffTalks were held on 6 May 2021.".encode("utf-8"))
    (tmp_path / "b.jsonl").write_bytes('\ufeff{"body": "Talks resumed on 7 May 2021."}\n'.encode("utf-8"))
    result = timeline("ingest", str(tmp_path / "a.txt"), str(tmp_path / "b.jsonl"))
    assert result.exit_code == 0, result.output
    assert sorted(a.body for a in Article.select()) == ["Talks resumed on 7 May 2021.", "Talks were held on 6 May 2021."]
