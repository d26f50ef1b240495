"""Build fetch policies and the follower from the app's configuration."""
from __future__ import annotations

from datetime import timedelta

from .fetch import Fetcher, FetchPolicy
from .follow import Follower
from .pacing import HostPacer
from .robots import RobotsCache


def fetch_policy(config, guarded: bool) -> FetchPolicy:
    """Return the fetch policy: guarded for what API clients ask for, open for the operator's command line."""
    deadline = config["FETCH_TIMEOUT"]
    return FetchPolicy(guarded=guarded, allow_hosts=frozenset(config["FETCH_ALLOW_HOSTS"]),
                       max_bytes=config["FETCH_MAX_BYTES"], deadline=deadline, ca_file=config["FETCH_CA_FILE"],
                       read_timeout=min(10.0, deadline), connect_timeout=min(5.0, deadline))


def make_follower(config) -> Follower:
    """Return a follower whose two fetchers share one robots.txt memory."""
    robots = RobotsCache()
    return Follower(operator=Fetcher(fetch_policy(config, False), robots),
                    guarded=Fetcher(fetch_policy(config, True), robots),
                    pacer=HostPacer(config["FETCH_DELAY"]), interval=timedelta(seconds=config["FOLLOW_INTERVAL"]))
