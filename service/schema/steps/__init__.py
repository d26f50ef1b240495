"""The migration steps in order. Each module owns the DDL its step applies, frozen: a later change is a new
step with its own DDL, never an edit of an applied one.

Append new steps at the end; never renumber or edit an applied step. Numbers by area: 1-9 storage,
10-19 events/actors/topics, 20-29 API (full-text search), 30-39 ingest speed, 40-49 read speed.
"""
from . import (s001_base, s002_article_ids, s005_web_pages, s010_source_fields, s020_search, s021_walk_indexes,
               s022_covering_index, s030_search_per_statement, s031_search_distinct_quotes, s032_search_appends, s040_link_dates,
               s041_revisions, s042_article_language, s043_job_queue)

MIGRATIONS = [
    (1, "create base tables", s001_base.apply),
    (10, "actor roles and per-source event fields", s010_source_fields.apply),
    (20, "full-text search over events and articles", s020_search.apply),
    (21, "event indexes for walking dates per granularity", s021_walk_indexes.apply),
    (22, "event ids with their dates (PostgreSQL)", s022_covering_index.apply),
    (30, "event search kept current per statement, not per source row (PostgreSQL)", s030_search_per_statement.apply),
    (31, "event search re-indexed only for quotes new to the event (SQLite)", s031_search_distinct_quotes.apply),
    (32, "event search appends only quotes new to the event (PostgreSQL)", s032_search_appends.apply),
    (40, "event dates copied into actor and topic links, walked per actor or topic", s040_link_dates.apply),
    (41, "event revisions bumped by triggers, for rendered events kept in memory", s041_revisions.apply),
    (2, "article ids never used twice (SQLite AUTOINCREMENT)", s002_article_ids.apply),
    (5, "article date sources, kept pages and followed feeds", s005_web_pages.apply),
    (42, "articles listed by language", s042_article_language.apply),
    (43, "the job queue's schema (PostgreSQL)", s043_job_queue.apply),
]
