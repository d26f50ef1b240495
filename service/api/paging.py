"""The one pagination envelope and its headers: next link, Link (RFC 8288), an ETag for 304s."""
from flask import request

from schemas.common import Cursor

from .urls import this_page_with


def page(items, next_key):
    """Return the (body, status, headers) of one page of a list."""
    next_url = this_page_with(cursor=Cursor.encode(next_key)) if next_key else None
    headers = {}
    if next_url:
        headers["Link"] = f'<{next_url}>; rel="next"'
    return {"items": items, "next": next_url}, 200, headers


def conditional(response):
    """Add an ETag to a successful GET under /api and answer 304 when the client's copy is current."""
    # No Last-Modified: no row time says when a list last changed (deletes and event counts move no row's
    # time), so If-Modified-Since would answer stale 304s. The ETag hashes the body itself.
    if request.method in ("GET", "HEAD") and response.status_code == 200 and response.is_json and not response.direct_passthrough:
        response.add_etag(weak=True)
        response.make_conditional(request)
    return response
