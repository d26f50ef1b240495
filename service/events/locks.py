"""The lock that serialises event merging between concurrent ingests."""
from ..db import db, is_postgres

# PostgreSQL advisory lock key (any fixed number works; it only has to be the same in every process).
MERGE_LOCK = 7_402_021


def lock_merging() -> None:
    """Hold the merge lock until the transaction ends, so two writers never create one happening twice."""
    # SQLite needs nothing: the article insert before merging already holds its single write lock.
    if is_postgres():
        db.execute_sql("SELECT pg_advisory_xact_lock(%s)", (MERGE_LOCK,))
