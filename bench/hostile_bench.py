"""Measure how long real gunicorn (gunicorn.conf.py defaults) takes to answer pathological articles.

The target: every request answered in under 5 s at the default body limit, with a problem+json refusal,
never gunicorn's worker timeout. Each body is sent alone to a fresh database, one after another.

    .venv/bin/python bench/hostile_bench.py [--budget 4]
"""
import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "deploy"))

from servers import TOKEN, Gunicorn, request, upgrade_schema  # noqa: E402

LIMIT = 2 * 1024 * 1024 - 100  # the default body limit, less the JSON around the body
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def bodies() -> dict[str, str]:
    """Return the pathological bodies by name, each as large as the body limit allows."""
    return {
        "weekday names, one sentence": ("Lavrov met Jaishankar on " + " ".join(WEEKDAYS * 60_000))[:LIMIT] + ".",
        "dates, one sentence": ("Talks were held on " + ", ".join(f"{d % 28 + 1} March {2000 + d % 20}" for d in range(150_000)))[:LIMIT] + ".",
        "dated sentences": ("Lavrov met Jaishankar in New Delhi on 6 April 2021. " * 50_000)[:LIMIT],
        "one line, no dates": ("Lavrov met Jaishankar in New Delhi about defence " * 50_000)[:LIMIT],
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--budget", help="TIMELINE_EXTRACTION_BUDGET for the server (default: the app's own)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        database_url = f"sqlite:///{workdir / 'hostile.db'}"
        upgrade_schema(database_url)
        env = {"TIMELINE_EXTRACTION_BUDGET": args.budget} if args.budget else {}
        server = Gunicorn(workdir, database_url, workers=2, trusted_proxies=0, env=env).start()
        try:
            for name, body in bodies().items():
                started = time.monotonic()
                response = request(server.url, "POST", "/api/articles", {"body": body, "published_at": "2021-04-07"},
                                   {"Authorization": f"Bearer {TOKEN}"}, timeout=120)
                elapsed = time.monotonic() - started
                detail = json.loads(response.body).get("detail", "") if response.body else ""
                print(f"{name:30} {len(body):>9,} chars  {response.status}  {response.headers.get('Content-Type'):26} "
                      f"{elapsed:5.2f} s  {detail[:60]}")
        finally:
            server.stop()


if __name__ == "__main__":
    main()
