"""Hostile bodies through real gunicorn (gunicorn.conf.py): every answer is problem+json below 500, in time.

A worker gunicorn kills for its timeout answers text/html, so extraction must give up first. The budget here is
1 s of CPU: four times what the first article of a fresh worker spends on it (compiling the actor and topic
matchers), and the bodies over it cost over ten times that. The worker timeout is 30 s: a refused body still
costs a few seconds of CPU (work outside the budget: reading and detecting the language of a megabyte, and
storing the events of a body drafted just within it), which a busy machine can stretch several times over in
wall time, so only a request that does not stop reaches the timeout.
"""
import gzip
import http.client
import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "deploy"))
from servers import TOKEN, Gunicorn, upgrade_schema  # noqa: E402

AUTH = {"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"}
MAX_BODY = 2 * 1024 * 1024
WEEKDAYS = " ".join(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"] * 10_000)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    workdir = tmp_path_factory.mktemp("hostile")
    database_url = f"sqlite:///{workdir / 'timeline.db'}"
    upgrade_schema(database_url)
    (workdir / "home").mkdir()
    (workdir / "run").mkdir()
    app = Gunicorn(workdir, database_url, workers=2, trusted_proxies=0,
                   env={"GUNICORN_TIMEOUT": "30", "TIMELINE_EXTRACTION_BUDGET": "1", "TRUSTED_HOSTS": "",
                        "HOME": str(workdir / "home"), "XDG_RUNTIME_DIR": str(workdir / "run")})
    try:
        yield app.start()
    finally:
        app.stop()


def send(server, method, path, body: bytes | None = None, headers=None, chunked=False):
    """Send raw bytes and return (status, content type, body)."""
    # Longer than the worker timeout: a killed worker shows as gunicorn's 500, not as a client timeout.
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=60)
    try:
        if chunked:
            pieces = (body[i:i + 65536] for i in range(0, len(body), 65536))
            conn.request(method, path, body=pieces, headers=headers or {}, encode_chunked=True)
        else:
            conn.request(method, path, body=body, headers=headers or {})
        response = conn.getresponse()
        return response.status, response.getheader("Content-Type"), response.read()
    finally:
        conn.close()


def article(body: str, **extra) -> bytes:
    return json.dumps({"body": body, "published_at": "2021-04-07", **extra}).encode()


# Costly but valid: stored when this machine extracts them within the budget, refused with a 422 when not (the
# 2,000 dates take about 0.8 s of drafting on a 2-core machine, the megabyte several seconds).
COSTLY_BODIES = {
    "2,000 dates in one sentence": article("Talks were held on " + ", ".join(f"{d % 28 + 1} March {2000 + d % 20}" for d in range(2000)) + "."),
    "a megabyte line": article(("Lavrov met Jaishankar in New Delhi on Tuesday about defence " * 20_000)[:1_000_000]),
}
# About fourteen seconds of extraction on a 2-core machine: over the 1 s budget on any machine.
OVER_BUDGET = article(f"Lavrov met Jaishankar on {WEEKDAYS}.")
HOSTILE_BODIES = {
    "50,000 weekday names": OVER_BUDGET,
    "nested 100,000 deep": b"[" * 100_000 + b"]" * 100_000,
    "a 5,000-digit number": b'{"body": "Talks on 6 May 2021.", "title": ' + b"9" * 5000 + b"}",
    "NaN": b'{"body": "Talks on 6 May 2021.", "title": NaN}',
    "not UTF-8": b'{"body": "Talks \xff\xfe on 6 May 2021."}',
    "an overlong UTF-8 slash": b'{"body": "Talks \xc0\xaf on 6 May 2021."}',
    "an encoded surrogate": b'{"body": "Talks \xed\xa0\x80 on 6 May 2021."}',
    "an escaped lone surrogate": b'{"body": "Talks \\ud800 on 6 May 2021."}',
    "a surrogate in the url": b'{"body": "Talks on 6 May 2021.", "url": "https://a.example/\\udfff"}',
    "a surrogate in an unknown key": b'{"body": "Talks on 6 May 2021.", "\\ud800": 1}',
    "a surrogate in an unknown value": b'{"body": "Talks on 6 May 2021.", "extra": "\\ud800"}',
    "NUL in the body": b'{"body": "Talks \\u0000 on 6 May 2021."}',
    "only zero-width characters": '{"body": "\u200b\u200c\u200d\u2060\ufeff"}'.encode(),
    "a byte-order mark before the JSON": b'\xef\xbb\xbf{"body": "Talks on 6 May 2021."}',
    "a string for the whole body": b'"Talks on 6 May 2021."',
    "an empty body": b"",
}


@pytest.mark.parametrize("name", HOSTILE_BODIES)
def test_hostile_article_bodies_get_a_problem_below_500(server, name):
    status, content_type, body = send(server, "POST", "/api/articles", HOSTILE_BODIES[name], AUTH)
    assert 400 <= status < 500 and content_type == "application/problem+json", (status, content_type, body[:300])
    assert json.loads(body)["detail"]


