"""Step 43: the job queue's tables, types, functions and triggers (PostgreSQL), so no worker issues DDL.

The statements are procrastinate's own schema for the pinned version, frozen in s043_job_queue.sql. A database
whose first worker already created the queue (workers once did, from the same schema) keeps it as it is.
"""
from pathlib import Path

from ...db import is_postgres

SCHEMA = Path(__file__).with_suffix(".sql")


def apply(database):
    """Create procrastinate's schema unless a worker already did (PostgreSQL; SQLite has no job queue)."""
    if not is_postgres():
        return
    if database.execute_sql("SELECT to_regclass('procrastinate_jobs')").fetchone()[0] is not None:
        return
    # Through the cursor with no parameters: the schema's own % signs are not placeholders.
    database.cursor().execute(SCHEMA.read_text())
