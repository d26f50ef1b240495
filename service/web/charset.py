"""Turn the bytes of a page into text: byte-order mark, UTF-8, declared charset, then a detector."""
from __future__ import annotations

import codecs
import re

import charset_normalizer

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]+encoding\s*=\s*["']([a-zA-Z0-9_.:-]+)""", re.I)
# A declaration is looked for where browsers look for it: near the top.
_PRESCAN_BYTES = 4096


class NotText(ValueError):
    """Bytes that no charset turns into text."""


def declared_charset(data: bytes) -> str | None:
    """Return the charset a page or feed declares in its own markup, if any."""
    head = data[:_PRESCAN_BYTES]
    match = _META_CHARSET.search(head) or _XML_ENCODING.search(head)
    return match.group(1).decode("ascii").lower() if match else None


def _codec(name: str | None) -> str | None:
    """Return Python's codec for a charset label, or None for one it does not know."""
    try:
        return codecs.lookup(name).name if name else None
    except LookupError:
        return None


def decode(data: bytes, header_charset: str | None = None) -> tuple[str, str]:
    """Return (text, charset used) for data; raise NotText when it is not text in any charset."""
    for bom, name in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return data.decode(name, errors="replace"), name
    if b"\x00" in data[:_PRESCAN_BYTES]:
        raise NotText("binary content (NUL bytes), not text")
    # Valid UTF-8 with non-ASCII bytes is almost never another charset by chance, while pages that say
    # iso-8859-1 and send UTF-8 are common: trusting the label would turn every accent into mojibake.
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    for label in (header_charset, declared_charset(data)):
        codec = _codec(label)
        if codec and codec != "utf-8":
            try:
                return data.decode(codec), codec
            except UnicodeDecodeError:
                continue  # a wrong label: the detector decides
    best = charset_normalizer.from_bytes(data[:262144]).best()
    if best is None or best.encoding is None:
        raise NotText("not text in any charset")
    return data.decode(best.encoding, errors="replace"), best.encoding
