"""Liveness probe."""
from flask import Blueprint

blp = Blueprint("health", __name__)


@blp.get("/healthz")
def healthz():
    """Say the process is up."""
    return {"status": "ok"}
