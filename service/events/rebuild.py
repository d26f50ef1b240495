"""Rebuild every event from the stored articles, keeping the ids of the same happenings."""
from ..db import db, is_postgres
from ..models import Article, Event, EventActor, EventSource, EventTopic
from .locks import lock_merging
from .store import Reuse, attach_events, draft_events


def rebuild_events() -> dict[str, int]:
    """Re-derive all events in one transaction; return counts of articles, events kept, created and removed."""
    with db.atomic():
        lock_merging()
        reuse = Reuse()
        for source in EventSource.select(EventSource.article, EventSource.expression_start, EventSource.event).order_by(EventSource.id):
            reuse.by_source.setdefault((source.article_id, source.expression_start), source.event_id)
        before = set()
        for event in Event.select(Event.id, Event.fingerprint, Event.created_at).order_by(Event.id):
            before.add(event.id)
            reuse.by_fingerprint.setdefault(event.fingerprint, []).append(event.id)
            reuse.created_at[event.id] = event.created_at
        # The events go too and come back under their old ids: updating each old row in place kept every
        # version of it (and its index entries) until the transaction ended, and merging read past them all.
        for model in (EventActor, EventTopic, EventSource, Event):
            model.delete().execute()
        # PostgreSQL's sequence is past every old id; SQLite would give a new row the highest id present plus one,
        # which may be an old id not yet restored.
        reuse.next_id = None if is_postgres() else max(before, default=0) + 1
        articles = 0
        for article in Article.select().order_by(Article.id):
            attach_events(article, draft_events(article), reuse)
            articles += 1
        after = {e.id for e in Event.select(Event.id)}
    return {"articles": articles, "events": len(after), "kept": len(after & before),
            "created": len(after - before), "removed": len(before - after)}
