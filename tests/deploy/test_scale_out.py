"""Many writers at once, on PostgreSQL behind two instances and on SQLite behind several workers."""
from load import (CLIENTS, PER_CLIENT, distinct_hashes, pool, replay, run_clients, snapshot, sources_per_article,
                  stored_articles)


def assert_consistent(responses, database_url, workdir, articles):
    """Every article answered 200/201 (no 5xx, no lock error), each stored once, events as a serial ingest."""
    assert len(responses) == CLIENTS * PER_CLIENT
    failures = [(status, body[:300]) for status, body in responses if status not in (200, 201)]
    assert not failures, failures[:5]
    assert not [body for _, body in responses if "database is locked" in body]
    assert stored_articles(database_url) == distinct_hashes(articles), "each distinct article stored exactly once"
    serial = replay(workdir, database_url)
    assert sum(sources_per_article(serial).values()) > len(articles), "the corpus yields events"
    assert sources_per_article(database_url) == sources_per_article(serial), "every article has all its events"
    # A lost race would show here: two events for a happening that the serial ingest stores once.
    assert snapshot(database_url) == snapshot(serial)


def test_two_instances_on_postgresql(stack, postgres_database, workdir, auth):
    apps, proxy = stack(postgres_database, instances=2, workers=2)
    articles = pool()
    responses = run_clients(proxy.url, auth, articles)
    assert_consistent(responses, postgres_database, workdir, articles)
    served = {line.split()[-1] for line in (proxy.root / "access.log").read_text().splitlines()}
    assert {f"127.0.0.1:{app.port}" for app in apps} <= served, "nginx spread the load over both instances"


def test_several_workers_on_sqlite(stack, workdir, auth):
    url = f"sqlite:///{workdir / 'scale-out.db'}"
    _, proxy = stack(url, instances=1, workers=4)
    articles = pool()
    responses = run_clients(proxy.url, auth, articles)
    assert_consistent(responses, url, workdir, articles)
