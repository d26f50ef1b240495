"""Tag TimeML texts with naive `dateparser.search.search_dates` and write TimeML our scorer reads.

The baseline the issue measures against: every date search_dates finds, as a day value, with the
document's creation time as RELATIVE_BASE.
    .venv/bin/python bench/naive_dateparser_eval.py --language fr tests/fixtures/languages/fr /tmp/naive-fr
    .venv/bin/timeline eval --language fr tests/fixtures/languages/fr --predicted /tmp/naive-fr
"""
import argparse
import sys
import warnings
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from service.extraction.anchor import published_day  # noqa: E402
from service.extraction.timeml import Document, Timex, read_directory, write_document  # noqa: E402


def tag(document: Document, language: str) -> list[Timex]:
    """Return search_dates' findings in document as day-valued DATE timexes, located in order."""
    from dateparser.search import search_dates

    day = published_day(document.creation_time)
    settings = {"RELATIVE_BASE": datetime(day.year, day.month, day.day, 12)} if day else {}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        found = search_dates(document.text, languages=[language], settings=settings) or []
    timexes, taken = [], 0
    for surface, when in found:
        start = document.text.find(surface, taken)
        if start < 0:
            continue
        taken = start + len(surface)
        timexes.append(Timex(start, taken, "DATE", when.date().isoformat()))
    return timexes


def main() -> None:
    """Write one predicted TimeML file per gold document."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--language", required=True)
    parser.add_argument("gold_dir", type=Path)
    parser.add_argument("out_dir", type=Path)
    arguments = parser.parse_args()
    arguments.out_dir.mkdir(parents=True, exist_ok=True)
    for document in read_directory(arguments.gold_dir):
        predicted = Document(document.name, document.creation_time, document.text, tag(document, arguments.language))
        write_document(arguments.out_dir / f"{document.name}.tml", predicted)


if __name__ == "__main__":
    main()
