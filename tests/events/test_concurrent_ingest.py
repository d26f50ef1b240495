"""Several writers reporting the same happening at once still make one event."""
from concurrent.futures import ThreadPoolExecutor

from service.db import db
from service.events import sync_vocabularies
from service.ingest import ArticleIn, store_article
from service.models import Event, EventSource

REPORTS = [
    "Russian Foreign Minister Sergei Lavrov met his Indian counterpart S. Jaishankar on April 6, 2021.",
    "Lavrov and Jaishankar held talks in New Delhi on April 6, 2021.",
    "EAM S Jaishankar received Sergey Lavrov on April 6, 2021 for talks.",
    "Talks between Jaishankar and Lavrov took place on April 6, 2021, officials said.",
]


def ingest(body):
    with db.connection_context():
        return store_article(ArticleIn(body=body, published_at="2021-04-07"))[0].id


def test_concurrent_reports_of_one_happening_make_one_event(app):
    with db.connection_context():
        sync_vocabularies()
    with ThreadPoolExecutor(max_workers=len(REPORTS)) as pool:
        articles = list(pool.map(ingest, REPORTS))
    with db.connection_context():
        assert Event.select().count() == 1
        assert sorted(s.article_id for s in EventSource.select()) == sorted(articles)