@pytest.mark.parametrize("name", COSTLY_BODIES)
def test_costly_article_bodies_are_stored_or_refused_within_the_budget(server, name):
    status, content_type, body = send(server, "POST", "/api/articles", COSTLY_BODIES[name], AUTH)
    assert (status, content_type) in {(201, "application/json"), (422, "application/problem+json")}, (status, body[:300])
    if status == 422:
        assert "budget" in json.loads(body)["detail"]


def test_everyday_phrases_that_crashed_the_extractor_are_stored(server):
    body = article("After decades of talks, Lavrov met Jaishankar on 6 April 2021. It happened during the final "
                   "years of the war. The deal will hold for years to come.")
    status, content_type, _ = send(server, "POST", "/api/articles", body, AUTH)
    assert (status, content_type) == (201, "application/json")


def test_hostile_items_in_one_batch_each_get_a_result(server):
    items = [json.loads(OVER_BUDGET), {"body": "Talks \ud800 on 6 May 2021."},
             {"body": "\u200b"}, {"body": "Lavrov met Jaishankar on 6 April 2021."}]
    status, content_type, body = send(server, "POST", "/api/articles/batch", json.dumps({"articles": items}).encode(), AUTH)
    assert status == 200 and content_type == "application/json"
    assert [item["status"] for item in json.loads(body)["items"]] == [422, 422, 422, 503]


def test_a_chunked_body_over_the_limit_is_413(server):
    status, content_type, _ = send(server, "POST", "/api/articles", article("x" * (MAX_BODY + 10)), AUTH, chunked=True)
    assert (status, content_type) == (413, "application/problem+json")


def test_a_chunked_body_under_the_limit_is_read(server):
    status, content_type, _ = send(server, "POST", "/api/articles", article("Talks were held on 9 June 2021."), AUTH, chunked=True)
    assert (status, content_type) == (201, "application/json")


def test_a_compressed_body_is_415(server):
    status, content_type, _ = send(server, "POST", "/api/articles", gzip.compress(article("Talks on 6 May 2021.")),
                                   {**AUTH, "Content-Encoding": "gzip"})
    assert (status, content_type) == (415, "application/problem+json")


@pytest.mark.parametrize("path", [
    "/api/events?from=0001", "/api/events?" + "&".join(["actor=x"] * 600), "/api/events/" + "9" * 5000,
    "/api/events/%D9%A1", "/api/events?limit=%D9%A1%D9%A2", "/api/events?from=2021-04-00", "/api/events?q=%ED%A0%80",
    "/api/events?actor=%00", "/api/events?cursor=" + "A" * 4000,
])
def test_hostile_query_strings_get_an_answer_below_500(server, path):
    status, content_type, _ = send(server, "GET", path)
    assert status < 500 and content_type in ("application/json", "application/problem+json"), (status, content_type)


STORY = "<p>Lavrov met Jaishankar in New Delhi on 6 April 2021 for talks about trade and defence.</p>"
HOSTILE_PAGES = {
    "50,000 attributes on one tag": "<html><body><p " + " ".join(f"a{i}=x" for i in range(50_000)) + f">{STORY}</p></body></html>",
    "150,000 elements": "<html><body>" + "<p>x</p>" * 150_000 + STORY + "</body></html>",
    "100,000 nested divs": "<html><body>" + "<div>" * 100_000 + STORY + "</div>" * 100_000 + "</body></html>",
    "binary": "".join(map(chr, range(1, 32))) * 1000,
}


@pytest.mark.parametrize("name", HOSTILE_PAGES)
def test_hostile_pages_get_a_problem_below_500(server, name):
    status, content_type, body = send(server, "POST", "/api/articles", json.dumps({"html": HOSTILE_PAGES[name]}).encode(), AUTH)
    assert 400 <= status < 500 and content_type == "application/problem+json", (status, content_type, body[:300])
    assert "html" in json.loads(body)["errors"]


@pytest.mark.parametrize("url", ["http://127.0.0.1:99999/", "http://2130706433/", "http://[::ffff:127.0.0.1]/"])
def test_urls_into_the_host_are_refused_before_any_fetch(server, url):
    for path in ("/api/articles", "/api/feeds"):
        status, content_type, body = send(server, "POST", path, json.dumps({"url": url}).encode(), AUTH)
        assert (status, content_type) == (422, "application/problem+json"), body[:300]


def test_the_page_escapes_what_its_query_says(server):
    payload = "%3Cscript%3Ealert(1)%3C/script%3E%22%3E%3Cimg%20src=x%20onerror=alert(1)%3E"
    query = "&".join(f"{name}={payload}" for name in ("q", "actor", "topic", "from", "status", "cursor")) + f"&{payload}=1"
    status, content_type, body = send(server, "GET", f"/?{query}")
    assert status == 400 and content_type.startswith("text/html")
    assert b"<script>alert" not in body and b"<img src=x" not in body


def test_a_forged_host_is_not_written_into_links(server):
    status, _, body = send(server, "GET", "/api/openapi.json", headers={"Host": "evil.example"})
    assert status == 200 and b"evil.example" not in body


def test_gunicorn_opens_no_control_socket(server):
    # Its default path is one per user (~/.gunicorn/gunicorn.ctl or $XDG_RUNTIME_DIR/gunicorn.ctl): a second
    # gunicorn on the host took it over from the first.
    workdir = server.log.parent
    assert list((workdir / "home").iterdir()) == [] and list((workdir / "run").iterdir()) == []
