"""The job queue's tables: procrastinate's own schema, applied once to PostgreSQL when workers follow feeds."""
from procrastinate.schema import SchemaManager

# Two workers starting together must not both create the queue: they take this lock in turn.
LOCK_KEY = 0x74696D65  # "time"


def ensure_job_schema(database) -> bool:
    """Create procrastinate's tables unless present; True when they were created now."""
    with database.atomic():
        database.execute_sql("SELECT pg_advisory_xact_lock(%s)", (LOCK_KEY,))
        if database.execute_sql("SELECT to_regclass('procrastinate_jobs')").fetchone()[0] is not None:
            return False
        # Later procrastinate versions bring their own migration files; the pinned version's schema is applied whole.
        # Through the cursor with no parameters: the schema's own % signs are not placeholders.
        database.cursor().execute(SchemaManager.get_schema())
    return True
