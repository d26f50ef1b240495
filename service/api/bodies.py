"""What a JSON request body may be: UTF-8, bounded nesting and numbers, valid Unicode keys; else a 400 that says why.

A lone surrogate in a value is the field's own error (schemas.common.Body), so one batch item's is that item's.
"""
import json
import math
import re

# No body of this API nests deeper than a few levels ({"articles": [{...}]}); a limit far above that refuses
# bodies built to exhaust the parser's recursion.
MAX_DEPTH = 20
# No field of this API takes a number longer than an id; Python refuses to read ints past 4,300 digits anyway.
MAX_NUMBER_CHARS = 40
SURROGATE = re.compile("[\ud800-\udfff]")


class BodyError(ValueError):
    """A request body that is not JSON this API can read."""


def _number(kind):
    def parse(text: str):
        if len(text) > MAX_NUMBER_CHARS:
            raise BodyError(f"a number in the body is longer than {MAX_NUMBER_CHARS} characters")
        value = kind(text)
        if not math.isfinite(value):  # 1e999 reads as infinity
            raise BodyError(f"the number {text} is out of range")
        return value

    return parse


def _constant(name: str):
    raise BodyError(f"{name} is not a JSON number")


def load_json(data: bytes):
    """Return the JSON value of a request body, or raise a BodyError naming what is wrong with it."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise BodyError(f"the body is not UTF-8 (byte {exc.start}: {exc.reason})") from None
    try:
        value = json.loads(text, parse_int=_number(int), parse_float=_number(float), parse_constant=_constant)
    except RecursionError:
        raise BodyError(f"the body nests deeper than {MAX_DEPTH} levels") from None
    except json.JSONDecodeError as exc:
        raise BodyError(f"the request body is not valid JSON ({exc.msg}: line {exc.lineno} column {exc.colno})") from None
    check_value(value)
    return value


def check_value(value) -> None:
    """Refuse nesting past MAX_DEPTH and a key holding a lone surrogate (\\ud800 escape): messages echo keys."""
    pending = [(value, 1)]
    while pending:
        item, depth = pending.pop()
        if isinstance(item, (list, dict)) and depth > MAX_DEPTH:
            raise BodyError(f"the body nests deeper than {MAX_DEPTH} levels")
        if isinstance(item, dict):
            if any(SURROGATE.search(key) for key in item):
                raise BodyError("a key in the body holds a lone UTF-16 surrogate (\\ud800-\\udfff): it is not valid Unicode text")
            pending.extend((child, depth + 1) for child in item.values())
        elif isinstance(item, list):
            pending.extend((child, depth + 1) for child in item)
