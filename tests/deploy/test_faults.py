"""Faults: a worker killed mid-ingest, and the database going away and coming back."""
import os
import signal
import threading
import time
from urllib.parse import urlparse

import pytest

from corpus import articles
from load import distinct_hashes, replay, snapshot, sources_per_article
from servers import POSTGRES_URL, PREFIX, TcpRelay, request

BATCH = 100


def wait_until(predicate, timeout=120.0, step=0.005):
    """Poll predicate until it holds; return whether it did (the deadline only ends a wait that would never end)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(step)
    return False


def test_worker_killed_mid_batch_leaves_no_partial_article(stack, workdir, auth):
    url = f"sqlite:///{workdir / 'kill.db'}"
    # A batch is one request, and its articles share one extraction budget: the default 4 s is only seven times
    # what these 100 cost on a 2-core machine, and the re-sent batch must store them all. This test is about the
    # kill, so the budget is the worker's timeout.
    (app,), proxy = stack(url, workers=1, env={"TIMELINE_EXTRACTION_BUDGET": "60"})
    batch = articles(BATCH, seed=9)
    responses = []
    sender = threading.Thread(
        target=lambda: responses.append(
            request(proxy.url, "POST", f"{PREFIX}/api/articles/batch", {"articles": batch}, auth)))
    sender.start()
    # Kill as soon as the batch is under way, so some articles are stored and the rest are not.
    assert wait_until(lambda: 0 < len(sources_per_article(url))), "the batch started storing articles"
    (worker,) = app.worker_pids()
    os.kill(worker, signal.SIGKILL)
    sender.join(60)
    stored = sources_per_article(url)
    assert 0 < len(stored) < BATCH, "the kill landed in the middle of the batch"
    assert responses and responses[0].status == 502, "nginx reports the dead upstream"

    assert stored == sources_per_article(replay(workdir, url)), "every stored article has all its events, none half"

    # The master has started a new worker: re-sending the whole batch is safe.
    assert wait_until(lambda: request(app.url, "GET", "/healthz").status == 200)
    again = request(proxy.url, "POST", f"{PREFIX}/api/articles/batch", {"articles": batch}, auth)
    assert again.status == 200, again.body[:300]
    statuses = [item["status"] for item in again.json()["items"]]
    assert statuses.count(200) == len(stored) and statuses.count(201) == BATCH - len(stored)
    assert sources_per_article(url).keys() == distinct_hashes(batch).keys()
    assert snapshot(url) == snapshot(replay(workdir, url))


@pytest.fixture
def relay():
    """A relay to the shared PostgreSQL server, closed after the test."""
    target = urlparse(POSTGRES_URL)
    relay = TcpRelay(target.port or 5432, target.hostname).start()
    yield relay
    relay.cut()


def test_database_outage_answers_503_and_recovers_without_restart(stack, postgres_database, relay):
    target = urlparse(POSTGRES_URL)
    name = urlparse(postgres_database).path
    url = f"postgresql://{target.username}@127.0.0.1:{relay.port}{name}"
    (app,), proxy = stack(url, workers=2)
    workers = app.worker_pids()
    for path in ("/readyz", "/api/events"):
        assert request(proxy.url, "GET", f"{PREFIX}{path}").status == 200

    relay.cut()
    for path in ("/readyz", "/api/events", "/api/articles"):
        response = request(proxy.url, "GET", f"{PREFIX}{path}")
        assert response.status == 503, (path, response.body[:300])
        assert response.headers["Content-Type"].startswith("application/problem+json")
        assert response.json()["status"] == 503
        assert int(response.headers["Retry-After"]) > 0

    relay.restore()
    assert wait_until(lambda: request(proxy.url, "GET", f"{PREFIX}/readyz").status == 200, step=0.2)
    assert request(proxy.url, "GET", f"{PREFIX}/api/events").status == 200
    assert app.worker_pids() == workers, "recovered by reconnecting, not by restarting workers"
