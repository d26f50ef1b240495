"""The one URL builder: links the client can follow, never naming a host the client made up.

The Host header is the client's to choose: written into `next`, `Link` or the OpenAPI `servers`, a forged one
would send whoever reads a cached answer elsewhere. So links are absolute only from PUBLIC_URL, or from the
request when TRUSTED_HOSTS restricts the hosts it may name (Flask answers 400 to any other); otherwise they are
relative to the server (the path, with the trusted proxy's prefix, and the query).
"""
from urllib.parse import urlencode

from flask import current_app, request, url_for


def origin() -> str:
    """Return what goes before a path: the public URL's origin and prefix, the trusted host's, or nothing."""
    public = current_app.config.get("PUBLIC_URL")
    if public:
        return public.rstrip("/")
    if current_app.config.get("TRUSTED_HOSTS"):
        return request.url_root.rstrip("/")
    return request.script_root


def link(endpoint: str, query=None, **values) -> str:
    """Return the URL of endpoint with query (a mapping or list of pairs) as its query string."""
    # url_for's path starts with the proxy's prefix (script_root); origin() supplies that prefix itself.
    url = origin() + url_for(endpoint, **values)[len(request.script_root):]
    pairs = query.items(multi=True) if hasattr(query, "items") and hasattr(query, "getlist") else (query or {})
    pairs = list(pairs.items() if isinstance(pairs, dict) else pairs)
    return f"{url}?{urlencode(pairs)}" if pairs else url


def this_page_with(**changes) -> str:
    """Return the current request's URL with some query parameters replaced."""
    pairs = [(k, v) for k, v in request.args.items(multi=True) if k not in changes]
    pairs += [(k, v) for k, v in changes.items() if v is not None]
    return link(request.endpoint, pairs, **(request.view_args or {}))


def api_root() -> str:
    """Return the URL the app is mounted at (with the proxy's prefix), without a trailing slash ("/" at the root)."""
    return origin() or "/"
