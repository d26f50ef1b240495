"""The API as gunicorn.conf.py serves it: long URLs reach the app's own checks and get a problem body."""
import http.client
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# gunicorn imports dateparser and friends: a cold start takes a few seconds, and over twenty on a busy 2-core
# machine. The wait ends as soon as gunicorn exits, so this deadline only ever stops a hang.
START_TIMEOUT = 300


def get(port: int, path: str) -> http.client.HTTPResponse:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    conn.request("GET", path)
    response = conn.getresponse()
    response.body = response.read()
    conn.close()
    return response


@pytest.fixture(scope="module")
def gunicorn_port(tmp_path_factory):
    workdir = tmp_path_factory.mktemp("gunicorn")
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    env = {**os.environ, "TIMELINE_BIND": f"127.0.0.1:{port}", "WEB_CONCURRENCY": "1", "TIMELINE_DATA_DIR": str(workdir),
           "DATABASE_URL": f"sqlite:///{workdir / 'timeline.db'}"}
    with (workdir / "gunicorn.log").open("wb") as log:
        process = subprocess.Popen([sys.executable, "-m", "gunicorn", "-c", str(ROOT / "gunicorn.conf.py")],
                                   cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + START_TIMEOUT
        while True:
            assert process.poll() is None and time.monotonic() < deadline, (workdir / "gunicorn.log").read_text()
            try:
                if get(port, "/healthz").status == 200:
                    break
            except OSError:
                time.sleep(0.2)
        yield port
    finally:
        process.terminate()
        process.wait(20)


def test_a_url_of_several_kilobytes_gets_the_apps_problem_body(gunicorn_port):
    response = get(gunicorn_port, "/api/events?q=" + "a" * 7000)
    assert response.status == 422 and response.getheader("Content-Type") == "application/problem+json"
    assert "q" in response.body.decode()
