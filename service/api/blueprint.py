"""A flask-smorest Blueprint that refuses unknown query names and documents problems and auth."""
import functools

import flask_smorest
from flask import request
from webargs import core
from webargs.flaskparser import FlaskParser, is_json_request
from werkzeug.exceptions import RequestEntityTooLarge

from schemas.common import NoQuery
from schemas.errors import ProblemSchema

from .auth import require_token
from .bodies import BodyError, load_json
from .errors import PROBLEM_TYPE


class Parser(FlaskParser):
    # None: let each schema's Meta.unknown (RAISE) decide, instead of webargs' EXCLUDE for query strings.
    DEFAULT_UNKNOWN_BY_LOCATION = {location: None for location in FlaskParser.DEFAULT_UNKNOWN_BY_LOCATION}

    def _raw_load_json(self, req):
        """Read the body with this API's limits (bodies.load_json): a bad body is a 400 that says why."""
        if not is_json_request(req):
            return core.missing
        data = req.get_data(cache=True)
        limit = req.max_content_length
        # A chunked body has no Content-Length to refuse up front: werkzeug stops reading at the limit and
        # raises only on the next read, so a body cut there would otherwise read as broken JSON.
        if req.content_length is None and limit is not None and len(data) >= limit and req.stream.read(1):
            raise RequestEntityTooLarge()
        try:
            return load_json(data)
        except BodyError as exc:
            flask_smorest.abort(400, message=str(exc), errors={"_body": [str(exc)]}, type="/api/docs#invalid-json")


class Blueprint(flask_smorest.Blueprint):
    ARGUMENTS_PARSER = Parser()

    def arguments(self, schema, *args, **kwargs):
        """Parse with one instance of a schema class: given the class, webargs builds an instance per request."""
        # Building EventListArgs (a deep copy of every field) was a fifth of an event page answered from memory;
        # a marshmallow schema keeps no state between loads, so one instance serves every request and thread.
        return super().arguments(schema() if isinstance(schema, type) else schema, *args, **kwargs)

    def problems(self, *codes):
        """Document the problem responses a view can give."""

        def decorator(func):
            for code in codes:
                func = self.alt_response(code, schema=ProblemSchema, content_type=PROBLEM_TYPE)(func)
            return func

        return decorator

    def no_query(self, func):
        """Refuse any query parameter on a view that takes none."""
        return self.arguments(NoQuery, location="query", as_kwargs=True)(func)

    def writes(self, func):
        """Require a bearer token (checked before the body is read) and a JSON body on POST/PATCH."""

        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            require_token()
            if request.method in ("POST", "PATCH", "PUT") and not request.is_json:
                flask_smorest.abort(415, message="send the body as JSON with Content-Type: application/json", type="/api/docs#media-type")
            # A compressed body would be read as broken JSON; decompressing one invites a zip bomb.
            if request.headers.get("Content-Encoding", "identity").strip().lower() != "identity":
                flask_smorest.abort(415, message="send the body uncompressed (no Content-Encoding)", type="/api/docs#media-type")
            return func(*args, **kwargs)

        wrapper = self.problems(401, 403, 413, 415)(wrapper)
        return self.doc(security=[{"bearerAuth": []}])(wrapper)
