"""The publication-date score through POST /api/articles, against htmldate alone, on the fixture pages."""
import sys
from pathlib import Path

from local_site import FIXTURES

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

import date_eval  # noqa: E402


def test_api_finds_the_true_day_at_least_as_often_as_htmldate_alone(tmp_path):
    counts = date_eval.score(FIXTURES / "page-dates.jsonl", tmp_path / "misses.jsonl")
    assert (counts["pages"], counts["ours"], counts["htmldate"], counts["refused"]) == (7, 7, 6, 0)
    # htmldate alone turns "cut in 2019" into 2019-01-01 on a page with no date; the API leaves it undated.
    assert [(m["file"], m["ours"], m["htmldate"]) for m in counts["misses"]] == [("pages/en-malformed.html", None, "2019-01-01")]
