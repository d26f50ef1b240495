"""Measure ingest throughput over HTTP: articles/s through POST /api/articles/batch, extraction included.

Articles are the shipped seed articles (real news text, real length) with their paragraphs reordered and
a unique closing line, so each one is new to the deduplication and costs a full extraction. gunicorn runs
with the project's gunicorn.conf.py on a fresh database; several clients send batches of 100 at once.

    .venv/bin/python bench/batch_ingest_bench.py --articles 1000 --clients 4
    .venv/bin/python bench/batch_ingest_bench.py --postgres postgresql://postgres@127.0.0.1:5432/timeline_ingest --reset
"""
import argparse
import json
import random
import sys
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "deploy"))
sys.path.insert(0, str(ROOT))

from servers import TOKEN, Gunicorn, request, upgrade_schema  # noqa: E402

SEEDS = ROOT / "seeds" / "articles"
BATCH = 100


def make_articles(count: int, seed=7) -> list[dict]:
    """Return count distinct articles built from the seed articles' paragraphs."""
    manifest = json.loads((SEEDS / "manifest.json").read_text())["articles"]
    originals = [(entry, (SEEDS / entry["file"]).read_text().split("\n\n")) for entry in manifest]
    rng = random.Random(seed)
    items = []
    for number in range(count):
        entry, paragraphs = originals[number % len(originals)]
        body = paragraphs[:1] + rng.sample(paragraphs[1:], len(paragraphs) - 1)
        items.append({
            "title": f"{entry.get('title') or entry['file']} #{number}",
            "body": "\n\n".join(body) + f"\n\nCorrespondent's note {number}.",
            "url": f"https://bench.example/{number}",
            "source": entry.get("source"),
            "published_at": entry.get("published_at"),
        })
    return items


def send(base: str, batch: list[dict]) -> tuple[float, int, int]:
    """Post one batch; return (seconds, HTTP status, articles created)."""
    started = time.monotonic()
    response = request(base, "POST", "/api/articles/batch", {"articles": batch}, {"Authorization": f"Bearer {TOKEN}"}, timeout=300)
    elapsed = time.monotonic() - started
    created = sum(1 for item in response.json().get("items", []) if item.get("status") == 201) \
        if response.status < 300 else 0
    return elapsed, response.status, created


def reset(database_url: str) -> None:
    """Empty the PostgreSQL database at database_url: its public schema dropped, then migrated and seeded."""
    from bench.databases import prepare
    from service import create_app
    from service.db import db

    create_app({"DATABASE_URL": database_url, "LOG_LEVEL": "WARNING"})
    with db.connection_context():
        prepare(reset=True)


def run(database_url: str, workdir: Path, count: int, clients: int, label: str) -> dict:
    """Ingest count articles through a fresh gunicorn; return the throughput figures."""
    upgrade_schema(database_url)
    items = make_articles(count)
    batches = [items[i:i + BATCH] for i in range(0, len(items), BATCH)]
    app = Gunicorn(workdir, database_url, trusted_proxies=0, workers=None, name="ingest-bench").start()
    try:
        warm = make_articles(1, seed=99)[0]
        send(app.url, [{**warm, "url": None, "body": "Warm-up. " + warm["body"]}])  # load the extractor once
        started = time.monotonic()
        with ThreadPoolExecutor(clients) as pool:
            results = list(pool.map(lambda batch: send(app.url, batch), batches))
        wall = time.monotonic() - started
    finally:
        app.stop()
    statuses = sorted({status for _, status, _ in results})
    created = sum(c for _, _, c in results)
    latencies = sorted(seconds for seconds, _, _ in results)
    return {"label": label, "articles": count, "created": created, "statuses": statuses,
            "seconds": wall, "articles_per_s": count / wall, "batch_p50_s": latencies[len(latencies) // 2],
            "body_chars": sum(len(i["body"]) for i in items) // count}


def main(argv=None) -> list[dict]:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--postgres", help="postgresql:// URL of an empty database to ingest into as well")
    parser.add_argument("--reset", action="store_true", help="empty the --postgres database first (drop its schema)")
    args = parser.parse_args(argv)
    workdir = ROOT / "bench" / "out"
    workdir.mkdir(parents=True, exist_ok=True)
    sqlite_path = workdir / f"ingest-{uuid.uuid4().hex[:6]}.db"
    results = [run(f"sqlite:///{sqlite_path}", workdir, args.articles, args.clients, "batch ingest, SQLite")]
    sqlite_path.unlink(missing_ok=True)
    if args.postgres:
        if args.reset:
            reset(args.postgres)
        results.append(run(args.postgres, workdir, args.articles, args.clients, "batch ingest, PostgreSQL"))
    print(f"{'run':28} {'articles':>8} {'created':>8} {'seconds':>8} {'articles/s':>10} {'batch p50 s':>11} statuses")
    for r in results:
        print(f"{r['label']:28} {r['articles']:>8} {r['created']:>8} {r['seconds']:>8.1f} {r['articles_per_s']:>10.1f} "
              f"{r['batch_p50_s']:>11.2f} {r['statuses']} (avg body {r['body_chars']} chars)")
    return results


if __name__ == "__main__":
    main()
