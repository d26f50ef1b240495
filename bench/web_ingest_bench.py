"""Measure HTML pages in, stored events out: pages/s for reading pages alone and for the whole ingest.

Each page wraps a generated news article (bench/ingest_bench.py's generator: relative and absolute dates,
actors, topics) in the furniture of a real news page: cookie banner, menus, related stories, comments,
footer, Open Graph and JSON-LD metadata; a third carry no date metadata and rely on a dateline. Each is
read with read_page + choose_date (trafilatura, htmldate, the dateline rule) and then stored with
store_article() in its own transaction, as `timeline ingest page.html` and POST /api/articles do.
Prints figures; asserts nothing. One process, so the figures are per core.

    .venv/bin/python bench/web_ingest_bench.py                 # SQLite in a temp folder, 500 pages
    .venv/bin/python bench/web_ingest_bench.py --pages 1000
    .venv/bin/python bench/web_ingest_bench.py --database-url postgresql://postgres@127.0.0.1:5432/bench_web --reset
"""
import argparse
import html
import json
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from ingest_bench import make_article  # noqa: E402

PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{title} | The Daily Bench</title>
<meta property="og:site_name" content="The Daily Bench">{meta}
<link rel="canonical" href="https://bench.example.com/news/{index}-story">
<style>.x{{display:none}}</style><script>window.dataLayer=[];</script></head>
<body><div class="cookie-banner"><p>We use cookies to personalise content and ads. Accept all cookies?</p><button>OK</button></div>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/politics">Politics</a></li>
<li><a href="/business">Business</a></li><li><a href="/subscribe">Subscribe</a></li></ul></nav></header>
<main><article><h1>{title}</h1><div class="byline">By Staff Reporter</div>
{paragraphs}
<aside class="related"><h2>Related stories</h2><ul><li><a href="/a">Markets close higher</a></li>
<li><a href="/b">Minister resigns over report</a></li><li><a href="/c">Floods hit the coast</a></li></ul></aside></article>
<section class="comments"><h2>Comments</h2><div class="comment"><p>Interesting read, thanks.</p></div>
<div class="comment"><p>I disagree with the minister.</p></div></section></main>
<footer><p>&copy; The Daily Bench</p><a href="/privacy">Privacy</a> <a href="/terms">Terms</a></footer></body></html>"""


def make_page(index: int, rng: random.Random) -> str:
    """Return one generated news page; a third without date metadata."""
    article = make_article(index, rng)
    paragraphs = "\n".join(f"<p>{html.escape(p)}</p>" for p in article["body"].split("\n\n"))
    meta = ""
    if index % 3:
        published = article["published_at"] + "T09:30:00+00:00"
        meta = (f'\n<meta property="article:published_time" content="{published}">\n<script type="application/ld+json">'
                + json.dumps({"@context": "https://schema.org", "@type": "NewsArticle", "datePublished": published})
                + "</script>")
    return PAGE.format(title=html.escape(article["title"]), meta=meta, index=index, paragraphs=paragraphs)


def ms(values, q):
    """Return the q-th percentile of values in milliseconds."""
    return 1000 * statistics.quantiles(values, n=100)[q - 1]


def run(database_url: str, count: int, reset: bool) -> None:
    """Read and store count generated pages into database_url and print the figures."""
    from bench.databases import prepare
    from service import create_app
    from service.db import db
    from service.ingest import store_article
    from service.models import Event
    from service.web.articles import article_from_html
    from service.web.dates import choose_date
    from service.web.page import read_page

    create_app({"DATABASE_URL": database_url, "LOG_LEVEL": "WARNING"})
    rng = random.Random(2026)
    pages = [make_page(i, rng) for i in range(count)]
    reading = []
    for page in pages:
        started = time.process_time()
        choose_date(read_page(page))
        reading.append(time.process_time() - started)
    with db.connection_context():
        prepare(reset)
        stored = []
        started_all, started_cpu = time.perf_counter(), time.process_time()
        for page in pages:
            started = time.perf_counter()
            store_article(article_from_html(page))
            stored.append(time.perf_counter() - started)
        elapsed, cpu = time.perf_counter() - started_all, time.process_time() - started_cpu
        events = Event.select().count()
    backend = "PostgreSQL" if database_url.startswith("postgres") else "SQLite"
    print(f"{backend}: {count} pages -> {events} events")
    print(f"  page reading only (trafilatura + htmldate + dateline), CPU: {count / sum(reading):.0f} pages/s, "
          f"median {ms(reading, 50):.1f} ms, p95 {ms(reading, 95):.1f} ms")
    print(f"  HTML -> stored events (read + store + extract + merge + page kept): {count / elapsed:.1f} pages/s "
          f"wall, {count / cpu:.1f} pages/s of this process's CPU; per page median {ms(stored, 50):.1f} ms, "
          f"p95 {ms(stored, 95):.1f} ms")


def main() -> None:
    """Parse arguments and run the benchmark."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=500)
    parser.add_argument("--database-url", help="default: a fresh SQLite file in a temp folder")
    parser.add_argument("--reset", action="store_true", help="drop the PostgreSQL public schema first")
    args = parser.parse_args()
    if args.database_url:
        run(args.database_url, args.pages, args.reset)
        return
    with tempfile.TemporaryDirectory() as folder:
        run(f"sqlite:///{folder}/bench.db", args.pages, False)


if __name__ == "__main__":
    main()
