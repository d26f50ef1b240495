"""Generate a large Timeline database (default 1,000,000 events) with news-like distributions, in minutes.

Actors and topics are drawn with Zipf-like popularity (a few countries and leaders dominate the news),
dates lean towards recent years, most events are day-precise, and each event cites one to three
articles. The schema is the project's own (`timeline db upgrade`); rows go in with bulk inserts, and the
full-text index is rebuilt once at the end rather than by a trigger per row.

    .venv/bin/python bench/make_events_db.py --events 1000000 --out bench/out/events-1m.db
    .venv/bin/python bench/make_events_db.py --from-sqlite bench/out/events-1m.db \
        --postgres postgresql://postgres@127.0.0.1:5432/timeline_bench
"""
import argparse
import json
import random
import sqlite3
import sys
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

FIRST = ["Anna", "Boris", "Chen", "Deepa", "Emma", "Farid", "Gita", "Hans", "Ines", "Jorge", "Kenji", "Lena",
         "Mehmet", "Nadia", "Olga", "Pedro", "Qiu", "Rahul", "Sofia", "Tariq", "Ulla", "Viktor", "Wei", "Yara"]
LAST = ["Ivanova", "Sharma", "Müller", "García", "Tanaka", "Okafor", "Kowalski", "Haddad", "Nguyen", "Rossi",
        "Petrov", "Singh", "Dubois", "Silva", "Kim", "Novak", "Jensen", "Costa", "Yilmaz", "Zhang"]
ORG_KINDS = ["Ministry of Energy", "Central Bank", "Defence Council", "Trade Union", "Space Agency", "Party",
             "Chamber of Commerce", "Court", "Parliament", "Federation"]
TOPIC_TREE = {
    "Defence": ["Air defence", "Arms trade", "Military exercises", "Naval affairs", "Nuclear weapons"],
    "Diplomacy": ["Summits", "Bilateral talks", "Treaties", "Sanctions", "Embassies"],
    "Economy": ["Trade", "Energy", "Inflation", "Banking", "Labour"],
    "Politics": ["Elections", "Legislation", "Protests", "Coalitions", "Referendums"],
    "Health": ["Vaccines", "Pandemics", "Hospitals"],
    "Climate": ["Emissions", "Disasters", "Renewables"],
    "Technology": ["Space", "Telecoms", "Cyber security"],
    "Justice": ["Trials", "Corruption", "Human rights"],
}
VERBS = ["met", "signed", "discussed", "announced", "rejected", "agreed on", "criticised", "opened", "reviewed"]
GRANULARITY = [("day", 0.72), ("month", 0.17), ("year", 0.07), ("week", 0.02), ("quarter", 0.02)]
SOURCES = ["Reuters-like Wire", "Daily Courier", "The Herald", "Global Times", "Morning Post", "Tribune"]


def zipf_weights(count: int, exponent=1.1) -> list[float]:
    """Return cumulative Zipf weights for count items ranked by popularity."""
    total, cumulative = 0.0, []
    for rank in range(1, count + 1):
        total += 1 / rank**exponent
        cumulative.append(total)
    return cumulative


def make_actors(rng: random.Random, persons: int, organisations: int) -> list[tuple]:
    """Return actor rows (name, slug, kind, aliases): every country, then people and organisations, shuffled."""
    import pycountry

    rows = [(c.name, f"country-{c.alpha_2.lower()}", "country", [c.alpha_3]) for c in pycountry.countries]
    for i in range(persons):
        first, last = rng.choice(FIRST), rng.choice(LAST)
        rows.append((f"{first} {last}", f"person-{i}", "person", [last, f"{first[0]}. {last}"]))
    for i in range(organisations):
        rows.append((f"{rng.choice(ORG_KINDS)} {i}", f"org-{i}", "organisation", []))
    rng.shuffle(rows)  # popularity follows position, so mix the kinds
    return rows


def make_topics() -> list[tuple]:
    """Return topic rows (name, slug, parent slug)."""
    rows = []
    for parent, children in TOPIC_TREE.items():
        rows.append((parent, slugify(parent), None))
        rows += [(child, slugify(child), slugify(parent)) for child in children]
    return rows


def slugify(name: str) -> str:
    return "-".join(name.lower().split())


