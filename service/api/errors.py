"""The one error shape: every 4xx and 5xx answers as RFC 9457 application/problem+json."""
import logging
import uuid
from http import HTTPStatus

from flask import current_app
from peewee import DataError, IntegrityError, InterfaceError, OperationalError
from werkzeug.exceptions import HTTPException

from schemas.common import MAX_REPEATS, REPEATED, TOO_MANY

from ..errors import ArticleError, BadCursor, Refused, UnknownName

log = logging.getLogger(__name__)
PROBLEM_TYPE = "application/problem+json"
# How long a client should wait before retrying while the database is unreachable.
RETRY_AFTER_SECONDS = 5
UNKNOWN_FIELD = "Unknown field."


def problem(status: int, detail: str | None = None, *, errors=None, type_: str = "about:blank", headers=None):
    """Return a problem+json response."""
    body = {"type": type_, "title": HTTPStatus(status).phrase, "status": status}
    if detail:
        body["detail"] = detail
    if errors:
        body["errors"] = errors
    response = current_app.json.response(body)
    response.status_code = status
    response.content_type = PROBLEM_TYPE
    response.headers.update(headers or {})
    return response


def _validation_problem(exc):
    """Turn webargs' messages into 400 (unknown names, bad JSON) or 422 (bad values)."""
    messages = exc.data.get("messages") or {}
    errors = {}
    for location_errors in messages.values():
        errors.update(location_errors if isinstance(location_errors, dict) else {"_body": location_errors})
    unknown = sorted(name for name, msgs in errors.items() if msgs == [UNKNOWN_FIELD])
    location = "query parameter" if "query" in messages else "field"
    if unknown:
        detail = f"unknown {location}{'s' if len(unknown) > 1 else ''}: {', '.join(unknown)}"
        return problem(400, detail, errors={n: [f"Unknown {location}."] for n in unknown}, type_="/api/docs#unknown-parameter")
    repeated = sorted(name for name, msgs in errors.items() if msgs == [REPEATED])
    if repeated:
        detail = f"query parameter{'s' if len(repeated) > 1 else ''} given more than once: {', '.join(repeated)}"
        return problem(400, detail, errors={n: [REPEATED] for n in repeated}, type_="/api/docs#repeated-parameter")
    too_many = sorted(name for name, msgs in errors.items() if msgs == [TOO_MANY])
    if too_many:
        detail = f"query parameter{'s' if len(too_many) > 1 else ''} given more than {MAX_REPEATS} times: {', '.join(too_many)}"
        return problem(400, detail, errors={n: [TOO_MANY] for n in too_many}, type_="/api/docs#repeated-parameter")
    if exc.code == 400:
        return problem(400, "the request body is not valid JSON", errors=errors, type_="/api/docs#invalid-json")
    names = ", ".join(sorted(errors))
    return problem(422, f"invalid {location}s: {names}", errors=errors, type_="/api/docs#validation")


def http_problem(exc: HTTPException):
    """Render any HTTP exception, including the ones webargs and flask-smorest raise, as a problem."""
    data = getattr(exc, "data", None) or {}
    if "messages" in data:
        return _validation_problem(exc)
    headers = {k: v for k, v in exc.get_headers() if k.lower() != "content-type"}
    headers.update(data.get("headers") or {})
    detail = data.get("message") or exc.description
    return problem(exc.code or 500, detail, errors=data.get("errors"), type_=data.get("type", "about:blank"), headers=headers)


# SQLite's refusals of a statement too big to run: the request's fault, not an outage to retry.
TOO_COMPLEX = ("parser stack overflow", "expression tree is too large", "too many sql variables", "too many terms",
               "pattern too complex", "string or blob too big")


def unavailable(exc):
    """Answer 503 when the database cannot be reached, so clients and balancers retry later."""
    if any(words in str(exc).lower() for words in TOO_COMPLEX):
        log.warning("statement too complex: %s", exc)
        return problem(400, "the request asks for more conditions than one query can hold", type_="/api/docs#too-complex")
    log.warning("database unavailable: %s", exc, exc_info=exc)
    return problem(
        503,
        "the database is unavailable; retry shortly",
        type_="/api/docs#unavailable",
        headers={"Retry-After": str(RETRY_AFTER_SECONDS)},
    )


def conflict(exc):
    """Answer 409 when a write collides with a stored row (a unique slug or url)."""
    return problem(409, "a row with the same unique value already exists", type_="/api/docs#conflict")


def bad_value(exc):
    """Answer 422 for a value the database refused."""
    return problem(422, "a value is outside what the database can store", type_="/api/docs#validation")


def bad_cursor(exc):
    """Answer 400 for a cursor that does not belong to the list."""
    return problem(400, str(exc), errors={"cursor": [str(exc)]}, type_="/api/docs#validation")


def unknown_name(exc):
    """Answer 422 for an actor or topic filter that names nothing, so a typo is not read as "no events"."""
    return problem(422, str(exc), errors={exc.field: [str(exc)]}, type_="/api/docs#unknown-name")


def unstorable_article(exc):
    """Answer 422 for an article that cannot be stored as given (an empty body, a publication date not ISO 8601)."""
    # A page or URL that cannot be read names its field (html, url); other refusals concern the body.
    return problem(422, str(exc), errors={getattr(exc, "field", "body"): [str(exc)]}, type_="/api/docs#validation")


def refused(exc):
    """Answer a write the stored rows forbid: 409 for a name another actor holds, 422 for a bad topic parent."""
    kind = "/api/docs#conflict" if exc.status == 409 else "/api/docs#validation"
    return problem(exc.status, str(exc), errors={exc.field: [exc.detail]}, type_=kind)


def unexpected(exc):
    """Log a bug under a reference and still answer in the one error shape, naming the reference."""
    reference = uuid.uuid4().hex[:12]
    log.exception("unhandled error (reference %s)", reference)
    return problem(500, f"an unexpected error occurred; it has been logged with reference {reference}")


def register_error_handlers(app):
    """Route every error class to its problem response."""
    app.register_error_handler(HTTPException, http_problem)
    app.register_error_handler(OperationalError, unavailable)
    app.register_error_handler(InterfaceError, unavailable)
    app.register_error_handler(IntegrityError, conflict)
    app.register_error_handler(DataError, bad_value)
    app.register_error_handler(BadCursor, bad_cursor)
    app.register_error_handler(UnknownName, unknown_name)
    app.register_error_handler(ArticleError, unstorable_article)
    app.register_error_handler(Refused, refused)
    app.register_error_handler(Exception, unexpected)
