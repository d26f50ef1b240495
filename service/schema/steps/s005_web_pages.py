"""Step 5: where an article's date came from, its date conflict, the page it was read from, followed feeds, and
the pause each host is owed."""
from ...db import is_postgres

# Added whenever missing: only a database created while step 1 still followed the models has them already.
ARTICLE_COLUMNS = {"published_at_source": "VARCHAR(255)", "date_conflict": "TEXT"}

SQLITE_DDL = [
    """CREATE TABLE IF NOT EXISTS "fetch_host" (
        "host" TEXT NOT NULL PRIMARY KEY,
        "next_at" DATETIME NOT NULL)""",
    """CREATE TABLE IF NOT EXISTS "article_html" (
        "article_id" INTEGER NOT NULL PRIMARY KEY REFERENCES "article" ("id") ON DELETE CASCADE,
        "html" BLOB NOT NULL,
        "fetched_url" TEXT)""",
    """CREATE TABLE IF NOT EXISTS "feed" (
        "id" INTEGER NOT NULL PRIMARY KEY,
        "url" TEXT NOT NULL,
        "title" TEXT,
        "etag" TEXT,
        "last_modified" TEXT,
        "status" VARCHAR(255) NOT NULL,
        "error" TEXT,
        "last_fetched_at" DATETIME,
        "next_fetch_at" DATETIME,
        "claimed_by" TEXT,
        "claimed_until" DATETIME,
        "guarded" INTEGER NOT NULL,
        "created_at" DATETIME NOT NULL)""",
    """CREATE TABLE IF NOT EXISTS "feed_entry" (
        "id" INTEGER NOT NULL PRIMARY KEY,
        "feed_id" INTEGER NOT NULL REFERENCES "feed" ("id") ON DELETE CASCADE,
        "entry_key" TEXT NOT NULL,
        "url" TEXT NOT NULL,
        "status" VARCHAR(255) NOT NULL,
        "error" TEXT,
        "attempts" INTEGER NOT NULL,
        "article_id" INTEGER REFERENCES "article" ("id") ON DELETE SET NULL,
        "updated_at" DATETIME NOT NULL)""",
]
POSTGRES_DDL = [
    """CREATE TABLE IF NOT EXISTS "fetch_host" (
        "host" TEXT NOT NULL PRIMARY KEY,
        "next_at" TIMESTAMP NOT NULL)""",
    """CREATE TABLE IF NOT EXISTS "article_html" (
        "article_id" INTEGER NOT NULL PRIMARY KEY REFERENCES "article" ("id") ON DELETE CASCADE,
        "html" BYTEA NOT NULL,
        "fetched_url" TEXT)""",
    """CREATE TABLE IF NOT EXISTS "feed" (
        "id" SERIAL NOT NULL PRIMARY KEY,
        "url" TEXT NOT NULL,
        "title" TEXT,
        "etag" TEXT,
        "last_modified" TEXT,
        "status" VARCHAR(255) NOT NULL,
        "error" TEXT,
        "last_fetched_at" TIMESTAMP,
        "next_fetch_at" TIMESTAMP,
        "claimed_by" TEXT,
        "claimed_until" TIMESTAMP,
        "guarded" BOOLEAN NOT NULL,
        "created_at" TIMESTAMP NOT NULL)""",
    """CREATE TABLE IF NOT EXISTS "feed_entry" (
        "id" SERIAL NOT NULL PRIMARY KEY,
        "feed_id" INTEGER NOT NULL REFERENCES "feed" ("id") ON DELETE CASCADE,
        "entry_key" TEXT NOT NULL,
        "url" TEXT NOT NULL,
        "status" VARCHAR(255) NOT NULL,
        "error" TEXT,
        "attempts" INTEGER NOT NULL,
        "article_id" INTEGER REFERENCES "article" ("id") ON DELETE SET NULL,
        "updated_at" TIMESTAMP NOT NULL)""",
]
INDEX_DDL = [
    'CREATE UNIQUE INDEX IF NOT EXISTS "feed_url" ON "feed" ("url")',
    'CREATE INDEX IF NOT EXISTS "feed_next_fetch_at" ON "feed" ("next_fetch_at")',
    # One row per entry of a feed: the insert that claims an entry fails for a second worker.
    'CREATE UNIQUE INDEX IF NOT EXISTS "feed_entry_feed_id_entry_key" ON "feed_entry" ("feed_id", "entry_key")',
    'CREATE INDEX IF NOT EXISTS "feed_entry_article_id" ON "feed_entry" ("article_id")',
]
# Articles stored before this step had a date only when one was given.
BACKFILL = ("UPDATE article SET published_at_source = CASE WHEN published_at IS NULL THEN 'none' ELSE 'given' END "
            "WHERE published_at_source IS NULL")


def apply(database):
    """Add the article's date source and conflict, the kept pages, and the feed tables."""
    present = {column.name for column in database.get_columns("article")}
    for name, kind in ARTICLE_COLUMNS.items():
        if name not in present:
            database.execute_sql(f'ALTER TABLE "article" ADD COLUMN "{name}" {kind}')
    for statement in (POSTGRES_DDL if is_postgres() else SQLITE_DDL) + INDEX_DDL:
        database.execute_sql(statement)
    database.execute_sql(BACKFILL)
