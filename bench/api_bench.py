"""Load-test GET /api/events (actor + topic + date range) with wrk, beside Datasette running the same query.

Starts gunicorn with the project's gunicorn.conf.py on the generated SQLite file (and on PostgreSQL when
--postgres is given), and Datasette (from its own venv, see bench/setup.sh) on the same SQLite file with
the equivalent SQL, then runs wrk against each in turn and prints requests/s and latency p50/p99.

Two workloads: one query asked over and over (the busiest or a typical actor, --actor-rank), and with --mix N
N distinct queries (actors drawn from the 500 busiest, every parent topic, ranges of 1-6 years) that wrk
cycles through. The API keeps pages it answered while the database is unchanged and rendered events while
they are unchanged, so it also runs with its page memory off (TIMELINE_PAGE_CACHE=0) and with both off
(every page computed and rendered from the tables).

    .venv/bin/python bench/api_bench.py --sqlite bench/out/events-1m.db \
        --postgres postgresql://postgres@127.0.0.1:5432/timeline_bench --duration 20 --connections 32
"""
import argparse
import json
import re
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "deploy"))

from servers import Gunicorn, free_port, stop, wait_for_port  # noqa: E402

# Every page computed and rendered from the tables (see Deploying in README.md for the two memories).
MEMORY_OFF = {"TIMELINE_PAGE_CACHE": "0", "TIMELINE_EVENT_CACHE": "0"}

# A busy actor and a parent topic (its sub-topics count too) over six years: a page-filling, realistic query.
FILTERS = {"actor": None, "topic": "diplomacy", "from": "2015", "to": "2020"}
DATASETTE_VENV = ROOT / "bench" / "out" / "datasette-venv"

# The same rows, order, page size and nested actors/topics/sources that /api/events returns.
DATASETTE_SQL = """
select e.id, e.value, e.date_start, e.date_end, e.granularity, e.modifier, e.title, e.status, e.confidence,
  (select json_group_array(json_object('id', a.id, 'slug', a.slug, 'name', a.name, 'kind', a.kind))
     from eventactor ea join actor a on a.id = ea.actor_id where ea.event_id = e.id) as actors,
  (select json_group_array(json_object('id', t.id, 'slug', t.slug, 'name', t.name))
     from eventtopic et join topic t on t.id = et.topic_id where et.event_id = e.id) as topics,
  (select json_group_array(json_object('quote', s.quote, 'start', s.start, 'end', s."end",
       'expression', s.expression, 'article', json_object('id', r.id, 'title', r.title, 'url', r.url,
       'source', r.source, 'published_at', r.published_at)))
     from eventsource s join article r on r.id = s.article_id where s.event_id = e.id) as sources
from event e
where e.id in (select event_id from eventactor where actor_id = (select id from actor where slug = :actor))
  and e.id in (select event_id from eventtopic where topic_id in
      (select id from topic where slug = :topic or parent_id = (select id from topic where slug = :topic)))
  and e.date_end >= :date_from and e.date_start <= :date_to
order by e.date_start, e.id
limit 51
"""


def actor_at_rank(sqlite_path: Path, rank: int) -> str:
    """Return the slug of the actor with the rank-th most events (1: the most newsworthy)."""
    import sqlite3

    conn = sqlite3.connect(sqlite_path)
    try:
        return conn.execute(
            "SELECT a.slug FROM actor a JOIN eventactor ea ON ea.actor_id = a.id GROUP BY a.id "
            "ORDER BY COUNT(*) DESC LIMIT 1 OFFSET ?", (rank - 1,)).fetchone()[0]
    finally:
        conn.close()


def mixed_filters(sqlite_path: Path, count: int, seed=11) -> list[dict]:
    """Return count distinct actor + topic + date-range filters, actors drawn from the 500 busiest."""
    import random
    import sqlite3

    rng = random.Random(seed)
    conn = sqlite3.connect(sqlite_path)
    try:
        actors = [slug for slug, in conn.execute(
            "SELECT a.slug FROM actor a JOIN eventactor ea ON ea.actor_id = a.id GROUP BY a.id ORDER BY COUNT(*) DESC LIMIT 500")]
        topics = [slug for slug, in conn.execute("SELECT slug FROM topic WHERE parent_id IS NULL ORDER BY slug")]
    finally:
        conn.close()
    mix = []
    for _ in range(count):
        first = rng.randrange(2000, 2024)
        mix.append({"actor": rng.choice(actors), "topic": rng.choice(topics), "from": str(first),
                    "to": str(min(first + rng.randrange(0, 6), 2025))})
    return mix


def lua_cycling(paths: list[str], workdir: Path) -> Path:
    """Write a wrk script whose requests cycle through paths (each wrk thread starts at its own offset)."""
    script = workdir / "mix.lua"
    quoted = ",\n".join(json.dumps(path) for path in paths)
    script.write_text(
        f"local paths = {{\n{quoted}\n}}\n"
        "local i = math.random(#paths)\n"
        "request = function()\n  i = i % #paths + 1\n  return wrk.format(nil, paths[i])\nend\n")
    return script


def wrk(url: str, duration: int, connections: int, script: Path | None = None) -> dict:
    """Run wrk against url (or the paths script cycles through); return requests/s, p50/p99 in ms, errors."""
    done = subprocess.run(
        ["wrk", "-t2", f"-c{connections}", f"-d{duration}s", "--latency", "--timeout", "10s",
         *(["-s", str(script)] if script else []), url],
        capture_output=True, text=True, check=True,
    )
    out = done.stdout

    def ms(label):
        value, unit = re.search(rf"^\s+{label}%\s+([\d.]+)(us|ms|s)\s*$", out, re.M).groups()
        return float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]

    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    errors = re.search(r"Socket errors: (.*)", out)
    return {
        "requests_per_s": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        "p50_ms": ms("50"),
        "p99_ms": ms("99"),
        "non_2xx": int(non_2xx.group(1)) if non_2xx else 0,
        "socket_errors": errors.group(1) if errors else "",
    }


