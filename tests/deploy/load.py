"""Concurrent writers through the proxy, and what the database holds afterwards."""
import json
import uuid
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from playhouse.db_url import connect

from service.ingest import content_hash

from corpus import articles, recapture
from servers import PREFIX, request, run_cli

CLIENTS = 8
PER_CLIENT = 100
DISTINCT = 200
BATCH = 20


def client_share(client: int, pool: list[dict]) -> list[dict]:
    """Return what one client sends: 100 articles overlapping its neighbours', some as re-captures."""
    # Offsets 37 apart with 100 each cover the whole pool of 200, and every article is sent by several clients.
    share = [pool[(client * 37 + k) % len(pool)] for k in range(PER_CLIENT)]
    return [recapture(item) if client % 2 and k % 4 == 0 else item for k, item in enumerate(share)]


def post_share(base: str, auth: dict, share: list[dict], batched: bool) -> list[tuple[int, str]]:
    """Send one client's articles one by one or in batches; return (status, body) per article."""
    results = []
    if batched:
        for start in range(0, len(share), BATCH):
            batch = share[start:start + BATCH]
            response = request(base, "POST", f"{PREFIX}/api/articles/batch", {"articles": batch}, auth)
            body = response.body.decode(errors="replace")
            if response.status != 200:
                results += [(response.status, body)] * len(batch)
                continue
            results += [(item["status"], json.dumps(item)) for item in response.json()["items"]]
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


def query(database_url: str, sql: str) -> list[tuple]:
    """Run one read-only query on the database behind database_url."""
    database = connect(database_url)
    try:
        return database.execute_sql(sql).fetchall()
    finally:
        database.close()


def stored_articles(database_url: str) -> Counter:
    """Return how many times each article (by content hash) is stored."""
    return Counter(digest for (digest,) in query(database_url, "SELECT content_hash FROM article"))


def sources_per_article(database_url: str) -> dict[str, int]:
    """Return how many event sources each stored article has, by content hash."""
    return dict(query(database_url, "SELECT a.content_hash, COUNT(s.id) FROM article a "
                                    "LEFT JOIN eventsource s ON s.article_id = a.id GROUP BY a.content_hash"))


def snapshot(database_url: str) -> Counter:
    """Return the events as (value, start, end, granularity, content hashes of the articles citing it)."""
    rows = query(database_url,
                 "SELECT e.id, e.value, e.date_start, e.date_end, e.granularity, a.content_hash "
                 "FROM event e JOIN eventsource s ON s.event_id = e.id JOIN article a ON a.id = s.article_id")
    heads, cited = {}, {}
    for event_id, value, start, end, granularity, digest in rows:
        heads[event_id] = (value, str(start), str(end), granularity)
        cited.setdefault(event_id, set()).add(digest)
    return Counter((*heads[i], *sorted(cited[i])) for i in heads)


def replay(workdir: Path, database_url: str) -> str:
    """Ingest the stored articles again, one by one, in the order their events were merged; return the copy's URL.

    Merging is serialised (a PostgreSQL advisory lock, SQLite's write lock) and event sources are inserted
    under it, so their ids give the order the merges happened in. Concurrent ingest is correct when its
    result equals this serial one: same articles, same events citing the same articles.
    """
    rows = query(database_url,
                 "SELECT a.title, a.body, a.url, a.source, a.published_at FROM article a "
                 "LEFT JOIN eventsource s ON s.article_id = a.id GROUP BY a.id "
                 "ORDER BY MIN(s.id) IS NULL, MIN(s.id), a.id")
    name = uuid.uuid4().hex[:8]
    url = f"sqlite:///{workdir / f'replay-{name}.db'}"
    source = workdir / f"replay-{name}.jsonl"
    fields = ("title", "body", "url", "source", "published_at")
    source.write_text("\n".join(json.dumps(dict(zip(fields, row))) for row in rows))
    run_cli(url, "db", "upgrade")
    if rows:
        run_cli(url, "ingest", str(source))
    return url


def distinct_hashes(items: list[dict]) -> Counter:
    """Return the content hash of each distinct article in items, once."""
    return Counter(set(content_hash(item["body"]) for item in items))


def pool() -> list[dict]:
    return articles(DISTINCT)
