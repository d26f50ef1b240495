"""Run every benchmark `make bench` promises and print their figures; takes 20-30 minutes on 2 cores.

Steps: install wrk and Datasette (bench/setup.sh), generate the 1,000,000-event SQLite database unless it
exists (about 6 minutes), copy it into PostgreSQL (about 5 minutes), wrk the filtered event list on the API
over SQLite, on Datasette over the same file and on the API over PostgreSQL, then measure batch ingest.
Set TIMELINE_BENCH_POSTGRES to choose the PostgreSQL database (it is dropped and re-created).
"""
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
DATABASE = OUT / "events-1m.db"
POSTGRES = os.environ.get("TIMELINE_BENCH_POSTGRES", "postgresql://postgres@127.0.0.1:5432/timeline_bench")
INGEST_POSTGRES = POSTGRES + "_ingest"


def step(*args: str):
    """Run one bench script with this interpreter, stopping everything when it fails."""
    print(f"\n$ {' '.join(args)}", flush=True)
    subprocess.run([sys.executable, *args], cwd=ROOT, check=True)


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    subprocess.run(["bash", str(ROOT / "bench" / "setup.sh")], check=True)
    if not DATABASE.exists():
        step("bench/make_events_db.py", "--events", "1000000", "--out", str(DATABASE))
    step("bench/make_events_db.py", "--from-sqlite", str(DATABASE), "--postgres", POSTGRES)
    step("bench/api_bench.py", "--sqlite", str(DATABASE), "--postgres", POSTGRES, "--duration", "20",
         "--connections", "32")
    server, name = INGEST_POSTGRES.rsplit("/", 1)
    for sql in (f"DROP DATABASE IF EXISTS {name} WITH (FORCE)", f"CREATE DATABASE {name}"):
        subprocess.run(["psql", f"{server}/postgres", "-qc", sql], check=True)
    step("bench/batch_ingest_bench.py", "--articles", "500", "--clients", "4", "--postgres", INGEST_POSTGRES)


if __name__ == "__main__":
    main()
