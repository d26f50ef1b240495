"""The TimeML reader, the TempEval-3 style scorer and the `eval` / `extract` commands."""
import json

from click.testing import CliRunner

from service.extraction.commands import eval_command, extract_command
from service.extraction.scoring import Report, score_document
from service.extraction.timeml import Document, Timex, read_document, write_document

# Written for these tests; not taken from any corpus.
GOLD = """<?xml version="1.0" ?>
<TimeML>
<DOCID>sample</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2021-04-07" temporalFunction="false" functionInDocument="CREATION_TIME">20210407</TIMEX3></DCT>
<TEXT>
Ministers <EVENT eid="e1" class="OCCURRENCE">met</EVENT> <TIMEX3 tid="t1" type="DATE" value="2021-04-06">yesterday</TIMEX3> &amp; agreed to talk
again <TIMEX3 tid="t2" type="DATE" value="2021-W15">next week</TIMEX3> after <TIMEX3 tid="t3" type="DURATION" value="P2D">two days</TIMEX3> of talks
<SIGNAL sid="s1">in</SIGNAL> <TIMEX3 tid="t4" type="DATE" value="2021-04">April</TIMEX3>.
</TEXT>
</TimeML>
"""


def write_gold(directory):
    directory.mkdir()
    (directory / "sample.tml").write_text(GOLD, encoding="utf-8")
    return directory


def test_reader_strips_tags_and_keeps_timex_offsets(tmp_path):
    document = read_document(write_gold(tmp_path / "gold") / "sample.tml")
    spans = [(document.text[t.start:t.end], t.type, t.value) for t in document.timexes]
    assert document.creation_time == "2021-04-07"
    assert "<" not in document.text and "Ministers met yesterday & agreed" in document.text
    assert spans == [("yesterday", "DATE", "2021-04-06"), ("next week", "DATE", "2021-W15"),
                     ("two days", "DURATION", "P2D"), ("April", "DATE", "2021-04")]


def test_written_document_reads_back_the_same(tmp_path):
    document = read_document(write_gold(tmp_path / "gold") / "sample.tml")
    write_document(tmp_path / "copy.tml", document)
    assert read_document(tmp_path / "copy.tml") == Document("copy", document.creation_time, document.text, document.timexes)


def test_scorer_counts_strict_relaxed_and_value_matches():
    text = "They met on Tuesday, April 6 and again the next day."
    gold = [Timex(12, 28, "DATE", "2021-04-06"), Timex(39, 51, "DATE", "2021-04-07")]
    system = [Timex(12, 19, "DATE", "2021-04-06"),   # overlaps gold 1, same value: relaxed + value
              Timex(39, 51, "DATE", "2021-04-08"),   # exact span, wrong value: strict + relaxed
              Timex(0, 4, "DATE", "PRESENT_REF")]     # false positive
    report = Report()
    score_document(report, Document("d", "2021-04-07", text, gold), system)
    tally = report.overall
    assert (tally.gold, tally.system, tally.strict, tally.relaxed, tally.value) == (2, 3, 1, 2, 1)
    assert report.overall.scores()["relaxed"] == {"precision": 0.6667, "recall": 1.0, "f1": 0.8}
    assert sorted(e["kind"] for e in report.errors) == ["false_positive", "span", "wrong_value"]


def test_eval_command_scores_our_extractor_and_writes_errors(tmp_path):
    gold = write_gold(tmp_path / "gold")
    result = CliRunner().invoke(eval_command, [str(gold), "--json", "--errors", str(tmp_path / "errors.jsonl")])
    figures = json.loads(result.output)[str(gold)]
    assert result.exit_code == 0
    assert figures["documents"] == 1 and figures["overall"]["value"]["f1"] == 1.0
    assert (tmp_path / "errors.jsonl").read_text() == ""


def write_other_system(directory, gold, keep):
    """Write a copy of the gold sample holding only its first `keep` TIMEX3s, as another system's output."""
    directory.mkdir()
    document = read_document(gold / "sample.tml")
    write_document(directory / "sample.tml",
                   Document("sample", document.creation_time, document.text, document.timexes[:keep]))
    return directory


def test_eval_command_scores_another_systems_output(tmp_path):
    gold = write_gold(tmp_path / "gold")
    other = write_other_system(tmp_path / "other", gold, 2)
    result = CliRunner().invoke(eval_command, [str(gold), "--predicted", str(other), "--json"])
    figures = json.loads(result.output)[str(gold)]
    assert figures["overall"]["relaxed"] == {"precision": 1.0, "recall": 0.5, "f1": 0.6667}


