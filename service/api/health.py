"""Probes: liveness (the process answers) and readiness (the database answers and its schema is current)."""
from flask import Blueprint

from ..db import db
from ..schema import pending
from .errors import RETRY_AFTER_SECONDS, problem

blp = Blueprint("health", __name__)


@blp.get("/healthz")
def healthz():
    """Say the process is up."""
    return {"status": "ok"}


@blp.get("/readyz")
def readyz():
    """Say whether the database answers and needs no migration."""
    todo = pending(db)
    if todo:
        detail = f"the database schema is behind ({len(todo)} migrations pending): run `timeline db upgrade`"
        return problem(503, detail, type_="/api/docs#unavailable", headers={"Retry-After": str(RETRY_AFTER_SECONDS)})
    return {"status": "ready"}
