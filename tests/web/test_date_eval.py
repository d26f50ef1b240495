"""The publication-date score through POST /api/articles, against htmldate alone, on the fixture pages."""
import json
import shutil
import sys
from pathlib import Path

from local_site import FIXTURES

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

import date_eval  # noqa: E402


def test_api_finds_the_true_day_at_least_as_often_as_htmldate_alone(tmp_path):
    counts = date_eval.score(FIXTURES / "page-dates.jsonl", tmp_path / "misses.jsonl", tmp_path / "bodies")
    assert (counts["pages"], counts["ours"], counts["htmldate"], counts["refused"]) == (9, 9, 7, 0)
    # htmldate alone, with its defaults, takes the last update (dateModified, two days later) over the
    # publication, and turns "cut in 2019" into 2019-01-01 on a page with no date; the API leaves that undated.
    assert [(m["file"], m["ours"], m["htmldate"]) for m in counts["misses"]] == [
        ("pages/en-metadata.html", "2024-03-19", "2024-03-21"), ("pages/en-malformed.html", None, "2019-01-01")]
    # The page dated only in its app's state script is dated from that script, not from the 2019 closure its
    # first line recalls; the blog entry dated only in an RDF comment, not from the 2015 photo its text dates.
    assert (tmp_path / "bodies/pages/en-state-script.html.txt").read_text().startswith("The harbour bridge reopened")


def test_htmldate_evaluation_file_is_scored_on_its_pages_present_with_a_known_date(tmp_path):
    # htmldate's own evaluation set: {url: {"file", "date"}}, the pages in test_set/ beside it, NaN for no date.
    (tmp_path / "test_set").mkdir()
    for name in ("en-metadata.html", "en-malformed.html"):
        shutil.copy(FIXTURES / "pages" / name, tmp_path / "test_set" / name)
    evaluation = tmp_path / "eval_mediacloud_2020.json"
    evaluation.write_text(json.dumps({
        "https://news.example.org/world/ceasefire-talks-resume-geneva": {"file": "en-metadata.html", "date": "2024-03-19"},
        "https://harbourtimes.example.net/ports/strike-ends": {"file": "en-malformed.html", "date": float("nan")},
        "https://news.example.org/world/not-fetched": {"file": "absent.html", "date": "2024-03-20"},
    }))
    counts = date_eval.score(evaluation)
    assert (counts["pages"], counts["ours"], counts["htmldate"], counts["refused"]) == (1, 1, 0, 0)
    # The same page found elsewhere than beside the file: --pages.
    moved = tmp_path / "moved"
    shutil.copytree(tmp_path / "test_set", moved)
    shutil.rmtree(tmp_path / "test_set")
    assert date_eval.score(evaluation, pages=moved)["pages"] == 1
