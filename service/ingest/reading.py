"""Read articles from text and JSON files, folders and manifests."""
import difflib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

from ..errors import ArticleError

TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm"}
JSON_SUFFIXES = {".json", ".jsonl"}
# Fields of a JSON article that hold text (body/text and headline/title are synonyms).
TEXT_FIELDS = ("body", "text", "title", "headline", "url", "source", "published_at", "published", "language")
# A first line this short that does not end a sentence reads as a headline, not a paragraph.
HEADLINE_MAX_CHARS = 200


@dataclass
class ArticleIn:
    body: str
    title: str | None = None
    url: str | None = None
    source: str | None = None
    published_at: str | None = None
    language: str | None = None  # ISO 639-1 (or a tag such as fr-FR, from an HTML page); None: detected
    origin: str | None = field(default=None, compare=False)  # where it was read from, for messages
    # Read from a page: where the date came from, why when two readings disagreed, and the page itself.
    published_at_source: str | None = None
    date_conflict: str | None = None
    html: str | None = field(default=None, repr=False)


def split_headline(text: str) -> tuple[str | None, str]:
    """Return (headline, text) when the first line reads as a headline."""
    first = text.lstrip().split("\n", 1)[0].strip()
    if first and len(first) <= HEADLINE_MAX_CHARS and not first.endswith((".", "”", '"')):
        return first, text
    return None, text


def article_from_mapping(data: dict, origin: str | None = None) -> ArticleIn:
    """Build an ArticleIn from a JSON object (accepting common field synonyms)."""
    if not isinstance(data, dict):
        raise ArticleError(f"{origin or 'item'}: expected a JSON object")
    # Other fields are ignored (crawler output carries many: author, tags, id), but one that looks like a
    # misspelt known field ("publised_at") is refused: ignoring it would drop the value without a word.
    for name in sorted(set(data) - set(TEXT_FIELDS)):
        near = difflib.get_close_matches(name.lower(), TEXT_FIELDS, n=1, cutoff=0.8)
        if near:
            shown = name.encode("utf-8", "backslashreplace").decode()  # a key may hold a lone surrogate
            raise ArticleError(f"{origin or 'item'}: unknown field {shown} (did you mean {near[0]}?)")
    for name in TEXT_FIELDS:
        if data.get(name) is not None and not isinstance(data[name], str):
            raise ArticleError(f"{origin or 'item'}: {name} must be a string")
    body = data.get("body") or data.get("text")
    if not body or not body.strip():
        raise ArticleError(f"{origin or 'item'}: body is missing or empty")
    return ArticleIn(
        body=body,
        title=data.get("title") or data.get("headline"),
        url=data.get("url"),
        source=data.get("source"),
        published_at=data.get("published_at") or data.get("published"),
        language=data.get("language"),
        origin=origin,
    )


def read_text(path: Path) -> str:
    """Return a file's UTF-8 text, or raise an ArticleError naming the file."""
    try:
        # utf-8-sig: a byte-order mark opening a file is part of its encoding, not of its text.
        return path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ArticleError(f"{path}: not UTF-8 text (byte {exc.start})") from None
    except OSError as exc:
        raise ArticleError(f"{path}: cannot be read ({exc.strerror})") from None


def read_bytes(path: Path) -> bytes:
    """Return a file's bytes, or raise an ArticleError naming the file."""
    try:
        return path.read_bytes()
    except OSError as exc:
        raise ArticleError(f"{path}: cannot be read ({exc.strerror})") from None


def decode_line(raw: bytes, where: str) -> str:
    """Return one line's UTF-8 text, or raise an ArticleError naming where it came from."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ArticleError(f"{where}: not UTF-8 text (byte {exc.start})") from None


def parse_json(text: str, where: str, line: int = 0):
    """Return the JSON value of text, or raise an ArticleError naming where it came from (line: its line number)."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise ArticleError(f"{where}: not valid JSON (line {line or exc.lineno} column {exc.colno})") from None
    except (RecursionError, ValueError) as exc:  # nesting past the parser's depth; an int of over 4,300 digits
        raise ArticleError(f"{where}: JSON this command cannot read ({type(exc).__name__})") from None


