"""Print the per-language table of docs/languages.md: Timeline against naive dateparser.search_dates.

Usage: .venv/bin/python bench/language_table.py [tests/fixtures/languages] [--heideltime DIR]
Scores DATE+TIME values (TempEval-3 style, the scorer of `timeline eval`) on each language's hand-made set.
With --heideltime, DIR/<language>/ holds HeidelTime's TimeML output for that set (bench/heideltime_eval.py
writes it); a language without such a folder shows "-".
"""
import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from naive_dateparser_eval import tag  # noqa: E402

from service.extraction import extract  # noqa: E402
from service.extraction.scoring import Report, score_document  # noqa: E402
from service.extraction.timeml import Timex, read_directory  # noqa: E402


def figures(documents, system) -> tuple[dict, int]:
    """Return the DATE+TIME value scores of system (document -> timexes) and the gold count."""
    report = Report()
    for document in documents:
        score_document(report, document, system(document))
    return report.as_dict()["date_time"]["value"], report.date_time.gold


def main() -> None:
    """Score every language directory and print one markdown row each."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("base", nargs="?", type=Path, default=ROOT / "tests" / "fixtures" / "languages")
    parser.add_argument("--heideltime", type=Path, help="folder of HeidelTime's output, one subfolder per language")
    arguments = parser.parse_args()
    base, heideltime = arguments.base, arguments.heideltime
    print("| language | documents | gold DATE/TIME | Timeline value P/R/F1 | naive search_dates value P/R/F1 |"
          + (" HeidelTime 2.2.1 value P/R/F1 |" if heideltime else ""))
    print("|---|---|---|---|---|" + ("---|" if heideltime else ""))
    for directory in sorted(p for p in base.iterdir() if p.is_dir()):
        language, documents = directory.name, read_directory(directory)
        ours, gold = figures(documents, lambda d: [Timex(m.start, m.end, m.type, m.value) for m in
                                                   extract(d.text, d.creation_time, language=language)])
        naive, _ = figures(documents, lambda d: tag(d, language))
        cell = lambda f: "%.2f / %.2f / **%.2f**" % (f["precision"], f["recall"], f["f1"])  # noqa: E731
        row = f"| {language} | {len(documents)} | {gold} | {cell(ours)} | {cell(naive)} |"
        if heideltime:
            tagged = heideltime / language
            if tagged.is_dir():
                others = {d.name: d.timexes for d in read_directory(tagged)}
                row += f" {cell(figures(documents, lambda d: others.get(d.name, []))[0])} |"
            else:
                row += " - |"
        print(row)


if __name__ == "__main__":
    main()
