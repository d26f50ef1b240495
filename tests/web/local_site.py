"""A local news site for the tests: fixture pages and feeds plus the ways real servers misbehave."""
from __future__ import annotations

import gzip
import ssl
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"

# path -> (fixture file, Content-Type header or None for none at all)
PAGES = {
    "/world/ceasefire-talks-resume-geneva": ("pages/en-metadata.html", "text/html; charset=utf-8"),
    "/politics/senate-infrastructure-bill": ("pages/en-dateline-only.html", "text/html"),
    "/news/court-upholds-election-result": ("pages/en-conflict.html", "text/html; charset=UTF-8"),
    "/societe/greve-sncf-trafic-perturbe": ("pages/fr-metadata.html", "text/html; charset=utf-8"),
    "/koeln/hochwasser-pegel": ("pages/de-no-charset-cp1252.html", "text/html"),
    # Declares UTF-8 in the header and the markup, but is ISO-8859-1.
    "/economia/2023/01/10/salario-minimo.html": ("pages/es-wrong-charset-url-date.html", "text/html; charset=utf-8"),
    "/ports/strike-ends": ("pages/en-malformed.html", None),
    "/private/ceasefire": ("pages/en-metadata.html", "text/html; charset=utf-8"),
    "/feeds/news.rss": ("feeds/news.rss", "application/rss+xml"),
    "/feeds/news.atom": ("feeds/news.atom", "application/atom+xml"),
    "/feeds/broken.rss": ("feeds/broken.rss", "application/rss+xml"),
}
# Locations a hostile site redirects to: another scheme, loopback spelled as one number, a port or an IPv6
# literal that does not parse.
HOSTILE_REDIRECTS = {
    "/redirect/file": "file:///etc/passwd",
    "/redirect/decimal-loopback": "http://2130706433/",
    "/redirect/bad-port": "http://127.0.0.1:99999/x",
    "/redirect/bad-ipv6": "http://[::1/x",
}
ROBOTS = b"User-agent: *\nDisallow: /private/\n"


class Site:
    """Serve the fixtures on 127.0.0.1 in a thread; requests lists (method, path, headers) of each request."""

    def __init__(self, certificate: tuple[str, str] | None = None):
        self.requests: list[tuple[str, str, dict]] = []
        self.feed_version = 1  # bump to change the feeds' ETag
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def handle(self):
                try:
                    super().handle()
                except (ConnectionResetError, BrokenPipeError):
                    pass  # a client that gave up (a timeout, a size limit) is what some tests do

            def do_GET(self):
                site.requests.append(("GET", self.path, dict(self.headers)))
                site.answer(self)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        if certificate:  # HTTPS under the certificate's name, localhost
            context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            context.load_cert_chain(*certificate)
            self.server.socket = context.wrap_socket(self.server.socket, server_side=True)
            self.base = f"https://localhost:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def url(self, path: str) -> str:
        """Return the absolute URL of a path on this site."""
        return self.base + path

    def paths(self, prefix: str = "") -> list[str]:
        """Return the paths requested so far (starting with prefix)."""
        return [path for _, path, _ in self.requests if path.startswith(prefix)]

    def close(self):
        """Stop serving."""
        self.server.shutdown()
        self.server.server_close()

    def answer(self, handler: BaseHTTPRequestHandler):
        """Answer one request by its path."""
        path = handler.path.split("?")[0]
        if path == "/robots.txt":
            return send(handler, 200, ROBOTS, "text/plain")
        if path in PAGES:
            name, content_type = PAGES[path]
            body = (FIXTURES / name).read_bytes().replace(b"{base}", self.base.encode())
            if path.startswith("/feeds/"):
                etag = f'"feed-v{self.feed_version}"'
                if handler.headers.get("If-None-Match") == etag:
                    return send(handler, 304, b"", None, {"ETag": etag})
                return send(handler, 200, body, content_type, {"ETag": etag, "Last-Modified": "Tue, 19 Mar 2024 09:00:00 GMT"})
            return send(handler, 200, body, content_type)
        if path == "/feeds/many.rss":
            return send(handler, 200, many_entries(self.base), "application/rss+xml")
        if path.startswith("/gen/"):
            time.sleep(0.02)  # long enough for two followers' requests to overlap
            return send(handler, 200, generated_page(int(path.rsplit("/", 1)[1])).encode(), "text/html; charset=utf-8")
        if path.startswith("/status/"):
            code = int(path.rsplit("/", 1)[1])
            return send(handler, code, f"<html><body><h1>Error {code}</h1></body></html>".encode(), "text/html")
        if path == "/redirect/loop-a":
            return send(handler, 302, b"", None, {"Location": "/redirect/loop-b"})
        if path == "/redirect/loop-b":
            return send(handler, 302, b"", None, {"Location": "/redirect/loop-a"})
        if path.startswith("/redirect/chain/"):
            left = int(path.rsplit("/", 1)[1])
            target = f"/redirect/chain/{left - 1}" if left > 0 else "/world/ceasefire-talks-resume-geneva"
            return send(handler, 301, b"", None, {"Location": target})
        if path == "/redirect/metadata":
            return send(handler, 302, b"", None, {"Location": "http://169.254.169.254/latest/meta-data/"})
        if path == "/redirect/localhost":
            return send(handler, 302, b"", None, {"Location": f"http://localhost:{self.server.server_address[1]}/world/ceasefire-talks-resume-geneva"})
        if path in HOSTILE_REDIRECTS:
            return send(handler, 302, b"", None, {"Location": HOSTILE_REDIRECTS[path]})
        if path == "/slow":
            time.sleep(3)
            return send(handler, 200, b"<html><body><p>late</p></body></html>", "text/html")
        if path == "/drip":
            return drip(handler)
        if path == "/big":
            return send(handler, 200, b"<html><body>" + b"<p>filler text</p>" * 400_000 + b"</body></html>", "text/html")
        if path == "/costly":  # about 9,000 elements: within the page limits, about half a second to read
            return send(handler, 200, b"<html><body>" + b'<div class="a"><p class="b">Talks went on.</p></div>' * 4490
                        + b"<p>Talks were held on 6 April 2021.</p></body></html>", "text/html")
        if path == "/big-unannounced":
            return chunked(handler, [b"<html><body>"] + [b"<p>filler text</p>" * 1000] * 400)
        if path == "/gzip":
            body = gzip.compress((FIXTURES / "pages/en-metadata.html").read_bytes())
            return send(handler, 200, body, "text/html; charset=utf-8", {"Content-Encoding": "gzip"})
        if path == "/gzip-bomb":
            return send(handler, 200, gzip.compress(b" " * 50_000_000), "text/html", {"Content-Encoding": "gzip"})
        if path == "/binary":
            return send(handler, 200, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8, "image/png")
        if path == "/binary-as-html":
            return send(handler, 200, b"\x00\x01\x02\x03<html>\x00\xff\xfe" + bytes(range(256)) * 8, "text/html")
        if path == "/plain":
            return send(handler, 200, "Just a line of plain text, not a page.".encode(), "text/plain; charset=utf-8")
        if path == "/empty-page":
            return send(handler, 200, b"<html><head><title>Nothing</title></head><body><nav><a href='/'>Home</a></nav></body></html>", "text/html")
        return send(handler, 404, b"<html><body>not found</body></html>", "text/html")


