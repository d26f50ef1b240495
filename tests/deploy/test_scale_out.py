"""Many writers at once, on PostgreSQL behind two instances and on SQLite behind several workers."""
from load import CLIENTS, PER_CLIENT, pool, reference, run_clients, snapshot


def assert_consistent(responses, database_url, workdir, articles):
    """No 5xx, no lock error; every distinct article once, and the events a one-by-one ingest makes."""
    assert len(responses) >= CLIENTS * PER_CLIENT // 20
    failures = [(status, body[:300]) for status, body in responses if status >= 500 or status not in (200, 201, 207)]
    assert not failures, failures[:5]
    assert not [body for _, body in responses if "database is locked" in body]
    stored, events = snapshot(database_url)
    expected_articles, expected_events = snapshot(reference(workdir, articles))
    assert stored == expected_articles, "each distinct article stored exactly once"
    assert sum(expected_events.values()) > 0, "the corpus yields events"
    assert events == expected_events, "concurrent merges give the events a sequential ingest gives"


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
