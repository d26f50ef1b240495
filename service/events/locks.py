"""The locks that serialise event merging between concurrent ingests, and actor and topic edits."""
from ..db import db, is_postgres

# PostgreSQL advisory lock keys (any fixed numbers work; each only has to be the same in every process).
MERGE_LOCK = 7_402_021
EDIT_LOCK = 7_402_022


def lock_merging() -> None:
    """Hold the merge lock until the transaction ends, so two writers never create one happening twice."""
    # SQLite needs nothing: the article insert before merging already holds its single write lock.
    if is_postgres():
        db.execute_sql("SELECT pg_advisory_xact_lock(%s)", (MERGE_LOCK,))


def lock_edits() -> None:
    """Hold off other actor and topic edits until the transaction ends, so what an edit checked still holds."""
    # SQLite needs nothing: BEGIN IMMEDIATE already holds its single write lock. On PostgreSQL two edits at
    # once could each pass their check (two parents making a cycle, one alias given to two actors). Not a
    # table lock: ingest, which adds actors under the merge lock, must not wait on edits.
    if is_postgres():
        db.execute_sql("SELECT pg_advisory_xact_lock(%s)", (EDIT_LOCK,))
