"""The HTTP API: one blueprint per resource, described by one OpenAPI document."""
from flask_smorest import Api

from . import articles, events, health


def register_api(app):
    """Attach the API blueprints and the OpenAPI document to app."""
    app.config.setdefault("API_TITLE", "Timeline")
    app.config.setdefault("API_VERSION", "v1")
    app.config.setdefault("OPENAPI_VERSION", "3.0.3")
    app.config.setdefault("OPENAPI_URL_PREFIX", "/api")
    app.config.setdefault("OPENAPI_JSON_PATH", "openapi.json")
    api = Api(app)
    app.register_blueprint(health.blp)
    api.register_blueprint(events.blp)
    api.register_blueprint(articles.blp)
    return api
