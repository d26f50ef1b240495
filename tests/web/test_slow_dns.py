"""Name resolution keeps to the fetch's time budget, against a real DNS server that never answers.

The system resolver (getaddrinfo) reads its servers from /etc/resolv.conf. The fetch runs in a child process
with a mount namespace of its own, where a resolv.conf naming the silent server is mounted over the machine's;
the rest of the machine keeps its resolver.
"""
import json
import random
import shutil
import socket
import subprocess
import sys
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# Without a budget, glibc waits its own timeout (30 s, its most) before the name "does not resolve".
RESOLV_CONF = "nameserver {address}\noptions timeout:30 attempts:1\n"
FETCH = """
import json
from service.web.fetch import FetchError, Fetcher, FetchPolicy
try:
    Fetcher(FetchPolicy(guarded=True, deadline=0.5)).get("http://news.slow-dns.example/world/talks")
    print(json.dumps({"kind": "fetched"}))
except FetchError as exc:
    print(json.dumps({"kind": exc.kind, "message": str(exc)}))
"""


def _namespaces_available() -> bool:
    if not shutil.which("unshare"):
        return False
    probe = subprocess.run(["unshare", "--mount", "mount", "--bind", "/etc/hostname", "/etc/hostname"],
                           capture_output=True)
    return probe.returncode == 0


pytestmark = pytest.mark.skipif(not _namespaces_available(),
                                reason="needs unshare and mount (root) to point a child's resolver at the test's server")


@pytest.fixture
def silent_dns():
    """A DNS server on a loopback address of its own (port 53) that reads every query and answers none."""
    server = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    for _ in range(20):  # another address when one is taken (a local stub resolver, another run of this test)
        address = f"127.{random.randint(1, 254)}.{random.randint(1, 254)}.{random.randint(2, 254)}"
        try:
            server.bind((address, 53))
            break
        except OSError:
            continue
    else:
        pytest.fail("no free loopback address for the silent DNS server")
    server.settimeout(0.2)
    queries, stop = [], threading.Event()

    def listen():
        while not stop.is_set():
            try:
                queries.append(server.recvfrom(512)[0])
            except (TimeoutError, OSError):
                continue

    thread = threading.Thread(target=listen, daemon=True)
    thread.start()
    yield address, queries
    stop.set()
    thread.join()
    server.close()


def test_a_name_the_dns_server_never_answers_is_a_timeout_within_the_fetch_budget(silent_dns, tmp_path):
    address, queries = silent_dns
    resolv = tmp_path / "resolv.conf"
    resolv.write_text(RESOLV_CONF.format(address=address))
    child = subprocess.run(
        ["unshare", "--mount", "sh", "-c", 'mount --bind "$0" /etc/resolv.conf && exec "$1" -c "$2"',
         str(resolv), sys.executable, FETCH],
        # The child answers in about a second (most of it importing); a deadline only ends one that hangs.
        capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert child.returncode == 0, child.stderr
    result = json.loads(child.stdout)
    assert result == {"kind": "timeout", "message": "http://news.slow-dns.example/world/talks: not fetched within 0.5 s"}
    assert queries, "the resolver never asked the test's DNS server"
