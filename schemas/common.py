"""Building blocks shared by the resource schemas: query-args base, partial dates, cursors, safe text."""
import base64
import binascii
import calendar
import json
import re
from datetime import date
from urllib.parse import urlsplit

from marshmallow import RAISE, Schema, ValidationError, fields, pre_load, validate


MAX_ID = 2**31 - 1
MAX_LANGUAGE_TAG = 35
SURROGATE = re.compile("[\ud800-\udfff]")
SURROGATE_MESSAGE = "must not contain lone UTF-16 surrogates (\\ud800-\\udfff): it is not valid Unicode text"
REPEATED = "Given more than once; this parameter takes one value."
MAX_REPEATS = 20
TOO_MANY = f"Given more than {MAX_REPEATS} times; a repeatable parameter takes at most {MAX_REPEATS} values."
PARTIAL_DATE = re.compile(r"^([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?$")
# int() reads any script's digits (١٢ is 12); numbers in this API are written with ASCII digits.
ASCII_INTEGER = re.compile(r"[+-]?[0-9]{1,18}")


class QueryArgs(Schema):
    """Query-string arguments: an unknown name is an error, never silently ignored."""

    class Meta:
        unknown = RAISE

    @pre_load
    def once_each(self, data, **kwargs):
        """Refuse a single-valued parameter given twice (limit=1&limit=2): which one was meant is a guess."""
        # webargs hands query strings over as a MultiDictProxy: the raw multidict and the names that take lists.
        raw, multiple = getattr(data, "data", None), getattr(data, "multiple_keys", set())
        if hasattr(raw, "getlist"):
            repeated = sorted(name for name in raw if name not in multiple and len(raw.getlist(name)) > 1)
            if repeated:
                raise ValidationError({name: [REPEATED] for name in repeated})
            # Each repeat is one more condition in one SQL statement; hundreds overflow SQLite's parser.
            too_many = sorted(name for name in multiple if len(raw.getlist(name)) > MAX_REPEATS)
            if too_many:
                raise ValidationError({name: [TOO_MANY] for name in too_many})
        return data


class NoQuery(QueryArgs):
    """Routes that take no query-string arguments."""


class Body(Schema):
    """JSON request bodies: unknown fields are errors too."""

    class Meta:
        unknown = RAISE

    @pre_load
    def valid_unicode(self, data, **kwargs):
        """Refuse a lone surrogate in any field, whatever its type, before a message can echo it."""
        if isinstance(data, dict):
            bad = {}
            for name, value in data.items():
                strings = value if isinstance(value, list) else [value]
                if any(isinstance(item, str) and SURROGATE.search(item) for item in strings):
                    bad[name] = [SURROGATE_MESSAGE]
            if bad:
                raise ValidationError(bad)
        return data


def no_nul(value: str) -> None:
    """Refuse text no database can store: NUL (PostgreSQL text cannot hold it) and lone surrogates (not UTF-8)."""
    if "\x00" in value:
        raise ValidationError("must not contain NUL characters")
    if SURROGATE.search(value):
        raise ValidationError(SURROGATE_MESSAGE)


def Text(**kwargs):
    """Return a String field that refuses NUL characters (and validates whatever else is given)."""
    extra = kwargs.pop("validate", [])
    validators = [no_nul, *(extra if isinstance(extra, list) else [extra])]
    return fields.String(validate=validators, **kwargs)


class Integer(fields.Integer):
    """An integer given as a JSON number or as ASCII digits."""

    def _validated(self, value):
        if isinstance(value, str) and not ASCII_INTEGER.fullmatch(value.strip()):
            raise self.make_error("invalid")
        return super()._validated(value)


MAX_URL = 2000


class WebUrl(fields.Url):
    """An http(s) URL of at most MAX_URL characters whose port, if any, is a real one (0-65535)."""

    def __init__(self, **kwargs):
        super().__init__(schemes={"http", "https"}, validate=[validate.Length(max=MAX_URL), real_port], **kwargs)


def real_port(url: str) -> None:
    """Refuse a port past 65535: the URL pattern takes any digits, and urlsplit().port, which the fetcher and
    the address guard ask, raises for it."""
    try:
        urlsplit(url).port
    except ValueError:
        raise ValidationError("must be an http or https URL with a port from 0 to 65535") from None


def Id(**kwargs):
    """Return an Integer field limited to the range both databases store."""
    return Integer(strict=False, validate=validate.Range(1, MAX_ID), **kwargs)


class PartialDate(fields.Field):
    """A year, month or day (2021, 2021-04, 2021-04-06) loaded as its inclusive (first, last) day."""

    default_error_messages = {"invalid": "must be a date as YYYY, YYYY-MM or YYYY-MM-DD"}

    def _deserialize(self, value, attr, data, **kwargs):
        match = PARTIAL_DATE.match(str(value).strip())
        if not match:
            raise self.make_error("invalid")
        year, month, day = (int(part) if part else None for part in match.groups())
        try:
            # Month or day 00 is a value, not an absence: date() refuses it instead of it reading as a whole year.
            if day is not None:
                first = last = date(year, month, day)
            elif month is not None:
                first = date(year, month, 1)
                last = date(year, month, calendar.monthrange(year, month)[1])
            else:
                first, last = date(year, 1, 1), date(year, 12, 31)
        except ValueError:
            raise self.make_error("invalid") from None
        return first, last

    def _serialize(self, value, attr, obj, **kwargs):
        return None if value is None else value[0].isoformat()


class Language(fields.String):
    """An ISO 639 code (fr, fil), or a language tag that starts with one (fr-FR), loaded as the code."""

    default_error_messages = {"invalid": "must be an ISO 639 language code such as fr or fil, or a tag such as fr-FR"}

    def __init__(self, **kwargs):
        metadata = {"description": "ISO 639-1 language code (fr, ru, hi); a tag such as fr-FR is read as fr",
                    "example": "fr", **kwargs.pop("metadata", {})}
        super().__init__(metadata=metadata, validate=validate.Length(max=MAX_LANGUAGE_TAG), **kwargs)

    def _deserialize(self, value, attr, data, **kwargs):
        from service.extraction.locales import language_code

        tag = super()._deserialize(value, attr, data, **kwargs)
        if len(tag) > MAX_LANGUAGE_TAG:  # checked on the tag as given: its code is always short
            raise self.make_error("invalid")
        try:
            return language_code(tag)
        except ValueError:
            raise self.make_error("invalid") from None


class Cursor(fields.Field):
    """An opaque page token: the sort key of the last item seen, base64url-encoded JSON."""

    default_error_messages = {"invalid": "is not a cursor this API issued; follow the `next` link"}

    @staticmethod
    def encode(key) -> str:
        """Return the token for key (a JSON-ready list)."""
        raw = json.dumps(key, separators=(",", ":")).encode()
        return base64.urlsafe_b64encode(raw).decode().rstrip("=")

    def _deserialize(self, value, attr, data, **kwargs):
        try:
            raw = base64.urlsafe_b64decode(str(value) + "=" * (-len(str(value)) % 4))
            key = json.loads(raw)
        except (binascii.Error, ValueError):
            raise self.make_error("invalid") from None
        if not isinstance(key, list) or not key:
            raise self.make_error("invalid")
        # A forged key must fail here, not as an overflow in the database driver.
        if any(isinstance(part, int) and not -MAX_ID <= part <= MAX_ID for part in key):
            raise self.make_error("invalid")
        return key


def check_range(data, start="from_", end="to"):
    """Refuse a from date after the to date."""
    if data.get(start) and data.get(end) and data[start][0] > data[end][1]:
        raise ValidationError("must not be after `to`", "from")
