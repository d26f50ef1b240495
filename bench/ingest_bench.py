"""Measure ingest with events: articles/s and ms per article for extraction + merging, seeds + generated news.

The generated articles are varied news-like text (not copies): actors named by office, name, misspelling
or counterpart; absolute and relative dates ("on Tuesday", "last month", "on the 12th"); topic phrases;
filler sentences, datelines and page furniture. Each is stored with store_article() in its own transaction,
as `timeline ingest` and the API do. Prints figures; asserts nothing.

    .venv/bin/python bench/ingest_bench.py                       # SQLite in a temp folder, 1,000 articles
    .venv/bin/python bench/ingest_bench.py --articles 3000
    .venv/bin/python bench/ingest_bench.py --database-url postgresql://postgres@127.0.0.1:5432/bench_events --reset
    cp bench/out/events-1m.db /tmp/big.db   # ingest into an archive of 1,000,000 events
    .venv/bin/python bench/ingest_bench.py --database-url sqlite:////tmp/big.db --articles 300 --skip-reextract
    .venv/bin/python bench/ingest_bench.py --dump out/events.tsv   # also write what merging made, to compare runs
"""
import argparse
import random
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SUBJECTS = [
    "Russian Foreign Minister Sergei Lavrov", "Indian Prime Minister Narendra Modi", "EAM S Jaishnakar",
    "US Secretary of Defence Lloyd Austin", "Chinese Foreign Minister Wang Yi", "the Russian President",
    "Pakistani Prime Minister Imran Khan", "Nikolay Kudashev, the Russian Ambassador to India,", "President Putin",
    "Indian Foreign Ministry spokesman Srivastava", "US President Joe Biden", "Foreign Minister Jaishankar",
    "Moscow", "New Delhi", "Washington", "Islamabad", "Beijing", "the Quad", "BRICS leaders",
]
PAST = ["met {other}", "held talks with {other}", "signed an agreement with {other}", "criticised {other}",
        "spoke by phone with {other}", "visited {place}", "announced new measures against {other}",
        "ended a two-day visit to {place}", "hosted {other}"]
FUTURE = ["will visit {place}", "is scheduled to meet {other}", "will host {other}", "plans to travel to {place}"]
OTHERS = ["his Indian counterpart", "his Russian counterpart", "Sergey Lavrov", "Prime Minister Modi", "Antony Blinken",
          "the Chinese Foreign Minister", "Xi Jinping", "officials from Japan and Australia", "NATO envoys"]
PLACES = ["India", "Russia", "China", "Pakistan", "the United States", "Japan", "Afghanistan", "Myanmar"]
TOPICS = ["on the S-400 air defence deal", "on the situation in Afghanistan", "about vaccine production",
          "on the tension along the LAC in Ladakh", "on India's BRICS presidency", "on nuclear energy projects",
          "on cooperation in space", "on CAATSA sanctions", "on Article 370 and Kashmir", "on the Indo-Pacific and the Quad",
          "on joint arms production under Make in India", "on the annual summit", "on trade and energy"]
PAST_DATES = ["on Tuesday", "on Monday", "last month", "on the {day}th", "on {month} {day}", "on {month} {day}, {year}",
              "in {month} {year}", "last year", "in {year}", "earlier this month", "last week", "yesterday"]
FUTURE_DATES = ["next week", "next month", "later this year", "at the end of this year", "on {month} {day}", "in {month}"]
FILLERS = ["Analysts said the move was closely watched in the region.",
           "The ministry did not respond to a request for comment.",
           "Officials described the atmosphere as warm and constructive.",
           "Both sides stressed that bilateral ties remain strong despite differences.",
           "Experts believe that the relationship will continue to deepen in the coming years.",
           "The statement was issued after a long meeting of senior officials."]
FURNITURE = ["Home Politics", "Leave a Reply", "Your email address will not be published.", "by Staff Reporter"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]


def fill(template: str, rng: random.Random, published: date) -> str:
    """Fill a sentence template's slots."""
    return template.format(other=rng.choice(OTHERS), place=rng.choice(PLACES), day=rng.randint(4, 28),
                           month=rng.choice(MONTHS), year=rng.randint(2015, published.year))