def test_eval_command_prints_one_table_per_corpus_and_names_each_error_s_corpus(tmp_path):
    first, second = write_gold(tmp_path / "first"), write_gold(tmp_path / "second")
    predicted = [write_other_system(tmp_path / "one", first, 4), write_other_system(tmp_path / "three", second, 1)]
    errors = tmp_path / "errors.jsonl"
    result = CliRunner().invoke(eval_command, [str(first), str(second), "--predicted", str(predicted[0]),
                                               "--predicted", str(predicted[1]), "--errors", str(errors)])
    tables = result.output.split("\n\n")
    assert result.exit_code == 0 and len(tables) == 2
    assert tables[0].startswith(f"{first}: 1 documents") and tables[1].startswith(f"{second}: 1 documents")
    assert "1.000/1.000/1.000" in tables[0].splitlines()[2] and "1.000/0.250/0.400" in tables[1].splitlines()[2]
    assert [json.loads(line)["corpus"] for line in errors.read_text().splitlines()] == [str(second)] * 3


def test_eval_command_refuses_predicted_dirs_that_do_not_pair_with_the_corpora(tmp_path):
    first, second = write_gold(tmp_path / "first"), write_gold(tmp_path / "second")
    result = CliRunner().invoke(eval_command, [str(first), str(second), "--predicted", str(first)])
    assert result.exit_code == 2 and "--predicted given 1 times for 2 corpora" in result.output


def test_extract_command_prints_mentions_for_a_file(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Talks were held on Tuesday.", encoding="utf-8")
    result = CliRunner().invoke(extract_command, ["--published", "2021-04-07", str(article)])
    output = json.loads(result.output)
    assert output["published"] == "2021-04-07"
    assert [(m["text"], m["value"]) for m in output["mentions"]] == [("Tuesday", "2021-04-06")]


def test_extract_command_rejects_an_unreadable_publication_date():
    result = CliRunner().invoke(extract_command, ["--published", "not a date", "-"], input="Talks on Tuesday.")
    assert result.exit_code == 2 and "cannot read publication date" in result.output


def test_extract_jsonl_streams_one_answer_per_line_in_order():
    lines = [{"id": 1, "text": "He spoke yesterday.", "published": "2021-04-07"},
             {"id": "b", "text": "Nothing here.", "published": None},
             "not json",
             {"id": 3, "text": "Sales fell last month.", "published": "2021-01-19"}]
    stdin = "\n".join(line if isinstance(line, str) else json.dumps(line) for line in lines) + "\n"
    result = CliRunner().invoke(extract_command, ["--jsonl"], input=stdin)
    answers = [json.loads(line) for line in result.output.splitlines()]
    assert [(a["id"], [m["value"] for m in a.get("mentions", [])]) for a in answers] == [
        (1, ["2021-04-06"]), ("b", []), (None, []), (3, ["2020-12"])]
    assert "error" in answers[2] and answers[2]["line"] == 3


def test_extract_command_blames_the_input_not_the_date_for_bytes_that_are_not_utf8():
    result = CliRunner().invoke(extract_command, ["--published", "2021-04-07", "-"], input=b"\xff\xfe bad")
    assert result.exit_code == 2
    assert "Invalid value for FILE: input is not UTF-8 text" in result.output and "--published" not in result.output


def test_extract_jsonl_resolves_lines_without_published_against_the_option():
    lines = [{"id": 1, "text": "Talks ended last month."},
             {"id": 2, "text": "Talks ended last month.", "published": "2021-06-01"},
             {"id": 3, "text": "Talks ended last month.", "published": None}]
    stdin = "".join(json.dumps(line) + "\n" for line in lines)
    result = CliRunner().invoke(extract_command, ["--jsonl", "--published", "2021-01-01"], input=stdin)
    answers = [json.loads(line) for line in result.output.splitlines()]
    assert [(a["id"], [(m["value"], m["anchor"]["date"]) for m in a["mentions"]]) for a in answers] == [
        (1, [("2020-12", "2021-01-01")]), (2, [("2021-05", "2021-06-01")]), (3, [(None, None)])]


def test_extract_jsonl_answers_a_line_that_is_not_utf8_and_goes_on():
    stdin = b'{"id": 1, "text": "x"}\n\xff\xfe\n{"id": 3, "text": "He left yesterday."}\n'
    result = CliRunner().invoke(extract_command, ["--jsonl", "--published", "2021-04-07"], input=stdin)
    answers = [json.loads(line) for line in result.output.splitlines()]
    assert answers[0] == {"id": 1, "language": "en", "mentions": []}
    assert answers[1]["line"] == 2 and "utf-8" in answers[1]["error"]
    assert [m["value"] for m in answers[2]["mentions"]] == ["2021-04-06"]


def test_extract_jsonl_refuses_a_bad_default_publication_date_once():
    result = CliRunner().invoke(extract_command, ["--jsonl", "--published", "soonish"], input='{"text": "x"}\n')
    assert result.exit_code == 2 and "Invalid value for --published" in result.output
