"""Score publication dates: how often POST /api/articles (html + url) finds the true day, against htmldate alone.

The set is a JSONL manifest beside the pages: {"file": "page.html", "url": "https://...", "date": "YYYY-MM-DD"}
per line (date null for a page with none; other keys are ignored), or htmldate's own evaluation file
(tests/eval_mediacloud_2020.json: {url: {"file": ..., "date": ...}}, its pages in test_set/ beside it), of
which the pages present are scored and those with no known date (NaN) left out. Each page is decoded as a fetched page is
(charset detection), posted with its url to the API on an empty SQLite database, and `published_at` is read
from the answer; htmldate alone is `find_date(html, url=url)` with its defaults, as a user of htmldate calls
it. Prints both rates and the pages where either is wrong; asserts nothing. --bodies writes the main text the
API kept for each page, to check by eye for menus, footers or missing paragraphs.

    .venv/bin/python bench/date_eval.py tests/fixtures/page-dates.jsonl
    .venv/bin/python bench/date_eval.py ~/pages/truth.jsonl --errors /tmp/date-errors.jsonl --bodies /tmp/bodies
    .venv/bin/python bench/date_eval.py ~/htmldate/tests/eval_mediacloud_2020.json
    .venv/bin/python bench/date_eval.py bench/htmldate_sample.jsonl --pages ~/htmldate/tests/test_set
"""
import argparse
import json
import sys
import tempfile
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def score(manifest: Path, errors_path: Path | None = None, bodies: Path | None = None,
          pages: Path | None = None) -> dict:
    """Post every page of the manifest (found under pages, when given) and return the counts; write each miss
    to errors_path when given, and each stored article's text to bodies/<file>.txt."""
    from htmldate import find_date

    from service import create_app
    from service.db import db
    from service.schema import upgrade
    from service.web.charset import decode

    rows = _rows(manifest, pages)
    counts = {"pages": len(rows), "ours": 0, "htmldate": 0, "refused": 0}
    misses = []
    with tempfile.TemporaryDirectory() as folder:
        app = create_app({"TESTING": True, "DATABASE_URL": f"sqlite:///{folder}/dates.db", "API_TOKENS": ["eval"],
                          "MAX_CONTENT_LENGTH": 64 * 1024 * 1024, "LOG_LEVEL": "WARNING"})
        with db.connection_context():
            upgrade()
        client = app.test_client()
        for row in rows:
            html = decode(row["path"].read_bytes())[0]
            response = client.post("/api/articles", json={"html": html, "url": row["url"]},
                                   headers={"Authorization": "Bearer eval"})
            answer = response.get_json()
            stored = response.status_code in (200, 201)
            ours = answer.get("published_at") if stored else None
            counts["refused"] += not stored
            if bodies and stored:
                (bodies / f"{row['file']}.txt").parent.mkdir(parents=True, exist_ok=True)
                (bodies / f"{row['file']}.txt").write_text(answer["body"])
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                alone = find_date(html, url=row["url"])
            ours_day = ours[:10] if ours else None
            counts["ours"] += ours_day == row["date"]
            counts["htmldate"] += alone == row["date"]
            if ours_day != row["date"] or alone != row["date"]:
                misses.append({"file": row["file"], "truth": row["date"], "ours": ours_day, "htmldate": alone,
                               "source": answer.get("published_at_source"), "conflict": answer.get("date_conflict"),
                               "refused": None if stored else answer.get("message") or answer})
    if errors_path:
        errors_path.write_text("".join(json.dumps(miss, ensure_ascii=False) + "\n" for miss in misses))
    counts["misses"] = misses
    return counts


def _rows(manifest: Path, pages: Path | None = None) -> list[dict]:
    """Read the pages to score, each with its path under pages (by default the manifest's folder, or test_set/
    beside htmldate's evaluation file, of which only the pages present with a known date are kept)."""
    if manifest.suffix == ".jsonl":
        rows = [json.loads(line) for line in manifest.read_text().splitlines() if line.strip()]
        return [dict(row, path=(pages or manifest.parent) / row["file"]) for row in rows]
    pages = pages or manifest.parent / "test_set"
    rows = [{"file": entry["file"], "url": url, "date": entry["date"], "path": pages / entry["file"]}
            for url, entry in json.loads(manifest.read_text()).items()]
    return [row for row in rows if isinstance(row["date"], str) and row["path"].exists()]  # NaN: no known date


def main() -> None:
    """Parse arguments, score the set and print the rates."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("manifest", type=Path)
    parser.add_argument("--errors", type=Path, help="write each page either reader got wrong, as JSONL")
    parser.add_argument("--bodies", type=Path, help="write the main text stored for each page to this folder")
    parser.add_argument("--pages", type=Path, help="the folder the manifest's files are in (default: beside it)")
    args = parser.parse_args()
    counts = score(args.manifest, args.errors, args.bodies, args.pages)
    pages = counts["pages"] or 1
    print(f"{counts['pages']} pages: same day as the truth {counts['ours']} ({100 * counts['ours'] / pages:.1f} %) "
          f"through the API, {counts['htmldate']} ({100 * counts['htmldate'] / pages:.1f} %) with htmldate alone; "
          f"{counts['refused']} refused")
    for miss in counts["misses"][:40]:
        print(f"  {miss['file']}: truth {miss['truth']}, ours {miss['ours']} ({miss['source']}), htmldate {miss['htmldate']}"
              + (f"; refused: {miss['refused']}" if miss["refused"] else ""))


if __name__ == "__main__":
    main()