def make_article(index: int, rng: random.Random) -> dict:
    """Return one generated article: a headline, a dateline, dated and undated sentences, page furniture."""
    published = date(2020, 1, 1) + timedelta(days=rng.randint(0, 900))
    sentences = []
    for _ in range(rng.randint(3, 7)):
        future = rng.random() < 0.25
        verb = fill(rng.choice(FUTURE if future else PAST), rng, published)
        when = fill(rng.choice(FUTURE_DATES if future else PAST_DATES), rng, published)
        sentences.append(f"{rng.choice(SUBJECTS)} {verb} {when} {rng.choice(TOPICS)}.")
        sentences.extend(rng.sample(FILLERS, rng.randint(0, 2)))
    paragraphs = [" ".join(sentences[i:i + 3]) for i in range(0, len(sentences), 3)]
    body = "\n\n".join([f"{rng.choice(['New Delhi', 'Moscow', 'Washington'])}: – {paragraphs[0]}", *paragraphs[1:],
                        *rng.sample(FURNITURE, 2)])
    headline = sentences[0].rstrip(".")[:90]
    return {"title": headline, "body": f"{body}\n\nReport {index}", "published_at": published.isoformat()}


def run(database_url: str, count: int, reset: bool, reextract=True, dump: Path | None = None) -> None:
    """Ingest the seeds and count generated articles into database_url and print the figures.

    dump: write the events, sources and links to this file after ingest, and to it plus .reextract after the rebuild.
    """
    from bench.databases import dump_events, prepare
    from service import create_app
    from service.db import db
    from service.events import rebuild_events
    from service.drafting.drafts import build_drafts
    from service.events.vocabulary import vocabulary
    from service.extraction import extract
    from service.ingest import ArticleIn, read_paths, store_article
    from service.models import Event, EventSource

    create_app({"DATABASE_URL": database_url, "LOG_LEVEL": "WARNING"})
    rng = random.Random(2021)
    articles = list(read_paths([ROOT / "seeds" / "articles"]))
    articles += [ArticleIn(**make_article(i, rng)) for i in range(count)]
    with db.connection_context():
        prepare(reset)
        registry, taxonomy = vocabulary()
        pure = []
        for item in articles:
            started = time.perf_counter()
            build_drafts(item.body, item.published_at, extract(item.body, item.published_at), registry, taxonomy)
            pure.append(time.perf_counter() - started)
        stored, cpu = [], []
        started_all = time.perf_counter()
        for item in articles:
            started, started_cpu = time.perf_counter(), time.process_time()
            store_article(item)
            stored.append(time.perf_counter() - started)
            cpu.append(time.process_time() - started_cpu)
        elapsed = time.perf_counter() - started_all
        events, sources = Event.select().count(), EventSource.select().count()
        if dump:
            dump_events(dump)
        started = time.perf_counter()
        rebuilt = rebuild_events() if reextract else None
        rebuild_seconds = time.perf_counter() - started
        if dump and rebuilt:
            dump_events(dump.with_name(dump.name + ".reextract"))
    backend = "PostgreSQL" if database_url.startswith("postgres") else "SQLite"

    def ms(values, q):
        """Return the q-th percentile of values in milliseconds."""
        return 1000 * statistics.quantiles(values, n=100)[q - 1]

    print(f"{backend}: {len(articles)} articles ({count} generated + seeds) -> {events} events, {sources} sources")
    print(f"  ingest (store_article: insert + extract + merge + links): {len(articles) / elapsed:.0f} articles/s, "
          f"{elapsed:.1f} s total; per article median {ms(stored, 50):.1f} ms, p95 {ms(stored, 95):.1f} ms, "
          f"max {1000 * max(stored):.1f} ms; CPU of this process per article median {ms(cpu, 50):.1f} ms")
    print(f"  extraction + drafts only (no database): median {ms(pure, 50):.1f} ms, p95 {ms(pure, 95):.1f} ms, "
          f"max {1000 * max(pure):.1f} ms")
    if rebuilt:
        print(f"  reextract (rebuild all events, one transaction): {rebuild_seconds:.1f} s, "
              f"{rebuilt['kept']} ids kept, {rebuilt['created']} new, {rebuilt['removed']} removed")


def main() -> None:
    """Parse arguments and run the benchmark."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=1000, help="generated articles besides the seeds")
    parser.add_argument("--database-url", help="default: a fresh SQLite file in a temp folder")
    parser.add_argument("--reset", action="store_true", help="drop the PostgreSQL public schema first")
    parser.add_argument("--skip-reextract", action="store_true",
                        help="leave out the rebuild (in a copy of the 1M-event database it rebuilds every event)")
    parser.add_argument("--dump", type=Path, help="write the events, sources and links made to this file "
                                                  "(and FILE.reextract after the rebuild), to compare two runs")
    args = parser.parse_args()
    if args.database_url:
        run(args.database_url, args.articles, args.reset, reextract=not args.skip_reextract, dump=args.dump)
        return
    with tempfile.TemporaryDirectory() as folder:
        run(f"sqlite:///{folder}/bench.db", args.articles, False, dump=args.dump)


if __name__ == "__main__":
    main()
