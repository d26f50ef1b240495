"""The one error shape: every 4xx and 5xx answers as RFC 9457 application/problem+json."""
import logging
from http import HTTPStatus

from flask import current_app
from peewee import DataError, IntegrityError, InterfaceError, OperationalError
from werkzeug.exceptions import HTTPException

from schemas.common import REPEATED

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


def unavailable(exc):
    """Answer 503 when the database cannot be reached, so clients and balancers retry later."""
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
    return problem(422, str(exc), errors={"body": [str(exc)]}, type_="/api/docs#validation")


def refused(exc):
    """Answer a write the stored rows forbid: 409 for a name another actor holds, 422 for a bad topic parent."""
    kind = "/api/docs#conflict" if exc.status == 409 else "/api/docs#validation"
    return problem(exc.status, str(exc), errors={exc.field: [exc.detail]}, type_=kind)


def unexpected(exc):
    """Log a bug and still answer in the one error shape."""
    log.exception("unhandled error")
    return problem(500, "an unexpected error occurred; it has been logged")


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
