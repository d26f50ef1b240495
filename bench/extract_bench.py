"""Benchmark the date extractor: documents/s, per-document p50/p95 and peak memory.

Usage: .venv/bin/python bench/extract_bench.py [--articles 10000] [--language fr]
Runs in-process over the seed articles and the TimeBank texts, then streams N synthetic articles
(sentences of those texts, shuffled into new articles) through `extract --jsonl` in a child process.
With --language, the texts are the hand-made set of tests/fixtures/languages/<language> instead, and
the in-process run is first timed on articles whose every number is drawn anew ("new dates"), from an
empty memory of dateparser's readings, so that most dates are ones dateparser has not read before; then
on the set's own sentences; then with the readings forgotten before every article ("cold", the worst
case: a process that reads a single article).
"""
import argparse
import json
import random
import re
import resource
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))

from service.extraction import extract, sentences  # noqa: E402
from service.extraction.locales.normalise import read  # noqa: E402
from service.extraction.timeml import read_directory  # noqa: E402


def seed_articles() -> list[tuple[str, str | None]]:
    """Return (text, published) of the seed articles."""
    manifest = json.loads((SHARED / "seeds" / "manifest.json").read_text())
    return [((SHARED / "seeds" / a["file"]).read_text(encoding="utf-8"), a["published_at"]) for a in manifest["articles"]]


def timebank_articles() -> list[tuple[str, str | None]]:
    """Return (text, creation time) of the TimeBank documents."""
    return [(d.text, d.creation_time) for d in read_directory(SHARED / "eval" / "timebank")]


def language_articles(language: str) -> list[tuple[str, str | None]]:
    """Return (text, creation time) of the hand-made documents of a language."""
    return [(d.text, d.creation_time) for d in read_directory(ROOT / "tests" / "fixtures" / "languages" / language)]


def with_new_numbers(articles: list, seed: int = 11) -> list:
    """Return the articles with every number replaced by a random one of its width (days 1-28, years 1990-2029)."""
    shuffler = random.Random(seed)

    def number(match: re.Match) -> str:
        width = len(match.group())
        return str(shuffler.randint(1990, 2029)) if width == 4 else f"{shuffler.randint(1, 28):0{width}d}"

    return [(re.sub(r"(?<!\d)(?:\d{4}|\d{1,2})(?!\d)", number, text), published) for text, published in articles]


def run_in_process(label: str, articles: list, rounds: int, language: str | None = None, cold: bool = False) -> None:
    """Extract every article `rounds` times; print throughput and latency percentiles.

    Times are CPU time of this process (the machine may be shared: wall time is printed too).
    cold: forget dateparser's readings before each article, so every span is parsed again.
    """
    extract("warm up the compiled rules", "2021-01-01", language=language)
    timings = []
    wall_began = time.perf_counter()
    for _ in range(rounds):
        for text, published in articles:
            if cold:
                read.cache_clear()
            began = time.process_time()
            extract(text, published, language=language)
            timings.append((time.process_time() - began) * 1000)
    wall = time.perf_counter() - wall_began
    total = sum(timings) / 1000
    cuts = statistics.quantiles(timings, n=100)
    size = statistics.mean(len(text) for text, _ in articles)
    print(f"{label:9} {len(timings):6d} docs (avg {size:,.0f} chars): {len(timings) / total:7.1f} docs/CPU-s "
          f"({len(timings) / wall:.1f} docs/s wall), p50 {cuts[49]:.2f} ms, p95 {cuts[94]:.2f} ms CPU")


def synthetic_articles(pool: list, count: int, language: str | None = None) -> list[dict]:
    """Return `count` JSON-line records built from shuffled sentences of the pool articles."""
    shuffler = random.Random(7)
    sentence_pool = [text[s:e] for text, _ in pool for s, e in sentences(text)]
    records = []
    for number in range(count):
        text = " ".join(shuffler.choice(sentence_pool) for _ in range(shuffler.randint(15, 40)))
        published = f"20{shuffler.randint(10, 24):02d}-{shuffler.randint(1, 12):02d}-{shuffler.randint(1, 28):02d}"
        records.append({"id": number, "text": text, "published": published}
                       | ({"language": language} if language else {}))
    return records


def _watch_peak(pid: int, peak: list[int]) -> None:
    """Keep the child's own peak RSS (VmHWM, reset at exec) in peak[0] until it exits.

    getrusage(RUSAGE_CHILDREN) would also count the copy of this big parent made by fork before exec.
    """
    while True:
        try:
            with open(f"/proc/{pid}/status") as status:
                for line in status:
                    if line.startswith("VmHWM:"):
                        peak[0] = max(peak[0], int(line.split()[1]))
        except (OSError, ValueError):
            return
        time.sleep(0.05)


def run_streaming(records: list[dict]) -> None:
    """Stream records through `extract --jsonl` in a child process; print docs/s and its peak RSS."""
    payload = "".join(json.dumps(r) + "\n" for r in records).encode()
    command = [sys.executable, "-m", "service.extraction.commands", "extract", "--jsonl"]
    began = time.perf_counter()
    child = subprocess.Popen(command, cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    peak = [0]
    watcher = threading.Thread(target=_watch_peak, args=(child.pid, peak), daemon=True)
    watcher.start()
    child.stdin.write(payload[: payload.index(b"\n") + 1])  # one line first: measure start-up apart
    child.stdin.flush()
    child.stdout.readline()
    started = time.perf_counter()
    output, _ = child.communicate(payload[payload.index(b"\n") + 1:])
    finished = time.perf_counter()
    answered = 1 + output.count(b"\n")
    watcher.join()
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    peak_mb, cpu = peak[0] / 1024, usage.ru_utime + usage.ru_stime
    chars = statistics.mean(len(r["text"]) for r in records)
    print(f"jsonl     {answered:6d} docs (avg {chars:,.0f} chars): {answered / cpu:7.1f} docs/CPU-s including "
          f"start-up; wall {(answered - 1) / (finished - started):.1f} docs/s after {started - began:.2f} s start-up; "
          f"peak RSS {peak_mb:.0f} MB; exit {child.returncode}")


def main() -> None:
    """Run the three benchmarks."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000, help="articles to stream through --jsonl")
    parser.add_argument("--language", help="time a language's hand-made set (ISO 639-1) instead of English")
    arguments = parser.parse_args()
    if arguments.language:
        pool = language_articles(arguments.language)
        articles = [(r["text"], r["published"]) for r in synthetic_articles(pool, 500)]
        # New dates first, from an empty memory of readings: a process reading 500 articles of its own.
        run_in_process("new dates", with_new_numbers(articles), rounds=1, language=arguments.language)
        run_in_process(arguments.language, articles, rounds=2, language=arguments.language)
        run_in_process("cold", articles[:200], rounds=1, language=arguments.language, cold=True)
        print(f"in-process peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
        run_streaming(synthetic_articles(pool, arguments.articles, arguments.language))
        return
    seeds, timebank = seed_articles(), timebank_articles()
    run_in_process("seeds", seeds, rounds=40)
    run_in_process("timebank", timebank, rounds=3)
    print(f"in-process peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
    run_streaming(synthetic_articles(seeds + timebank, arguments.articles))


if __name__ == "__main__":
    main()
