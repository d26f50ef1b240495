"""Timeline: a REST API that turns news articles into a dated, filterable timeline of events."""
import logging


def create_app(test_config=None):
    """Create the Flask app: defaults, then the environment, then test overrides."""
    # Imported here so that `service.extraction`, used on its own (CLI --jsonl, batch jobs), loads no web stack.
    from flask import Flask, request

    from .api import register_api
    from .config import from_environment
    from .db import db, init_database, is_postgres
    from .ui import blp as ui_page

    app = Flask(__name__)
    app.config.from_mapping(from_environment())
    if test_config:
        app.config.update(test_config)
    logging.basicConfig(level=app.config["LOG_LEVEL"], format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    init_database(app.config["DATABASE_URL"])

    @app.before_request
    def open_connection():
        # Liveness and the page's static files must not depend on the database; readiness and everything else do.
        if request.endpoint not in ("health.healthz", "ui.static"):
            db.connect(reuse_if_open=True)

    @app.teardown_request
    def close_connection(exc):
        # A SQLite file has no server to lose: keeping each worker thread's connection saves the open, pragmas
        # and close of every request and keeps its page cache warm. On PostgreSQL,
        # close() hands the connection back to the process's pool, which pings it before reuse, so a worker
        # recovers by itself from a database outage.
        if not db.is_closed() and (exc is not None or is_postgres()):
            db.close()

    register_api(app)
    app.register_blueprint(ui_page)
    return app
