"""Step 1: the base tables: articles, events and their sources, actors, topics and the links between them.

The statements are frozen: a table or column added later belongs to a later step, so editing a model never changes
what this step does. Each is, character for character, what peewee's create_tables(safe=True) issued for the models
of the day, which already had actor roles, the per-source event fields and the link dates (steps 10 and 40 add them
to databases created before then). Step 2 reads article's declaration back and rewrites it, so a database created
now is declared exactly as one created then.
"""
from ...db import is_postgres

SQLITE_TABLES = [
    ('CREATE TABLE IF NOT EXISTS "actor" ("id" INTEGER NOT NULL PRIMARY KEY, "name" TEXT NOT NULL, '
     '"slug" VARCHAR(255) NOT NULL, "kind" VARCHAR(255) NOT NULL, "aliases" TEXT NOT NULL, "roles" TEXT NOT NULL, '
     '"created_at" DATETIME NOT NULL)'),
    ('CREATE TABLE IF NOT EXISTS "article" ("id" INTEGER NOT NULL PRIMARY KEY, "title" TEXT, '
     '"body" TEXT NOT NULL, "url" TEXT, "source" TEXT, "published_at" VARCHAR(255), "published_on" DATE, '
     '"published_precision" VARCHAR(255), "language" VARCHAR(255) NOT NULL, "content_hash" VARCHAR(255) NOT NULL, '
     '"created_at" DATETIME NOT NULL)'),
    ('CREATE TABLE IF NOT EXISTS "event" ("id" INTEGER NOT NULL PRIMARY KEY, "value" VARCHAR(255), '
     '"date_start" DATE NOT NULL, "date_end" DATE NOT NULL, "granularity" VARCHAR(255) NOT NULL, '
     '"modifier" VARCHAR(255), "title" TEXT NOT NULL, "status" VARCHAR(255) NOT NULL, "confidence" REAL NOT NULL, '
     '"fingerprint" VARCHAR(255), "created_at" DATETIME NOT NULL, "updated_at" DATETIME NOT NULL)'),
    ('CREATE TABLE IF NOT EXISTS "eventactor" ("id" INTEGER NOT NULL PRIMARY KEY, "event_id" INTEGER NOT NULL, '
     '"actor_id" INTEGER NOT NULL, "granularity" VARCHAR(255), "date_start" DATE, "date_end" DATE, '
     'FOREIGN KEY ("event_id") REFERENCES "event" ("id") ON DELETE CASCADE, '
     'FOREIGN KEY ("actor_id") REFERENCES "actor" ("id") ON DELETE CASCADE)'),
    ('CREATE TABLE IF NOT EXISTS "eventsource" ("id" INTEGER NOT NULL PRIMARY KEY, "event_id" INTEGER NOT NULL, '
     '"article_id" INTEGER NOT NULL, "quote" TEXT NOT NULL, "start" INTEGER NOT NULL, "end" INTEGER NOT NULL, '
     '"expression" TEXT NOT NULL, "expression_start" INTEGER NOT NULL, "expression_end" INTEGER NOT NULL, '
     '"confidence" REAL NOT NULL, "title" TEXT, "value" VARCHAR(255), "date_start" DATE, "date_end" DATE, '
     '"granularity" VARCHAR(255), "modifier" VARCHAR(255), "status" VARCHAR(255), "actors" TEXT NOT NULL, '
     '"topics" TEXT NOT NULL, FOREIGN KEY ("event_id") REFERENCES "event" ("id") ON DELETE CASCADE, '
     'FOREIGN KEY ("article_id") REFERENCES "article" ("id") ON DELETE CASCADE)'),
    ('CREATE TABLE IF NOT EXISTS "topic" ("id" INTEGER NOT NULL PRIMARY KEY, "name" TEXT NOT NULL, '
     '"slug" VARCHAR(255) NOT NULL, "keywords" TEXT NOT NULL, "parent_id" INTEGER, '
     '"created_at" DATETIME NOT NULL, FOREIGN KEY ("parent_id") REFERENCES "topic" ("id") ON DELETE SET NULL)'),
    ('CREATE TABLE IF NOT EXISTS "eventtopic" ("id" INTEGER NOT NULL PRIMARY KEY, "event_id" INTEGER NOT NULL, '
     '"topic_id" INTEGER NOT NULL, "granularity" VARCHAR(255), "date_start" DATE, "date_end" DATE, '
     'FOREIGN KEY ("event_id") REFERENCES "event" ("id") ON DELETE CASCADE, '
     'FOREIGN KEY ("topic_id") REFERENCES "topic" ("id") ON DELETE CASCADE)'),
]
POSTGRES_TABLES = [
    ('CREATE TABLE IF NOT EXISTS "actor" ("id" SERIAL NOT NULL PRIMARY KEY, "name" TEXT NOT NULL, '
     '"slug" VARCHAR(255) NOT NULL, "kind" VARCHAR(255) NOT NULL, "aliases" TEXT NOT NULL, "roles" TEXT NOT NULL, '
     '"created_at" TIMESTAMP NOT NULL)'),
    ('CREATE TABLE IF NOT EXISTS "article" ("id" SERIAL NOT NULL PRIMARY KEY, "title" TEXT, "body" TEXT NOT NULL, '
     '"url" TEXT, "source" TEXT, "published_at" VARCHAR(255), "published_on" DATE, '
     '"published_precision" VARCHAR(255), "language" VARCHAR(255) NOT NULL, "content_hash" VARCHAR(255) NOT NULL, '
     '"created_at" TIMESTAMP NOT NULL)'),
    ('CREATE TABLE IF NOT EXISTS "event" ("id" SERIAL NOT NULL PRIMARY KEY, "value" VARCHAR(255), '
     '"date_start" DATE NOT NULL, "date_end" DATE NOT NULL, "granularity" VARCHAR(255) NOT NULL, '
     '"modifier" VARCHAR(255), "title" TEXT NOT NULL, "status" VARCHAR(255) NOT NULL, "confidence" REAL NOT NULL, '
     '"fingerprint" VARCHAR(255), "created_at" TIMESTAMP NOT NULL, "updated_at" TIMESTAMP NOT NULL)'),
    ('CREATE TABLE IF NOT EXISTS "eventactor" ("id" SERIAL NOT NULL PRIMARY KEY, "event_id" INTEGER NOT NULL, '
     '"actor_id" INTEGER NOT NULL, "granularity" VARCHAR(255), "date_start" DATE, "date_end" DATE, '
     'FOREIGN KEY ("event_id") REFERENCES "event" ("id") ON DELETE CASCADE, '
     'FOREIGN KEY ("actor_id") REFERENCES "actor" ("id") ON DELETE CASCADE)'),
    ('CREATE TABLE IF NOT EXISTS "eventsource" ("id" SERIAL NOT NULL PRIMARY KEY, "event_id" INTEGER NOT NULL, '
     '"article_id" INTEGER NOT NULL, "quote" TEXT NOT NULL, "start" INTEGER NOT NULL, "end" INTEGER NOT NULL, '
     '"expression" TEXT NOT NULL, "expression_start" INTEGER NOT NULL, "expression_end" INTEGER NOT NULL, '
     '"confidence" REAL NOT NULL, "title" TEXT, "value" VARCHAR(255), "date_start" DATE, "date_end" DATE, '
     '"granularity" VARCHAR(255), "modifier" VARCHAR(255), "status" VARCHAR(255), "actors" TEXT NOT NULL, '
     '"topics" TEXT NOT NULL, FOREIGN KEY ("event_id") REFERENCES "event" ("id") ON DELETE CASCADE, '
     'FOREIGN KEY ("article_id") REFERENCES "article" ("id") ON DELETE CASCADE)'),
    ('CREATE TABLE IF NOT EXISTS "topic" ("id" SERIAL NOT NULL PRIMARY KEY, "name" TEXT NOT NULL, '
     '"slug" VARCHAR(255) NOT NULL, "keywords" TEXT NOT NULL, "parent_id" INTEGER, '
     '"created_at" TIMESTAMP NOT NULL, FOREIGN KEY ("parent_id") REFERENCES "topic" ("id") ON DELETE SET NULL)'),
    ('CREATE TABLE IF NOT EXISTS "eventtopic" ("id" SERIAL NOT NULL PRIMARY KEY, "event_id" INTEGER NOT NULL, '
     '"topic_id" INTEGER NOT NULL, "granularity" VARCHAR(255), "date_start" DATE, "date_end" DATE, '
     'FOREIGN KEY ("event_id") REFERENCES "event" ("id") ON DELETE CASCADE, '
     'FOREIGN KEY ("topic_id") REFERENCES "topic" ("id") ON DELETE CASCADE)'),
]
INDEXES = [
    'CREATE UNIQUE INDEX IF NOT EXISTS "actor_slug" ON "actor" ("slug")',
    'CREATE UNIQUE INDEX IF NOT EXISTS "article_url" ON "article" ("url")',
    'CREATE INDEX IF NOT EXISTS "article_published_on" ON "article" ("published_on")',
    'CREATE UNIQUE INDEX IF NOT EXISTS "article_content_hash" ON "article" ("content_hash")',
    'CREATE INDEX IF NOT EXISTS "event_date_start" ON "event" ("date_start")',
    'CREATE INDEX IF NOT EXISTS "event_date_end" ON "event" ("date_end")',
    'CREATE INDEX IF NOT EXISTS "event_fingerprint" ON "event" ("fingerprint")',
    'CREATE INDEX IF NOT EXISTS "event_date_start_date_end" ON "event" ("date_start", "date_end")',
    'CREATE INDEX IF NOT EXISTS "eventactor_event_id" ON "eventactor" ("event_id")',
    'CREATE INDEX IF NOT EXISTS "eventactor_actor_id" ON "eventactor" ("actor_id")',
    'CREATE UNIQUE INDEX IF NOT EXISTS "eventactor_event_id_actor_id" ON "eventactor" ("event_id", "actor_id")',
    'CREATE INDEX IF NOT EXISTS "eventactor_actor_id_event_id" ON "eventactor" ("actor_id", "event_id")',
    'CREATE INDEX IF NOT EXISTS "eventsource_event_id" ON "eventsource" ("event_id")',
    'CREATE INDEX IF NOT EXISTS "eventsource_article_id" ON "eventsource" ("article_id")',
    ('CREATE UNIQUE INDEX IF NOT EXISTS "eventsource_event_id_article_id_expression_start" '
     'ON "eventsource" ("event_id", "article_id", "expression_start")'),
    'CREATE UNIQUE INDEX IF NOT EXISTS "topic_slug" ON "topic" ("slug")',
    'CREATE INDEX IF NOT EXISTS "topic_parent_id" ON "topic" ("parent_id")',
    'CREATE INDEX IF NOT EXISTS "eventtopic_event_id" ON "eventtopic" ("event_id")',
    'CREATE INDEX IF NOT EXISTS "eventtopic_topic_id" ON "eventtopic" ("topic_id")',
    'CREATE UNIQUE INDEX IF NOT EXISTS "eventtopic_event_id_topic_id" ON "eventtopic" ("event_id", "topic_id")',
    'CREATE INDEX IF NOT EXISTS "eventtopic_topic_id_event_id" ON "eventtopic" ("topic_id", "event_id")',
]


def apply(database):
    """Create the base tables and their indexes (IF NOT EXISTS: an older database keeps the ones it has)."""
    for statement in (POSTGRES_TABLES if is_postgres() else SQLITE_TABLES) + INDEXES:
        database.execute_sql(statement)
