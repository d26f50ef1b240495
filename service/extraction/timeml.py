"""Read and write TimeML documents: creation time, plain text and inline TIMEX3 spans."""
from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from pathlib import Path

_TAG = re.compile(r"<(/?)(\w+)([^>]*)>|[^<]+")
_ATTRIBUTE = re.compile(r'(\w+)="([^"]*)"')
_DCT = re.compile(r"<TIMEX3[^>]*functionInDocument=\"CREATION_TIME\"[^>]*>")
_TEXT = re.compile(r"<TEXT>(.*)</TEXT>", re.S)


@dataclass(frozen=True, slots=True)
class Timex:
    """Hold one TIMEX3 annotation as offsets into the document's plain text."""

    start: int
    end: int
    type: str
    value: str | None
    modifier: str | None = None


@dataclass(slots=True)
class Document:
    """Hold a TimeML document: its name, creation time, plain text and TIMEX3s."""

    name: str
    creation_time: str | None
    text: str
    timexes: list[Timex] = field(default_factory=list)


def read_document(path: Path) -> Document:
    """Parse one TimeML file, dropping EVENT/SIGNAL tags but keeping TIMEX3 offsets."""
    raw = path.read_text(encoding="utf-8")
    dct = _DCT.search(raw)
    creation_time = dict(_ATTRIBUTE.findall(dct.group()))["value"] if dct else None
    body = _TEXT.search(raw)
    text, timexes = _strip_tags(body.group(1) if body else "")
    return Document(path.stem, creation_time, text, timexes)


def read_directory(directory: Path) -> list[Document]:
    """Parse every .tml file of directory in name order."""
    return [read_document(path) for path in sorted(Path(directory).glob("*.tml"))]


def _strip_tags(markup: str) -> tuple[str, list[Timex]]:
    """Return the plain text of markup and the TIMEX3 spans it carried."""
    parts: list[str] = []
    length = 0
    timexes = []
    opened = None
    for token in _TAG.finditer(markup):
        closing, name = token.group(1), token.group(2)
        if name is None:
            chunk = html.unescape(token.group())
            parts.append(chunk)
            length += len(chunk)
        elif name == "TIMEX3" and not closing:
            opened = (length, dict(_ATTRIBUTE.findall(token.group(3))))
        elif name == "TIMEX3" and opened is not None:
            start, attributes = opened
            timexes.append(Timex(start, length, attributes.get("type", "DATE"),
                                 attributes.get("value") or None, attributes.get("mod")))
            opened = None
    return "".join(parts), timexes


def write_document(path: Path, document: Document) -> None:
    """Write document as TimeML with its TIMEX3s inline (non-overlapping, sorted)."""
    out = ['<?xml version="1.0" ?>\n<TimeML>\n<DOCID>%s</DOCID>\n' % html.escape(document.name)]
    if document.creation_time:
        out.append('<DCT><TIMEX3 tid="t0" type="DATE" value="%s" functionInDocument="CREATION_TIME">'
                   "%s</TIMEX3></DCT>\n" % (html.escape(document.creation_time), html.escape(document.creation_time)))
    out.append("<TEXT>")
    position = 0
    for number, timex in enumerate(sorted(document.timexes, key=lambda t: t.start), start=1):
        if timex.start < position:
            continue
        attributes = 'tid="t%d" type="%s" value="%s"' % (number, timex.type, html.escape(timex.value or ""))
        if timex.modifier:
            attributes += ' mod="%s"' % timex.modifier
        out.append(html.escape(document.text[position:timex.start], quote=False))
        out.append("<TIMEX3 %s>%s</TIMEX3>" % (attributes, html.escape(document.text[timex.start:timex.end], quote=False)))
        position = timex.end
    out.append(html.escape(document.text[position:], quote=False))
    out.append("</TEXT>\n</TimeML>\n")
    Path(path).write_text("".join(out), encoding="utf-8")
