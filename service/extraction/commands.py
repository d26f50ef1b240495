"""Click commands `extract` and `eval` (registered in the `timeline` CLI by service.cli)."""
from __future__ import annotations

import json
import re
import sys
import time
from pathlib import Path

import click

from service.extraction.anchor import published_day
from service.extraction.locales import detect_language, supported
from service.extraction.pipeline import extract
from service.extraction.scoring import Report, score_document
from service.extraction.timeml import Timex, read_directory

_SURROGATE = re.compile("[\ud800-\udfff]")


@click.command("extract")
@click.option("--published", help="Publication date or datetime the text's relative dates resolve against; "
              'with --jsonl, the default for lines that have no "published" key.')
@click.option("--language", default="en", show_default=True,
              help='ISO 639-1 code of the text\'s language, or "auto" to detect it; with --jsonl, the default '
              'for lines that have no "language" key.')
@click.option("--jsonl", is_flag=True,
              help='Read {"id","text","published","language"} lines from stdin, write one result line each.')
@click.argument("file", type=click.File("rb"), default="-", required=False)
def extract_command(published: str | None, language: str, jsonl: bool, file) -> None:
    """Print the dates found in FILE (or stdin, UTF-8 text), resolved against --published."""
    try:
        published_day(published)  # refuse a bad date once, before reading any input
    except ValueError as error:
        raise click.BadParameter(str(error), param_hint="--published") from error
    try:
        language = _checked_language(language)
    except ValueError as error:
        raise click.BadParameter(str(error), param_hint="--language") from error
    if jsonl:
        _stream_jsonl(sys.stdin.buffer, sys.stdout, published, language)
        return
    try:
        text = file.read().decode("utf-8")
    except UnicodeDecodeError as error:
        raise click.BadParameter(f"input is not UTF-8 text (byte {error.start}: {error.reason})",
                                 param_hint="FILE") from error
    language = _language_of(text, language)
    mentions = extract(text, published, language=language)
    click.echo(json.dumps({"published": published, "language": language, "mentions": [m.to_dict() for m in mentions]},
                          ensure_ascii=False, indent=2))


def _checked_language(language: str | None) -> str | None:
    """Return a language code as given ("auto": detect each text), or raise ValueError for a bad one."""
    if language is None or language == "auto" or language == "en" or supported(language):
        return language
    raise ValueError(f"unknown language {language!r}: expected an ISO 639-1 code such as fr, or auto")


def _language_of(text: str, language: str | None) -> str:
    """Return the language a text is read in: the one given, else the detected one, else English."""
    if language and language != "auto":
        return language
    return detect_language(text) or "en"


def _stream_jsonl(lines, out, published: str | None, language: str | None = "en") -> None:
    """Answer each JSON input line (bytes) with one JSON output line, in order; bad lines get an error.

    A line without a "published" key resolves against `published`; "published": null means no date.
    A line without a "language" key is read in `language`.
    """
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        record_id = None
        try:
            # UnicodeDecodeError, JSONDecodeError and an int of over 4,300 digits are ValueErrors.
            record = json.loads(raw.decode("utf-8"))
            record_id = record.get("id") if isinstance(record, dict) else None
            if not isinstance(record, dict) or not isinstance(record.get("text"), str):
                raise ValueError('expected an object with a string "text"')
            if _SURROGATE.search(record["text"]):
                raise ValueError('"text" holds a lone UTF-16 surrogate (\\ud800-\\udfff): it is not valid Unicode text')
            given = record.get("language", language)
            if given is not None and not isinstance(given, str):
                raise ValueError('"language" must be a string')
            read_in = _language_of(record["text"], _checked_language(given))
            result = {"id": record_id, "language": read_in, "mentions": [
                m.to_dict() for m in extract(record["text"], record.get("published", published), language=read_in)]}
        except (ValueError, RecursionError) as error:
            result = {"id": record_id, "line": number, "error": str(error)}
        except Exception as error:  # a bug: this line's answer says so, and the stream goes on
            result = {"id": record_id, "line": number, "error": f"unexpected error ({type(error).__name__}: {error})"}
        # ensure_ascii=False writes UTF-8; an id holding a lone surrogate cannot be, so it is escaped instead.
        line = json.dumps(result, ensure_ascii=False)
        out.write((line if not _SURROGATE.search(line) else json.dumps(result)) + "\n")
        out.flush()