def read_text_file(path: Path, meta: dict | None = None) -> ArticleIn:
    """Read a crawled text file; meta comes from a manifest entry when there is one."""
    meta = meta or {}
    text = read_text(path)
    title = None
    if meta.get("has_headline", True):
        title, text = split_headline(text)
    return ArticleIn(
        body=text,
        title=meta.get("title") or title,
        url=meta.get("url"),
        source=meta.get("source"),
        published_at=meta.get("published_at"),
        origin=str(path),
    )


def read_json_file(path: Path, errors: list[str] | None = None) -> Iterator[ArticleIn]:
    """Yield the articles of a .json file (object, list, or {"articles": [...]}) or .jsonl file.

    With an errors list, a broken line or item is reported there and the others still come; else it raises.
    """
    if path.suffix == ".jsonl":
        # Line by line from the bytes: a line that is not UTF-8 is that line's error, not the whole file's.
        for number, raw in enumerate(read_bytes(path).removeprefix(b"\xef\xbb\xbf").splitlines(), 1):
            if raw.strip():
                yield from _collect(errors, lambda: [article_from_mapping(
                    parse_json(decode_line(raw, f"{path}:{number}"), f"{path}:{number}", number), f"{path}:{number}")])
        return
    data = parse_json(read_text(path), str(path))
    if isinstance(data, dict) and "articles" in data:
        data = data["articles"]
    for index, item in enumerate(data if isinstance(data, list) else [data]):
        yield from _collect(errors, lambda: [article_from_mapping(item, f"{path}[{index}]")])


def _collect(errors: list[str] | None, read) -> list[ArticleIn]:
    """Return read()'s articles; an ArticleError goes to errors when given (reading goes on), else it raises."""
    try:
        return read()
    except ArticleError as exc:
        if errors is None:
            raise
        errors.append(str(exc))
        return []


def read_manifest(path: Path, errors: list[str] | None = None) -> Iterator[ArticleIn]:
    """Yield the articles a manifest.json lists, with their metadata (errors: as for read_json_file)."""
    manifest = parse_json(read_text(path), str(path))
    for entry in manifest["articles"]:
        yield from _collect(errors, lambda: [read_text_file(path.parent / entry["file"], entry)])


def is_manifest(path: Path) -> bool:
    """Tell whether a JSON file is a manifest (entries point at files) rather than articles."""
    if path.name != "manifest.json":
        return False
    data = parse_json(read_text(path), str(path))
    return isinstance(data, dict) and all(isinstance(e, dict) and "file" in e for e in data.get("articles", []))


def read_paths(paths: Iterable[str | Path], errors: list[str] | None = None) -> Iterator[ArticleIn]:
    """Yield articles from files, folders (a manifest when present) and manifests.

    With an errors list, an unreadable file, line or item is reported there (naming it) and reading goes on;
    without one the first such problem raises an ArticleError.
    """
    for raw in paths:
        path = Path(raw)
        yield from _collect(errors, lambda: list(_read_path(path, errors)))


def _read_path(path: Path, errors: list[str] | None) -> Iterator[ArticleIn]:
    """Yield the articles of one file or folder."""
    if path.is_dir():
        manifest = path / "manifest.json"
        if manifest.exists() and is_manifest(manifest):
            yield from read_manifest(manifest, errors)
            return
        files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix in TEXT_SUFFIXES | JSON_SUFFIXES | HTML_SUFFIXES)
        yield from read_paths(files, errors)
    elif not path.exists():
        raise ArticleError(f"{path}: no such file or folder")
    elif is_manifest(path):
        yield from read_manifest(path, errors)
    elif path.suffix in JSON_SUFFIXES:
        yield from read_json_file(path, errors)
    elif path.suffix.lower() in HTML_SUFFIXES:
        from ..web.articles import read_html_file

        yield read_html_file(path)
    else:
        yield read_text_file(path)
