"""Measure how long real gunicorn (gunicorn.conf.py defaults) takes to answer pathological articles and pages.

The target: every request answered in under 5 s at the default body limit, with a problem+json refusal,
never gunicorn's worker timeout. Each body is sent alone to a fresh database, one after another; then a batch
of the costliest page, which shares one budget. Last, the CPU time of reading each page in this process
without a budget (service/web/page.py), the cost of the stage the budget cannot interrupt.

    .venv/bin/python bench/hostile_bench.py [--budget 4]
"""
import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "deploy"))

from servers import TOKEN, Gunicorn, request, upgrade_schema  # noqa: E402

sys.path.insert(0, str(ROOT))
from service.web.page import FALLBACK_ELEMENTS, MAX_ATTRIBUTES, MAX_ELEMENTS, PageError, read_page  # noqa: E402

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


def pages() -> dict[str, str]:
    """Return the costliest pages within the page limits by name: many short blocks, attributes, text, hidden markup."""
    story = "<p>Lavrov met Jaishankar in New Delhi on 6 April 2021 for talks about trade and defence.</p>"
    block = '<div class="a" id="b" data-c="d"><p class="x" id="y">talks went on</p></div>'
    tag = "<p " + " ".join(f"a{i}=x" for i in range(999)) + ">y</p>"
    text = "<p>" + "On 6 April talks went on, met 12/03 and 2021. " * 8 + "</p>"
    per_tag = MAX_ATTRIBUTES // 1000 - 1
    # Markup no reader reads (service/web/unread.py) is removed before the limits count: up to the body limit of
    # it around the costliest page, and as much in elements that never close, which are counted.
    hidden = '<svg viewBox="0 0 9 9"><path d="M0 0"/></svg><script>t = "<div><a>x</a></div>";</script><!-- <p> -->'
    sections = block * (MAX_ELEMENTS // 2 - 5)
    around = hidden * ((LIMIT - len(sections) - 200) // len(hidden) // (MAX_ELEMENTS // 2 - 5))
    unclosed = "<script><style><svg><template><noscript><!--<p>x</p>"
    return {
        f"html: {MAX_ELEMENTS:,} elements in sections": _page(sections, story),
        "html: the same amid 1.5 MB of hidden": _page((block + around) * (MAX_ELEMENTS // 2 - 5), story.replace("6 April", "7 April")),
        "html: 2 MB of unclosed hidden": _page(unclosed * ((LIMIT - 200) // len(unclosed)), story),
        f"html: {FALLBACK_ELEMENTS:,} elements, with fallbacks": _page(block * (FALLBACK_ELEMENTS // 2 - 5), story),
        f"html: {per_tag} tags of 999 attributes": _page(tag * per_tag + "<p>talks went on</p>" * (MAX_ELEMENTS - per_tag - 10), story),
        "html: 2 MB of date-like text": _page(text * ((LIMIT - 200) // len(text)), story)[:LIMIT],
    }


def _page(blocks: str, story: str) -> str:
    return f"<html><body>{blocks}{story}</body></html>"


def report(name: str, size: int, response, elapsed: float, cpu: float) -> None:
    detail = json.loads(response.body).get("detail", "") if response.body and response.status >= 400 else ""
    print(f"{name:38} {size:>9,} chars  {response.status}  {response.headers.get('Content-Type'):26} "
          f"{elapsed:5.2f} s  {cpu:5.2f} s  {detail[:70]}")


def workers_cpu(server) -> float:
    """Return the CPU seconds the server's workers have used (Linux /proc), the load of the machine aside."""
    total = 0.0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == server.process.pid:  # a worker: a child of the master
            total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return total


def post(server, path: str, body: dict):
    """Send one body; return (response, wall seconds, the workers' CPU seconds)."""
    began_cpu, started = workers_cpu(server), time.monotonic()
    response = request(server.url, "POST", path, body, {"Authorization": f"Bearer {TOKEN}"}, timeout=120)
    return response, time.monotonic() - started, workers_cpu(server) - began_cpu


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
            print(f"{'body':38} {'size':>15}  status and type{'':17} wall     server CPU")
            for name, body in bodies().items():
                report(name, len(body), *post(server, "/api/articles", {"body": body, "published_at": "2021-04-07"}))
            for name, html in pages().items():
                report(name, len(html), *post(server, "/api/articles", {"html": html}))
            worst = next(iter(pages().values()))
            # Each page tells another day, so none is the stored copy of another; JSON escapes their quotes.
            items = [{"html": worst.replace("6 April", f"{n + 1} May")} for n in range(LIMIT * 3 // 4 // len(worst))]
            response, elapsed, cpu = post(server, "/api/articles/batch", {"articles": items})
            statuses = [item["status"] for item in json.loads(response.body)["items"]] if response.status == 200 else []
            print(f"{'batch of ' + str(len(items)) + ' such pages':38} {len(worst) * len(items):>9,} chars  {response.status}  "
                  f"{response.headers.get('Content-Type'):26} {elapsed:5.2f} s  {cpu:5.2f} s  item statuses {statuses}")
        finally:
            server.stop()
    print("\nreading each page in this process, no budget (CPU seconds):")
    for name, html in pages().items():
        began = time.thread_time()
        try:
            page = read_page(html)
        except PageError as exc:
            print(f"{name:38} {time.thread_time() - began:5.2f} s ({exc})")
            continue
        read = time.thread_time()
        page.text_date()
        print(f"{name:38} {time.thread_time() - began:5.2f} s (free-text date search {time.thread_time() - read:4.2f} s)")


if __name__ == "__main__":
    main()