def event_dates(rng: random.Random) -> tuple[str, str, str, str]:
    """Return (value, start, end, granularity) leaning to recent years, as news coverage does."""
    # Two thirds of events in the last decade, the rest back to 1990.
    year = 2026 - int(rng.expovariate(1 / 9)) % 37
    day = date(year, 1, 1) + timedelta(days=rng.randrange(365))
    granularity = rng.choices([g for g, _ in GRANULARITY], [w for _, w in GRANULARITY])[0]
    if granularity == "day":
        return day.isoformat(), day.isoformat(), day.isoformat(), "day"
    if granularity == "month":
        end = (day.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
        return f"{day:%Y-%m}", day.replace(day=1).isoformat(), end.isoformat(), "month"
    if granularity == "year":
        return str(year), f"{year}-01-01", f"{year}-12-31", "year"
    if granularity == "week":
        monday = day - timedelta(days=day.weekday())
        iso = monday.isocalendar()
        return f"{iso[0]}-W{iso[1]:02d}", monday.isoformat(), (monday + timedelta(days=6)).isoformat(), "week"
    quarter = (day.month - 1) // 3
    start = date(year, 3 * quarter + 1, 1)
    end = (date(year, 3 * quarter + 3, 28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
    return f"{year}-Q{quarter + 1}", start.isoformat(), end.isoformat(), "quarter"


def insert(conn, table: str, rows: list[dict]):
    """Insert rows, keeping the keys the table has and filling its other required columns with empty lists."""
    info = conn.execute(f"PRAGMA table_info({table})").fetchall()
    columns = [name for _, name, *_ in info if name in rows[0]]
    # Required columns this script does not know (added by later migrations) are JSON lists in this schema.
    missing = [name for _, name, _, notnull, default, pk in info if notnull and default is None and not pk
               and name not in rows[0]]
    names = columns + missing
    quoted = ", ".join(f'"{name}"' for name in names)
    sql = f"INSERT OR IGNORE INTO {table} ({quoted}) VALUES ({', '.join('?' * len(names))})"
    conn.executemany(sql, ([row[c] for c in columns] + ["[]"] * len(missing) for row in rows))


def generate(path: Path, events: int, seed: int):
    """Create the SQLite database at path with the project's schema and fill it."""
    from service.db import db, init_database
    from service.schema import upgrade
    from service.schema.steps.s020_search import apply as create_search_index

    path.unlink(missing_ok=True)
    init_database(f"sqlite:///{path}")
    with db.connection_context():
        upgrade()
    rng = random.Random(seed)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA synchronous = OFF")
    conn.execute("PRAGMA cache_size = -1000000")
    # The triggers would re-index an event per source row and rewrite every link row once more; the rows go in
    # complete instead, the full-text index is rebuilt once at the end and the triggers are then restored as they were.
    triggers = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").fetchall()
    for name, _ in triggers:
        conn.execute(f"DROP TRIGGER {name}")
    now = "2026-11-01 00:00:00"
    started = time.monotonic()

    actors = make_actors(rng, persons=1500, organisations=250)
    insert(conn, "actor", [dict(id=i + 1, name=n, slug=s, kind=k, aliases=json.dumps(a), roles="[]", created_at=now)
                           for i, (n, s, k, a) in enumerate(actors)])
    topics = make_topics()
    topic_id = {slug: i + 1 for i, (_, slug, _) in enumerate(topics)}
    insert(conn, "topic", [dict(id=topic_id[s], name=n, slug=s, keywords=json.dumps([n.lower()]),
                                parent_id=topic_id.get(p), created_at=now) for n, s, p in topics])
    leaves = [topic_id[s] for _, s, p in topics if p]
    actor_weights, topic_weights = zipf_weights(len(actors)), zipf_weights(len(leaves), 0.8)

    event_rows, actor_links, topic_links, cites = [], [], [], []
    for event_id in range(1, events + 1):
        value, start, end, granularity = event_dates(rng)
        involved = set(rng.choices(range(1, len(actors) + 1), cum_weights=actor_weights, k=rng.choice((1, 2, 2, 3))))
        about = set(rng.choices(leaves, cum_weights=topic_weights, k=rng.choice((1, 1, 2))))
        names = [actors[a - 1][0] for a in sorted(involved)]
        topic_name = topics[min(about) - 1][0].lower()
        quote = f"{' and '.join(names)} {rng.choice(VERBS)} {topic_name} matters on {value}, officials said."
        event = dict(id=event_id, value=value, date_start=start, date_end=end, granularity=granularity,
                     modifier=None, title=quote[:120], status="scheduled" if start > "2026-11-01" else "past",
                     confidence=round(rng.uniform(0.5, 0.99), 2), fingerprint=f"bench-{event_id}",
                     created_at=now, updated_at=now)
        event_rows.append(event)
        # Links carry their event's granularity and dates, as the triggers dropped above would have set them.
        dates = dict(granularity=granularity, date_start=start, date_end=end)
        actor_links += [dict(event_id=event_id, actor_id=a, **dates) for a in involved]
        topic_links += [dict(event_id=event_id, topic_id=t, **dates) for t in about]
        cites += [(event, quote, [actors[a - 1][1] for a in involved], [topics[t - 1][1] for t in about])] * \
            rng.choice((1, 1, 1, 1, 1, 2, 2, 3))
    insert(conn, "event", event_rows)
    insert(conn, "eventactor", actor_links)
    insert(conn, "eventtopic", topic_links)

    # Articles: about six cited events each, the body made of the cited sentences in order.
    rng.shuffle(cites)
    article_rows, source_rows = [], []
    for article_id, first in enumerate(range(0, len(cites), 6), 1):
        group = cites[first:first + 6]
        body = " ".join(quote for _, quote, _, _ in group)
        published = max(event["date_start"] for event, _, _, _ in group)
        article_rows.append(dict(id=article_id, title=f"Report {article_id}: {group[0][1][:60]}", body=body,
                                 url=f"https://news.example/{article_id}", source=rng.choice(SOURCES),
                                 published_at=published, published_on=published, published_precision="day",
                                 language="en", content_hash=f"{article_id:064x}", created_at=now))
        start = 0
        for event, quote, actor_slugs, topic_slugs in group:
            expression = f"on {event['value']}"
            at = start + quote.index(expression)
            source_rows.append(dict(
                event_id=event["id"], article_id=article_id, quote=quote, start=start, end=start + len(quote),
                expression=expression, expression_start=at, expression_end=at + len(expression), confidence=0.8,
                title=event["title"], value=event["value"], date_start=event["date_start"],
                date_end=event["date_end"], granularity=event["granularity"], modifier=None,
                status=event["status"], actors=json.dumps(actor_slugs), topics=json.dumps(topic_slugs)))
            start += len(quote) + 1
    insert(conn, "article", article_rows)
    insert(conn, "eventsource", source_rows)
    conn.commit()
    conn.close()
    print(f"rows inserted in {time.monotonic() - started:.0f}s: {events} events, {len(actor_links)} actor links, "
          f"{len(topic_links)} topic links, {len(article_rows)} articles, {len(source_rows)} sources")

    started = time.monotonic()
    with db.connection_context():
        create_search_index(db)  # rebuilds the index and creates the full-text triggers
        restored = {name for name, in db.execute_sql("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
        for name, sql in triggers:
            if name not in restored:
                db.execute_sql(sql)
        db.execute_sql("ANALYZE")
    print(f"full-text index and ANALYZE in {time.monotonic() - started:.0f}s")


TABLES = ["actor", "topic", "event", "eventactor", "eventtopic", "article", "eventsource"]


def copy_to_postgres(source: Path, url: str):
    """Load the generated SQLite database into a fresh PostgreSQL database with COPY."""
    import psycopg

    from service.db import db, init_database
    from service.schema import upgrade
    from service.schema.steps.s020_search import apply as create_search_index

    base, name = url.rsplit("/", 1)
    with psycopg.connect(f"{base}/postgres", autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{name}"')
    init_database(url)
    with db.connection_context():
        upgrade()
    started = time.monotonic()
    lite = sqlite3.connect(source)
    with psycopg.connect(url) as pg:
        # Replica mode skips the full-text triggers during the load; the index is rebuilt once below.
        pg.execute("SET session_replication_role = replica")
        for table in TABLES:
            columns = [row[1] for row in lite.execute(f"PRAGMA table_info({table})")]
            quoted = ", ".join(f'"{c}"' for c in columns)
            with pg.cursor().copy(f"COPY {table} ({quoted}) FROM STDIN") as copy:
                for row in lite.execute(f"SELECT {quoted} FROM {table}"):
                    copy.write_row(row)
            pg.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT max(id) FROM {table}))")
        pg.commit()
    print(f"copied to PostgreSQL in {time.monotonic() - started:.0f}s")
    started = time.monotonic()
    with db.connection_context():
        create_search_index(db)
        db.execute_sql("VACUUM ANALYZE")
    print(f"full-text index and VACUUM ANALYZE in {time.monotonic() - started:.0f}s")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out" / "events-1m.db")
    parser.add_argument("--seed", type=int, default=2021)
    parser.add_argument("--from-sqlite", type=Path, help="copy this generated SQLite database to --postgres")
    parser.add_argument("--postgres", help="postgresql:// URL of the database to (re)create")
    args = parser.parse_args()
    if args.from_sqlite:
        copy_to_postgres(args.from_sqlite, args.postgres)
    else:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        generate(args.out, args.events, args.seed)


if __name__ == "__main__":
    main()
