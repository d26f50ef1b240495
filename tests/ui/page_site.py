"""What the page's browser tests and bench share: how Chromium is started, and the hostile rows they add."""
import importlib.util
import json
from pathlib import Path
from urllib.request import urlopen

CHROMIUM = Path("/usr/bin/chromium")
# As the machine's own probe runs it: without the networking flags Chromium calls Google's hosts at start.
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
HOSTILE = "<img src=x onerror=alert(1)>"
AMPERSAND = "R&D <and>"


def api_rows():
    """Return tests/api's row builders, loaded under a name of their own (every folder's conftest is "conftest")."""
    spec = importlib.util.spec_from_file_location("api_rows", Path(__file__).parents[1] / "api" / "conftest.py")
    rows = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(rows)
    return rows


def add_hostile_topics(database_url: str) -> dict:
    """Store two events whose only topics have names that are also HTML; return their topics' slugs."""
    rows = api_rows()
    add_article, add_event = rows.add_article, rows.add_event

    from service.db import db, init_database
    from service.models import Topic

    init_database(database_url)
    with db.connection_context():
        article = add_article("A hostile note", "2024-05-02", "Test wire", url="https://example.org/note")
        slugs = {}
        for day, name, slug in (("2024-05-01", HOSTILE, "hostile"), ("2024-05-02", AMPERSAND, "r-and-d")):
            topic = Topic.create(name=name, slug=slug)
            add_event(article, f"An event about {slug}", day, day, day, "day", topics=[topic],
                      quote=f"First line about {slug}.\nSecond line.")
            slugs[name] = slug
    db.close()
    return slugs


def titles_of(site, query: str) -> list[str]:
    """Return the titles of the events the site's /api/timeline gives for query, oldest first, without the browser."""
    with urlopen(f"{site.url}/api/timeline?format=json&limit=5000&{query}", timeout=30) as response:
        return [event["title"] for group in json.load(response)["dates"] for event in group["events"]]
