"""The one URL builder: absolute links that respect the proxy's scheme, host and prefix."""
from urllib.parse import urlencode

from flask import request, url_for


def link(endpoint: str, query=None, **values) -> str:
    """Return the absolute URL of endpoint with query (a mapping or list of pairs) as its query string."""
    url = url_for(endpoint, _external=True, **values)
    pairs = query.items(multi=True) if hasattr(query, "items") and hasattr(query, "getlist") else (query or {})
    pairs = list(pairs.items() if isinstance(pairs, dict) else pairs)
    return f"{url}?{urlencode(pairs)}" if pairs else url


def this_page_with(**changes) -> str:
    """Return the current request's URL with some query parameters replaced."""
    pairs = [(k, v) for k, v in request.args.items(multi=True) if k not in changes]
    pairs += [(k, v) for k, v in changes.items() if v is not None]
    return link(request.endpoint, pairs, **(request.view_args or {}))


def api_root() -> str:
    """Return the absolute URL the app is mounted at (with the proxy's prefix), without a trailing slash."""
    return request.url_root.rstrip("/")
