"""Settings read from the environment, with defaults that run on a fresh machine."""
import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def _split(value: str | None) -> list[str]:
    return [item.strip() for item in (value or "").split(",") if item.strip()]


def from_environment(env=os.environ) -> dict:
    """Return the Flask configuration that the environment asks for."""
    data_dir = Path(env.get("TIMELINE_DATA_DIR", PROJECT_ROOT / "data"))
    return {
        "DATA_DIR": str(data_dir),
        "DATABASE_URL": env.get("DATABASE_URL") or f"sqlite:///{data_dir / 'timeline.db'}",
        "API_TOKENS": _split(env.get("TIMELINE_API_TOKENS")),
        "CORS_ORIGINS": _split(env.get("CORS_ORIGINS")),
        # Number of reverse proxies in front of the app whose X-Forwarded-* headers are trusted.
        "TRUSTED_PROXIES": int(env.get("TRUSTED_PROXIES", "0")),
        # Links (next, Link, OpenAPI servers) are absolute only from PUBLIC_URL, or from the request's host when
        # TRUSTED_HOSTS lists the names it may carry (others are a 400); else they are relative to the server.
        "PUBLIC_URL": env.get("PUBLIC_URL") or None,
        "TRUSTED_HOSTS": _split(env.get("TRUSTED_HOSTS")) or None,
        "LOG_LEVEL": env.get("LOG_LEVEL", "INFO").upper(),
        "MAX_CONTENT_LENGTH": int(env.get("MAX_CONTENT_LENGTH", str(2 * 1024 * 1024))),
        # Rendered events each worker keeps (about 1-2 KB each); 0 renders every page from the tables.
        "EVENT_CACHE_SIZE": int(env.get("TIMELINE_EVENT_CACHE", "20000")),
        # Pages of /api/events each worker thread keeps while the database is unchanged; 0 computes every page.
        "PAGE_CACHE_SIZE": int(env.get("TIMELINE_PAGE_CACHE", "1000")),
        # CPU seconds the extraction of one request's articles may take (a batch shares them); past them an article
        # is refused with a 422, well before gunicorn's worker timeout would cut the request off.
        "EXTRACTION_BUDGET": float(env.get("TIMELINE_EXTRACTION_BUDGET", "4")),
        "SEEDS_DIR": env.get("TIMELINE_SEEDS_DIR", str(PROJECT_ROOT / "seeds")),
        # Fetching URLs for API clients opens a door into the network: off unless asked for.
        "URL_INGEST": env.get("TIMELINE_URL_INGEST", "off").strip().lower() in ("on", "true", "1", "yes"),
        # Hosts the API may fetch even when they resolve to loopback or private addresses.
        "FETCH_ALLOW_HOSTS": [host.lower() for host in _split(env.get("TIMELINE_FETCH_ALLOW_HOSTS"))],
        "FETCH_MAX_BYTES": int(env.get("TIMELINE_FETCH_MAX_BYTES", str(5 * 1024 * 1024))),
        "FETCH_TIMEOUT": float(env.get("TIMELINE_FETCH_TIMEOUT", "30")),
        # Environment proxies and SSL_CERT_FILE are ignored by fetches; an internal CA is named here.
        "FETCH_CA_FILE": env.get("TIMELINE_FETCH_CA_FILE") or None,
        # Seconds between two requests to one host while following feeds.
        "FETCH_DELAY": float(env.get("TIMELINE_FETCH_DELAY", "1")),
        "FOLLOW_INTERVAL": int(env.get("TIMELINE_FOLLOW_INTERVAL", "900")),
    }
