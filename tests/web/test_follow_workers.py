"""Two followers on one database: no entry fetched twice, no article stored twice; claims survive a dead worker."""
import os
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest

from local_site import GENERATED_ENTRIES
from service.models import Article, Feed, FeedEntry, utcnow
from service.web.feeds import FeedEntry as Entry
from service.web.follow import LEASE, claim, claim_entry, register_feed
from service.web.pacing import HostPacer

ROOT = Path(__file__).resolve().parents[2]
TIMELINE = str(Path(sys.executable).parent / "timeline")


def start(database_url, *args):
    env = {**os.environ, "DATABASE_URL": database_url, "PYTHONPATH": str(ROOT), "TIMELINE_FETCH_DELAY": "0"}
    return subprocess.Popen([TIMELINE, *args], cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def test_two_follower_processes_never_fetch_or_store_an_entry_twice(app, database_url, site):
    before = len(site.requests)
    feeds = [site.url("/feeds/many.rss"), site.url("/feeds/news.rss"), site.url("/feeds/news.atom")]
    # Each process registers the feeds itself and polls them; started together, they race for every feed.
    followers = [start(database_url, "follow", "--once", *order) for order in (feeds, feeds[::-1])]
    outputs = [process.communicate(timeout=240)[0] for process in followers]
    assert [process.returncode for process in followers] == [0, 0], outputs
    entry_paths = [path for path in site.paths()[before:] if path.startswith("/gen/")]
    assert sorted(entry_paths) == sorted(f"/gen/{i}" for i in range(GENERATED_ENTRIES))
    assert Article.select().count() == GENERATED_ENTRIES + 4
    assert FeedEntry.select().where(FeedEntry.status == "stored").count() == GENERATED_ENTRIES + 4
    assert Feed.select().count() == 3


def test_a_claimed_feed_is_skipped_until_its_lease_ends(app):
    feed, _ = register_feed("https://feeds.example.org/rss", guarded=True)
    assert claim(feed.id, "worker-a") is True
    assert claim(feed.id, "worker-b") is False
    # worker-a died: once its lease has run out, another worker takes the feed.
    Feed.update(claimed_until=utcnow() - timedelta(seconds=1)).where(Feed.id == feed.id).execute()
    assert claim(feed.id, "worker-b") is True


def test_an_entry_is_claimed_once_and_retried_only_after_failure_or_a_dead_worker(app):
    feed, _ = register_feed("https://feeds.example.org/rss", guarded=True)
    entry = Entry(id="e-1", url="https://news.example.org/a", title=None, published=None)
    assert claim_entry(feed.id, entry) is not None
    assert claim_entry(feed.id, entry) is None  # another worker, same entry: refused by the unique index
    FeedEntry.update(updated_at=utcnow() - LEASE - timedelta(seconds=1)).execute()
    assert claim_entry(feed.id, entry).attempts == 2  # the worker fetching it died: taken over, once
    assert claim_entry(feed.id, entry) is None
    FeedEntry.update(status="failed").execute()
    assert claim_entry(feed.id, entry).attempts == 3
    FeedEntry.update(status="failed").execute()
    assert claim_entry(feed.id, entry) is None  # three attempts in all
    FeedEntry.update(status="stored").execute()
    assert claim_entry(feed.id, entry) is None


def test_operator_registering_a_feed_lifts_the_guard_api_registering_does_not_add_it(app):
    feed, created = register_feed("https://feeds.example.org/rss", guarded=True)
    assert created and feed.guarded
    assert register_feed("https://feeds.example.org/rss", guarded=False)[0].guarded is False
    assert register_feed("https://feeds.example.org/rss", guarded=True) == (Feed.get(), False)
    assert Feed.get().guarded is False


def test_pacers_in_two_processes_share_each_hosts_pause(app, monkeypatch):
    # A clock that moves only by the pauses taken: what the pacers and the database do in between takes no time,
    # however busy the machine (on a real clock a tenth of a second of margin was a third spent under load).
    clock, pauses = [utcnow()], []

    def sleep(seconds):
        pauses.append(seconds)
        clock[0] += timedelta(seconds=seconds)

    monkeypatch.setattr("service.web.pacing.time.sleep", sleep)
    monkeypatch.setattr("service.web.pacing.utcnow", lambda: clock[0])
    start = clock[0]
    first, second = HostPacer(delay=2.0), HostPacer(delay=2.0)  # as in two workers: only the database is shared
    asked = {}
    for pacer, url, crawl_delay in [(first, "https://a.example/1", 0.0),
                                    (second, "https://b.example/1", 0.0),  # another host: no pause
                                    (second, "https://a.example/2", 0.0),
                                    (first, "https://a.example/3", 5.0),  # the site's Crawl-delay, longer than ours
                                    (second, "https://a.example/4", 0.0)]:
        pacer.wait(url, at_least=crawl_delay)
        asked[url] = (clock[0] - start).total_seconds()
    assert pauses == [2.0, 2.0, 5.0]
    # a.example is asked every 2 s, and 5 s after the page whose answer named the longer delay; b.example at once.
    assert asked == {"https://a.example/1": 0.0, "https://b.example/1": 0.0, "https://a.example/2": 2.0,
                     "https://a.example/3": 4.0, "https://a.example/4": 9.0}


class Stop(Exception):
    pass


def test_follow_polls_due_feeds_then_sleeps_until_the_next_is_due(app, site):
    from service.web.follow import follow
    from service.web.setup import make_follower

    app.config.update(FETCH_DELAY=0, FOLLOW_INTERVAL=600)
    feed, _ = register_feed(site.url("/feeds/news.atom"), guarded=False)
    pauses = []

    def sleep(seconds):
        pauses.append(seconds)
        raise Stop

    with pytest.raises(Stop):
        follow(None, make_follower(app.config), sleep=sleep)
    polled = Feed.get_by_id(feed.id)
    assert polled.status == "ok" and Article.select().count() == 2
    # Nothing is due for ten minutes: the loop looks again within a minute, so feeds added meanwhile are seen.
    assert pauses == [60.0]
    Feed.update(next_fetch_at=utcnow() + timedelta(seconds=20)).execute()
    with pytest.raises(Stop):
        follow(None, make_follower(app.config), sleep=sleep)
    assert 18 < pauses[-1] <= 20
