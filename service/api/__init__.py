"""The HTTP API: one blueprint per resource, one error shape, one OpenAPI document, proxy- and browser-aware."""
import http
from datetime import date

from flask import request
from flask.json.provider import DefaultJSONProvider
from flask_cors import CORS
from flask_smorest import Api
from flask_smorest.utils import prepare_response
from werkzeug.middleware.proxy_fix import ProxyFix

from schemas.errors import ProblemSchema
from schemas.timeline import GroupedTimelineSchema, TimelineJSSchema

from ..reads.page_memory import EventPages
from ..reads.rendering import RenderedEvents
from . import actors, articles, docs, events, feeds, health, timeline, topics
from .converters import IdConverter, id_schema
from .errors import PROBLEM_TYPE, register_error_handlers
from .paging import conditional


class TimelineApi(Api):
    ERROR_SCHEMA = ProblemSchema

    def _register_error_handlers(self):
        register_error_handlers(self._app)

    def _register_pagination_header(self):
        """Document no X-Pagination header: pages carry their own envelope (items and the next cursor)."""

    def _register_responses(self):
        """Document every shared error response as problem+json."""
        for status in http.HTTPStatus:
            response = {"description": status.phrase}
            if status >= 400:
                response["schema"] = ProblemSchema
            prepare_response(response, self.spec, PROBLEM_TYPE if status >= 400 else "application/json")
            self.spec.components.response(status.name, response, lazy=True)
        response = {"description": "Problem details (RFC 9457)", "schema": ProblemSchema}
        prepare_response(response, self.spec, PROBLEM_TYPE)
        self.spec.components.response(self.DEFAULT_ERROR_RESPONSE_NAME, response, lazy=True)


# Clients whose users read the JSON in a terminal; everyone else (apps, browsers' viewers) gets it compact.
TERMINAL_CLIENTS = ("curl/", "wget/", "httpie/")


class TimelineJSON(DefaultJSONProvider):
    """UTF-8 JSON in the documented key order, ISO dates; indented for terminal clients."""

    ensure_ascii = False
    sort_keys = False

    @staticmethod
    def default(o):
        if isinstance(o, date):
            return o.isoformat()
        return DefaultJSONProvider.default(o)

    def response(self, *args, **kwargs):
        # Indenting runs json's pure-Python encoder: 5x the cost of the compact C one for a page of events.
        pretty = request.user_agent.string.lower().startswith(TERMINAL_CLIENTS)
        dumped = self.dumps(self._prepare_response_obj(args, kwargs), **({"indent": 2} if pretty else {"separators": (",", ":")}))
        return self._app.response_class(f"{dumped}\n", mimetype=self.mimetype)

    def rendered_response(self, body: dict):
        """Write a page whose items are Rendered events, splicing in their kept JSON unless indenting."""
        if request.user_agent.string.lower().startswith(TERMINAL_CLIENTS):
            return self.response({**body, "items": [item.event for item in body["items"]]})
        rest = self.dumps({key: value for key, value in body.items() if key != "items"}, separators=(",", ":"))
        items = ",".join(item.text for item in body["items"])
        return self._app.response_class(f'{{"items":[{items}]{"," if rest != "{}" else ""}{rest[1:]}\n', mimetype=self.mimetype)


def configure_http(app):
    """Trust the configured proxies, answer browsers' CORS, and write UTF-8 JSON (readable at a terminal)."""
    hops = app.config.get("TRUSTED_PROXIES") or 0
    if hops:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops, x_host=hops, x_prefix=hops)
    if app.config.get("CORS_ORIGINS"):
        CORS(
            app,
            resources={r"/api/*": {"origins": app.config["CORS_ORIGINS"]}},
            expose_headers=["Link", "ETag", "Retry-After"],
        )
    app.json = TimelineJSON(app)
    app.extensions["rendered-events"] = RenderedEvents(app.config.get("EVENT_CACHE_SIZE", 20_000))
    app.extensions["event-pages"] = EventPages(app.config.get("PAGE_CACHE_SIZE", 1_000))


def register_api(app):
    """Attach the API blueprints, error handlers and the OpenAPI document to app."""
    app.config.setdefault("API_TITLE", "Timeline")
    app.config.setdefault("API_VERSION", "v1")
    app.config.setdefault("OPENAPI_VERSION", "3.0.3")
    # None: the spec and docs are served by docs.blp, which adds the request's own server URL.
    app.config["OPENAPI_URL_PREFIX"] = None
    configure_http(app)
    app.url_map.converters["id"] = IdConverter
    api = TimelineApi(app)
    api.register_converter(IdConverter, id_schema)
    api.spec.components.security_scheme("bearerAuth", {"type": "http", "scheme": "bearer"})
    api.spec.components.schema("TimelineJS", schema=TimelineJSSchema)
    api.spec.components.schema("GroupedTimeline", schema=GroupedTimelineSchema)
    app.after_request(conditional)
    app.register_blueprint(health.blp)
    for module in (events, articles, actors, topics, timeline, feeds):
        api.register_blueprint(module.blp)
    app.extensions["timeline-api"] = api
    app.register_blueprint(docs.blp)
    return api