def send(handler, status: int, body: bytes, content_type: str | None, headers: dict | None = None):
    """Send a complete answer with a Content-Length."""
    handler.send_response(status)
    if content_type:
        handler.send_header("Content-Type", content_type)
    for name, value in (headers or {}).items():
        handler.send_header(name, value)
    handler.send_header("Content-Length", str(len(body)))
    handler.end_headers()
    try:
        handler.wfile.write(body)
    except (BrokenPipeError, ConnectionResetError):
        pass  # the client stopped reading at its size limit


def chunked(handler, parts: list[bytes]):
    """Send an answer in chunks, with no Content-Length announced."""
    handler.send_response(200)
    handler.send_header("Content-Type", "text/html")
    handler.send_header("Transfer-Encoding", "chunked")
    handler.end_headers()
    try:
        for part in parts:
            handler.wfile.write(b"%x\r\n%s\r\n" % (len(part), part))
        handler.wfile.write(b"0\r\n\r\n")
    except (BrokenPipeError, ConnectionResetError):
        pass


def drip(handler):
    """Send a page a few bytes at a time, each within a read timeout, for far longer than any deadline."""
    handler.send_response(200)
    handler.send_header("Content-Type", "text/html")
    handler.send_header("Transfer-Encoding", "chunked")
    handler.end_headers()
    try:
        for _ in range(100):
            handler.wfile.write(b"5\r\n<p>a \r\n")
            handler.wfile.flush()
            time.sleep(0.1)
        handler.wfile.write(b"0\r\n\r\n")
    except (BrokenPipeError, ConnectionResetError):
        pass


GENERATED_ENTRIES = 30


def many_entries(base: str) -> bytes:
    """Return an RSS feed of GENERATED_ENTRIES entries, each a distinct generated page."""
    items = "".join(f"<item><title>Council vote {i}</title><link>{base}/gen/{i}</link><guid>gen-{i}</guid>"
                    f"<pubDate>Mon, {1 + i % 28:02d} Apr 2024 10:00:00 +0000</pubDate></item>"
                    for i in range(GENERATED_ENTRIES))
    return (f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Council news</title>'
            f"<link>{base}/</link>{items}</channel></rss>").encode()


def generated_page(i: int) -> str:
    """Return a distinct news page for entry i."""
    day = 1 + i % 28
    return (f'<!DOCTYPE html><html lang="en"><head><title>Council vote {i}</title>'
            f'<meta property="article:published_time" content="2024-04-{day:02d}T10:00:00+00:00"></head>'
            f'<body><nav><a href="/">Home</a></nav><article><h1>Council vote {i}</h1>'
            f"<p>The city council approved budget line {i} on Monday after a debate that lasted most of the "
            f"afternoon, with {i + 3} members voting in favour.</p><p>The measure takes effect next month, "
            f"the council's clerk said in a statement on item {i}.</p></article></body></html>")
