"""Bearer-token access for writes: tokens come from TIMELINE_API_TOKENS; reads stay public."""
import hmac

from flask import current_app, request
from flask_smorest import abort

NO_TOKENS = (
    "writes are disabled because no API token is configured: run `timeline token new` "
    "and start the service with TIMELINE_API_TOKENS=<token> (comma-separate several)"
)


def token_is_valid(given: str, tokens) -> bool:
    """Compare given against every configured token in constant time."""
    matched = False
    for token in tokens:
        matched |= hmac.compare_digest(given.encode(), token.encode())
    return matched


def require_token():
    """Abort unless the request carries a configured bearer token."""
    tokens = current_app.config.get("API_TOKENS") or []
    if not tokens:
        abort(403, message=NO_TOKENS, type="/api/docs#auth")
    scheme, _, given = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not given.strip():
        abort(401, message="send Authorization: Bearer <token>", type="/api/docs#auth", headers={"WWW-Authenticate": 'Bearer realm="timeline"'})
    if not token_is_valid(given.strip(), tokens):
        abort(401, message="the bearer token is not valid", type="/api/docs#auth", headers={"WWW-Authenticate": 'Bearer realm="timeline", error="invalid_token"'})
