"""Timeline: a REST API that turns news articles into a dated, filterable timeline of events."""
import logging


def create_app(test_config=None):
    """Create the Flask app: defaults, then the environment, then test overrides."""
    # Imported here so that `service.extraction`, used on its own (CLI --jsonl, batch jobs), loads no web stack.
    from flask import Flask, request

    from .api import register_api
    from .config import from_environment
    from .db import db, init_database

    app = Flask(__name__)
    app.config.from_mapping(from_environment())
    if test_config:
        app.config.update(test_config)
    logging.basicConfig(level=app.config["LOG_LEVEL"], format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    init_database(app.config["DATABASE_URL"])

    @app.before_request
    def open_connection():
        # Liveness must not depend on the database; readiness and everything else do.
        if request.endpoint != "health.healthz":
            db.connect(reuse_if_open=True)

    @app.teardown_request
    def close_connection(exc):
        if not db.is_closed():
            db.close()

    register_api(app)
    return app
