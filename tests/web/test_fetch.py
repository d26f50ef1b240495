"""Fetching: bounded time and size, redirects, robots.txt, charsets, and the address guard."""
import gzip
import ipaddress
import subprocess

import pytest

from service.web.charset import NotText, decode
from service.web.fetch import USER_AGENT, FetchError, Fetcher, FetchPolicy
from service.web.guard import is_public
from service.web.robots import RobotsCache

from local_site import Site

OPERATOR = FetchPolicy(guarded=False)  # the CLI: may fetch anything
TESTS_ALLOWED = FetchPolicy(guarded=True, allow_hosts=frozenset({"127.0.0.1"}))


def fetch(url, policy=OPERATOR, **kwargs):
    return Fetcher(policy).get(url, **kwargs)


def test_fetch_returns_page_with_type_charset_and_names_timeline(site):
    answer = fetch(site.url("/world/ceasefire-talks-resume-geneva"))
    assert (answer.status, answer.content_type, answer.charset) == (200, "text/html", "utf-8")
    assert b"Ceasefire talks resume" in answer.content
    headers = [h for _, path, h in site.requests if path == "/world/ceasefire-talks-resume-geneva"][-1]
    assert headers["User-Agent"] == USER_AGENT and "Timeline" in USER_AGENT
    assert "gzip" in headers["Accept-Encoding"]


def test_gzip_answer_is_decompressed(site):
    answer = fetch(site.url("/gzip"))
    assert answer.content.startswith(b"<!DOCTYPE html>") and b"Geneva" in answer.content


@pytest.mark.parametrize("path, kind", [
    ("/status/404", "status"), ("/status/500", "status"), ("/redirect/loop-a", "redirect"),
    ("/redirect/chain/9", "redirect"), ("/big", "size"), ("/big-unannounced", "size"), ("/gzip-bomb", "size"),
    ("/private/ceasefire", "robots"),
])
def test_bad_answers_raise_a_named_error(site, path, kind):
    with pytest.raises(FetchError) as caught:
        fetch(site.url(path))
    assert caught.value.kind == kind


def test_redirects_within_the_limit_are_followed(site):
    answer = fetch(site.url("/redirect/chain/3"))
    assert answer.url == site.url("/world/ceasefire-talks-resume-geneva") and answer.status == 200


def test_slow_server_times_out(site):
    with pytest.raises(FetchError) as caught:
        fetch(site.url("/slow"), FetchPolicy(guarded=False, read_timeout=0.5))
    assert caught.value.kind == "timeout"


def test_dripping_server_is_cut_at_the_deadline(site):
    # Each byte arrives within the read timeout; only the whole-fetch deadline stops it.
    with pytest.raises(FetchError) as caught:
        fetch(site.url("/drip"), FetchPolicy(guarded=False, read_timeout=5, deadline=1))
    assert caught.value.kind == "timeout"


def test_conditional_get_answers_304(site):
    first = fetch(site.url("/feeds/news.rss"))
    again = fetch(site.url("/feeds/news.rss"), etag=first.etag, last_modified=first.last_modified)
    assert first.status == 200 and first.etag and again.status == 304 and again.content == b""


def test_robots_txt_is_read_once_per_host(site):
    fetcher = Fetcher(OPERATOR)
    before = len(site.paths("/robots.txt"))
    fetcher.get(site.url("/world/ceasefire-talks-resume-geneva"))
    fetcher.get(site.url("/koeln/hochwasser-pegel"))
    assert len(site.paths("/robots.txt")) == before + 1


def test_guard_refuses_loopback_unless_allowed(site):
    with pytest.raises(FetchError) as caught:
        fetch(site.url("/world/ceasefire-talks-resume-geneva"), FetchPolicy(guarded=True))
    assert caught.value.kind == "refused" and "127.0.0.1" in str(caught.value)
    assert fetch(site.url("/world/ceasefire-talks-resume-geneva"), TESTS_ALLOWED).status == 200


def test_guard_checks_every_redirect(site):
    before = len(site.requests)
    for path, address in (("/redirect/metadata", "169.254.169.254"), ("/redirect/localhost", "localhost")):
        with pytest.raises(FetchError) as caught:
            fetch(site.url(path), TESTS_ALLOWED)
        assert caught.value.kind == "refused" and address in str(caught.value)
    # The refused hop was never requested: only the two redirecting pages (and robots.txt) were.
    assert [p for p in site.paths()[before:] if p != "/robots.txt"] == ["/redirect/metadata", "/redirect/localhost"]