@click.command("eval")
@click.argument("directories", nargs=-1, required=True,
                type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--predicted", type=click.Path(exists=True, file_okay=False, path_type=Path), multiple=True,
              help="Score another system's TimeML output (same file names) instead of running ours; "
                   "give it once per DIRECTORY, in the same order.")
@click.option("--errors", "errors_file", type=click.Path(dir_okay=False, path_type=Path),
              help="Write every miss, false positive and wrong value here (JSON lines, each naming its corpus).")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON, one object per corpus.")
@click.option("--language", default="en", show_default=True,
              help='ISO 639-1 code of the corpora\'s language, or "auto" to detect each document\'s.')
def eval_command(directories: tuple[Path, ...], predicted: tuple[Path, ...], errors_file: Path | None,
                 as_json: bool, language: str) -> None:
    """Score the extractor on the TimeML files of each DIRECTORY (TempEval-3 Task A style), one table per corpus."""
    try:
        language = _checked_language(language)
    except ValueError as error:
        raise click.BadParameter(str(error), param_hint="--language") from error
    if predicted and len(predicted) != len(directories):
        raise click.UsageError(f"--predicted given {len(predicted)} times for {len(directories)} corpora")
    figures, errors = {}, []
    for index, directory in enumerate(directories):
        report, figures[str(directory)] = _score_corpus(directory, predicted[index] if predicted else None, language)
        errors.extend({"corpus": str(directory), **error} for error in report.errors)
    if errors_file:
        with errors_file.open("w", encoding="utf-8") as out:
            for error in errors:
                out.write(json.dumps(error, ensure_ascii=False) + "\n")
    if as_json:
        click.echo(json.dumps(figures, indent=2))
    else:
        click.echo("\n\n".join(_table(name, corpus) for name, corpus in figures.items()))


def _score_corpus(directory: Path, predicted: Path | None, language: str | None = "en") -> tuple[Report, dict]:
    """Score our extractor (or the TimeML files in predicted) against one corpus; return report and figures."""
    documents = read_directory(directory)
    if not documents:
        raise click.UsageError(f"no .tml files in {directory}")
    others = {d.name: d for d in read_directory(predicted)} if predicted else None
    report = Report()
    elapsed = 0.0
    for document in documents:
        if others is not None:
            system = others[document.name].timexes if document.name in others else []
        else:
            began = time.perf_counter()
            mentions = extract(document.text, document.creation_time, language=_language_of(document.text, language))
            elapsed += time.perf_counter() - began
            system = [Timex(m.start, m.end, m.type, m.value, m.modifier) for m in mentions]
        score_document(report, document, system)
    figures = report.as_dict()
    figures["documents"] = len(documents)
    figures["documents_per_second"] = round(len(documents) / elapsed, 1) if elapsed else None
    return report, figures


def _table(name: str, figures: dict) -> str:
    """Format one corpus's evaluation figures as a small text table."""
    rows = [f"{name}: {figures['documents']} documents"
            + (f", {figures['documents_per_second']} documents/s" if figures["documents_per_second"] else ""),
            f"{'':10} {'strict P/R/F1':>22} {'relaxed P/R/F1':>22} {'value P/R/F1':>22}"]
    for label, key in (("overall", "overall"), ("DATE+TIME", "date_time")):
        cells = ["%.3f/%.3f/%.3f" % tuple(figures[key][kind][m] for m in ("precision", "recall", "f1"))
                 for kind in ("strict", "relaxed", "value")]
        rows.append(f"{label:10} " + " ".join(f"{cell:>22}" for cell in cells))
    counts = figures["counts"]
    rows.append("gold types: %s; system types: %s; type agreement on matches: %d" % (
        dict(sorted(counts["gold"].items())), dict(sorted(counts["system"].items())), counts["type_agreement"]))
    return "\n".join(rows)


@click.group()
def _standalone() -> None:
    """Run the extraction commands without the timeline CLI."""


_standalone.add_command(extract_command)
_standalone.add_command(eval_command)

if __name__ == "__main__":
    _standalone()
