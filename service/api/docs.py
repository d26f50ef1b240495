"""The OpenAPI document (with this request's server URL) and a self-contained page that renders it."""
from flask import Blueprint, current_app, render_template

from .urls import api_root

blp = Blueprint("docs", __name__, url_prefix="/api", template_folder="templates")


@blp.get("/openapi.json")
def openapi_json():
    """Serve the OpenAPI 3 document, its server being wherever the client reached us (proxy included)."""
    spec = current_app.extensions["timeline-api"].spec.to_dict()
    return {**spec, "servers": [{"url": api_root(), "description": "this server"}]}


@blp.get("/docs")
def docs_page():
    """Serve the API reference page; it needs no CDN: it reads openapi.json with a few lines of script."""
    return render_template("api_docs.html")
