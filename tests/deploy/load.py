"""Concurrent writers through the proxy, and what the database holds afterwards."""
import json
import uuid
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from playhouse.db_url import connect

from corpus import articles, recapture
from servers import PREFIX, request, run_cli

CLIENTS = 8
PER_CLIENT = 100
DISTINCT = 300
BATCH = 20


def client_share(client: int, pool: list[dict]) -> list[dict]:
    """Return what one client sends: 100 articles overlapping its neighbours', some as re-captures."""
    # Offsets 37 apart with 100 each cover the whole pool, and every article is sent by two or three clients.
    share = [pool[(client * 37 + k) % len(pool)] for k in range(PER_CLIENT)]
    return [recapture(item) if client % 2 and k % 4 == 0 else item for k, item in enumerate(share)]


def post_share(base: str, auth: dict, share: list[dict], batched: bool) -> list[tuple[int, str]]:
    """Send one client's articles one by one or in batches; return (status, body) of every response."""
    results = []
    if batched:
        for start in range(0, len(share), BATCH):
            response = request(base, "POST", f"{PREFIX}/api/articles/batch", share[start:start + BATCH], auth)
            results.append((response.status, response.body.decode(errors="replace")))
    else:
        for item in share:
            response = request(base, "POST", f"{PREFIX}/api/articles", item, auth)
            results.append((response.status, response.body.decode(errors="replace")))
    return results


def run_clients(base: str, auth: dict, pool: list[dict]) -> list[tuple[int, str]]:
    """Run the 8 clients at once, half batching and half posting singly; return every response."""
    with ThreadPoolExecutor(CLIENTS) as executor:
        futures = [executor.submit(post_share, base, auth, client_share(c, pool), c % 2 == 0) for c in range(CLIENTS)]
        return [result for future in futures for result in future.result()]


def snapshot(database_url: str) -> tuple[Counter, Counter]:
    """Return (articles by content hash, events by date and the articles they cite) from the database."""
    database = connect(database_url)
    try:
        stored = Counter(row[0] for row in database.execute_sql("SELECT content_hash FROM article").fetchall())
        rows = database.execute_sql(
            "SELECT e.id, e.value, e.date_start, e.date_end, e.granularity, a.content_hash "
            "FROM event e JOIN eventsource s ON s.event_id = e.id JOIN article a ON a.id = s.article_id"
        ).fetchall()
    finally:
        database.close()
    heads, cited = {}, {}
    for event_id, value, start, end, granularity, digest in rows:
        heads[event_id] = (value, str(start), str(end), granularity)
        cited.setdefault(event_id, set()).add(digest)
    events = Counter((*heads[i], *sorted(cited[i])) for i in heads)
    return stored, events


def reference(workdir: Path, pool: list[dict]) -> str:
    """Ingest the distinct articles one after another with the CLI into a fresh SQLite file; return its URL."""
    name = uuid.uuid4().hex[:8]
    url = f"sqlite:///{workdir / f'reference-{name}.db'}"
    source = workdir / f"pool-{name}.jsonl"
    source.write_text("\n".join(json.dumps(item) for item in pool))
    run_cli(url, "db", "upgrade")
    run_cli(url, "ingest", str(source))
    return url


def pool() -> list[dict]:
    return articles(DISTINCT)