def test_only_http_and_https():
    for url in ("file:///etc/passwd", "ftp://example.org/x", "gopher://127.0.0.1:6379/_INFO"):
        with pytest.raises(FetchError, match="only http and https"):
            fetch(url)


@pytest.mark.parametrize("address, public", [
    ("93.184.215.14", True), ("2606:4700::6810:85e5", True),
    ("127.0.0.1", False), ("::1", False), ("10.1.2.3", False), ("172.16.0.1", False), ("192.168.1.1", False),
    ("169.254.169.254", False), ("fd00:ec2::254", False), ("fe80::1", False), ("224.0.0.1", False),
    ("0.0.0.0", False), ("240.0.0.1", False), ("100.64.0.1", False), ("::ffff:127.0.0.1", False),
    ("::ffff:10.0.0.1", False),
])
def test_public_addresses(address, public):
    assert is_public(ipaddress.ip_address(address)) is public


@pytest.mark.parametrize("data, header, expected", [
    ("Köln".encode("utf-8"), "iso-8859-1", "Köln"),  # the label is wrong, the bytes are UTF-8
    ("Köln".encode("cp1252"), "windows-1252", "Köln"),
    ('<meta charset="iso-8859-1"><p>Düsseldorf</p>'.encode("latin-1"), None, '<meta charset="iso-8859-1"><p>Düsseldorf</p>'),
    ("\ufeffDiario".encode("utf-8"), None, "Diario"),
    ('<meta charset="utf-8"><p>El salario mínimo sube a 1.134 euros al mes para dos millones de trabajadores</p>'.encode("latin-1"),
     "utf-8", '<meta charset="utf-8"><p>El salario mínimo sube a 1.134 euros al mes para dos millones de trabajadores</p>'),
])
def test_decode_finds_the_real_charset(data, header, expected):
    assert decode(data, header)[0] == expected


def test_decode_refuses_binary():
    with pytest.raises(NotText):
        decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", None)
    with pytest.raises(NotText):
        decode(gzip.compress(b"x" * 100), None)


@pytest.fixture(scope="module")
def tls_site(tmp_path_factory):
    """The local site over HTTPS with a throwaway certificate for localhost (and not for 127.0.0.1)."""
    folder = tmp_path_factory.mktemp("tls")
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                    "-days", "1", "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost",
                    "-keyout", str(key), "-out", str(cert)], check=True, capture_output=True)
    served = Site(certificate=(str(cert), str(key)))
    yield served, str(cert)
    served.close()


def test_https_to_the_checked_address_verifies_the_sites_name(tls_site):
    served, cert = tls_site
    # The connection goes to the address localhost resolved to; SNI and the check of the certificate use the name.
    answer = fetch(served.url("/world/ceasefire-talks-resume-geneva"), FetchPolicy(guarded=False, ca_file=cert))
    assert answer.status == 200 and b"Geneva" in answer.content
    port = served.base.rsplit(":", 1)[1]
    with pytest.raises(FetchError, match="CERTIFICATE_VERIFY_FAILED"):  # the certificate does not name 127.0.0.1
        fetch(f"https://127.0.0.1:{port}/world/ceasefire-talks-resume-geneva", FetchPolicy(guarded=False, ca_file=cert))
    with pytest.raises(FetchError, match="CERTIFICATE_VERIFY_FAILED"):  # nor is it trusted without its CA
        fetch(served.url("/world/ceasefire-talks-resume-geneva"), OPERATOR)


def test_crawl_delay_is_read_from_robots_txt_and_capped():
    robots = RobotsCache()
    texts = {"https://slow.example/robots.txt": "User-agent: *\nCrawl-delay: 5\n",
             "https://greedy.example/robots.txt": "User-agent: Timeline\nCrawl-delay: 86400\n",
             "https://plain.example/robots.txt": "User-agent: *\nDisallow: /private/\n"}
    for origin in texts:
        assert robots.refusal(origin.replace("robots.txt", "a"), lambda url: (200, texts[url])) is None
    assert [robots.crawl_delay(f"https://{host}/b") for host in ("slow.example", "greedy.example", "plain.example",
                                                                  "unread.example")] == [5.0, 30.0, 0.0, 0.0]
