"""A writer that waited too long for SQLite's lock tries its transaction again instead of failing."""
import pytest
from peewee import OperationalError

import service.events as events
from service.events import sync_vocabularies
from service.ingest import ArticleIn, store_article
from service.models import Article, Event, EventSource


def test_locked_database_is_retried_and_the_article_stored_once_with_its_events(app, monkeypatch):
    from service.db import db

    attach, calls = events.attach_events, []

    def locked_once(article, drafted):
        calls.append(article)
        if len(calls) == 1:
            raise OperationalError("database is locked")
        return attach(article, drafted)

    monkeypatch.setattr(events, "attach_events", locked_once)
    monkeypatch.setattr("service.ingest.store.LOCKED_BACKOFF_S", 0)
    with db.connection_context():
        sync_vocabularies()
        article, created = store_article(ArticleIn(body="Lavrov met Jaishankar in New Delhi on April 6, 2021.",
                                                   published_at="2021-04-07"))
        assert created and len(calls) == 2
        assert [a.id for a in Article.select()] == [article.id]
        assert [(e.value, [s.article_id for s in e.sources]) for e in Event.select()] == [("2021-04-06", [article.id])]
        assert EventSource.select().count() == 1


def test_other_database_errors_are_not_retried(app, monkeypatch):
    from service.db import db

    calls = []

    def broken(article, drafted):
        calls.append(article)
        raise OperationalError("disk I/O error")

    monkeypatch.setattr(events, "attach_events", broken)
    with db.connection_context():
        with pytest.raises(OperationalError, match="disk I/O"):
            store_article(ArticleIn(body="Talks were held on April 6, 2021.", published_at="2021-04-07"))
        assert len(calls) == 1 and Article.select().count() == 0