def fetch_json(url: str):
    with urllib.request.urlopen(url, timeout=30) as response:
        return json.load(response)


def bench_api(database_url: str, workdir: Path, filters: list[dict], duration: int, connections: int, label: str,
              env=None) -> dict:
    """Serve database_url with gunicorn (gunicorn.conf.py defaults, env on top) and wrk its filtered event list."""
    app = Gunicorn(workdir, database_url, trusted_proxies=0, workers=None, name="bench-api")
    app.env.update(env or {})
    app.start()
    try:
        paths = [f"/api/events?{urllib.parse.urlencode(f)}" for f in filters]
        # Items per page over the mix's first 20 queries, as for Datasette.
        items = sum(len(fetch_json(app.url + path)["items"]) for path in paths[:20]) / len(paths[:20])
        if not items:
            # Empty pages are cheap: a database missing its trigger-kept link dates once "measured" only those.
            raise SystemExit(f"{label}: no events on {app.url + paths[0]}; regenerate bench/out/events-1m.db")
        for _ in range(20):  # warm every worker's connections and caches
            fetch_json(app.url + paths[0])
        script = lua_cycling(paths, workdir) if len(paths) > 1 else None
        return {"label": label, "url": app.url + paths[0], "items": items, **wrk(app.url + paths[0], duration, connections, script)}
    finally:
        app.stop()


def bench_datasette(sqlite_path: Path, workdir: Path, filters: list[dict], duration: int, connections: int) -> dict:
    """Serve the SQLite file with Datasette (immutable mode, its fastest) and wrk the equivalent SQL."""
    binary = DATASETTE_VENV / "bin" / "datasette"
    if not binary.exists():
        raise SystemExit(f"{binary} is missing: run bench/setup.sh")
    port = free_port()
    log = workdir / "datasette.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [str(binary), "serve", "-i", str(sqlite_path), "-p", str(port), "--setting", "sql_time_limit_ms", "10000",
             "--setting", "max_returned_rows", "1000"],
            stdout=out, stderr=subprocess.STDOUT,
        )
    try:
        wait_for_port(port, process, log, timeout=60)
        paths = [f"/{sqlite_path.stem}.json?" + urllib.parse.urlencode(
            {"sql": DATASETTE_SQL, "actor": f["actor"], "topic": f["topic"], "date_from": f"{f['from']}-01-01",
             "date_to": f"{f['to']}-12-31", "_shape": "array", "_json": ["actors", "topics", "sources"]}, doseq=True)
            for f in filters]
        base = f"http://127.0.0.1:{port}"
        # The mix's first queries only: Datasette takes seconds over the busiest actors.
        items = sum(len(fetch_json(base + path)) for path in paths[:20]) / len(paths[:20])
        for _ in range(20):
            fetch_json(base + paths[0])
        script = lua_cycling(paths, workdir) if len(paths) > 1 else None
        return {"label": "Datasette (same SQLite, same query)", "url": base + paths[0], "items": items,
                **wrk(base + paths[0], duration, connections, script)}
    finally:
        stop(process)


def main(argv=None) -> list[dict]:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sqlite", type=Path, default=ROOT / "bench" / "out" / "events-1m.db")
    parser.add_argument("--postgres", help="postgresql:// URL holding the same data (make_events_db.py --from-sqlite)")
    parser.add_argument("--duration", type=int, default=20)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--actor-rank", type=int, default=1, help="1 filters on the busiest actor, 50 on a typical one")
    parser.add_argument("--mix", type=int, default=0, help="cycle through this many distinct queries instead of one")
    parser.add_argument("--skip-datasette", action="store_true")
    args = parser.parse_args(argv)
    workdir = ROOT / "bench" / "out"
    if args.mix:
        filters = mixed_filters(args.sqlite, args.mix)
        print(f"queries: {args.mix} distinct actor + topic + date-range filters, e.g. "
              f"GET /api/events?{urllib.parse.urlencode(filters[0])}", end="")
    else:
        filters = [{**FILTERS, "actor": actor_at_rank(args.sqlite, args.actor_rank)}]
        print(f"query: GET /api/events?{urllib.parse.urlencode(filters[0])}", end="")
    print(f"  (wrk -t2 -c{args.connections} -d{args.duration}s, gunicorn.conf.py defaults)")
    sqlite = f"sqlite:///{args.sqlite.resolve()}"
    results = [bench_api(sqlite, workdir, filters, args.duration, args.connections, label, env)
               for label, env in (("Timeline API on SQLite", {}),
                                  ("  the same, page memory off", {"TIMELINE_PAGE_CACHE": "0"}),
                                  ("  the same, both memories off", MEMORY_OFF))]
    if not args.skip_datasette:
        results.append(bench_datasette(args.sqlite.resolve(), workdir, filters, args.duration, args.connections))
    if args.postgres:
        results += [bench_api(args.postgres, workdir, filters, args.duration, args.connections, label, env)
                    for label, env in (("Timeline API on PostgreSQL", {}), ("  the same, both memories off", MEMORY_OFF))]
    print(f"{'server':40} {'items':>5} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'non-2xx':>8}")
    for r in results:
        print(f"{r['label']:40} {r['items']:>5.0f} {r['requests_per_s']:>8.1f} {r['p50_ms']:>8.1f} {r['p99_ms']:>8.1f} "
              f"{r['non_2xx']:>8} {r['socket_errors']}")
    return results


if __name__ == "__main__":
    main()
