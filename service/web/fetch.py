"""Fetch one URL over HTTP(S) with bounded time and size, manual redirects and the address guard."""
from __future__ import annotations

import ssl
from dataclasses import dataclass, field
from email.message import Message
from urllib.parse import urljoin, urlsplit, urlunsplit

import httpx

from .. import budget
from .guard import RefusedAddress, checked_addresses
from .robots import RobotsCache

USER_AGENT = "Timeline/0.1 (news timeline builder; +https://github.com/timeline)"
REDIRECTS = {301, 302, 303, 307, 308}


class FetchError(ValueError):
    """A URL that could not be fetched; kind names the reason (timeout, status, size, ...)."""

    def __init__(self, kind: str, message: str, status: int | None = None):
        super().__init__(message)
        self.kind = kind
        self.status = status


@dataclass(frozen=True)
class FetchPolicy:
    """What a fetch may do: reach private addresses or not, how long, how much, how many redirects."""

    guarded: bool = True  # refuse loopback, private, link-local, multicast, reserved and metadata addresses
    allow_hosts: frozenset[str] = frozenset()  # hosts fetched whatever they resolve to
    max_bytes: int = 5 * 1024 * 1024
    max_redirects: int = 5
    connect_timeout: float = 5.0
    read_timeout: float = 10.0
    # The whole fetch, names resolved and redirects included: a slow DNS server or a server dripping bytes cannot
    # hold it longer.
    deadline: float = 30.0
    user_agent: str = USER_AGENT
    obey_robots: bool = True
    ca_file: str | None = None  # the certificates to trust instead of certifi's bundle (an internal CA)


@dataclass
class Fetched:
    """One answer: the final URL after redirects, status, media type, charset, body and cache validators."""

    url: str
    status: int
    content_type: str = ""
    charset: str | None = None
    content: bytes = b""
    etag: str | None = None
    last_modified: str | None = None
    headers: dict = field(default_factory=dict)


def _media_type(header: str | None) -> tuple[str, str | None]:
    """Split a Content-Type header into (media type, charset)."""
    if not header:
        return "", None
    message = Message()
    message["content-type"] = header
    return message.get_content_type().lower(), message.get_param("charset")


def _pinned(url: str, policy: FetchPolicy, waiting: budget.Budget) -> tuple[list[str], dict, dict]:
    """Return (url with each checked address as its host, headers, extensions) for url, resolved within waiting."""
    try:
        parts = urlsplit(url)
        port = parts.port  # raises for a port past 65535: a Location header or a feed's link may hold anything
    except ValueError as exc:
        raise FetchError("url", f"{url}: not a URL that can be fetched ({exc})") from None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise FetchError("url", f"{url}: only http and https URLs can be fetched")
    port = port or (443 if parts.scheme == "https" else 80)
    try:
        addresses = checked_addresses(parts.hostname, port, policy.guarded, policy.allow_hosts, waiting.left())
    except RefusedAddress as exc:
        raise FetchError("refused", str(exc)) from None
    except TimeoutError:
        raise _timeout(url, waiting) from None
    # Connecting to the addresses that were checked (not resolving the name again) closes the window in which
    # DNS could answer differently; Host and SNI still name the site, so virtual hosts and TLS work.
    targets = [urlunsplit((parts.scheme, (f"[{address}]" if ":" in address else address)
                           + (f":{parts.port}" if parts.port else ""), parts.path or "/", parts.query, ""))
               for address in addresses]
    return targets, {"Host": parts.netloc.rpartition("@")[2]}, {"sni_hostname": parts.hostname}


def _timeout(url: str, waiting: budget.Budget) -> FetchError:
    """Return the error of a fetch that went past its budget."""
    return FetchError("timeout", f"{url}: not fetched within {waiting.seconds:g} s")


class Fetcher:
    """Fetch URLs under one policy, keeping each host's robots.txt for a while."""

    def __init__(self, policy: FetchPolicy, robots: RobotsCache | None = None):
        self.policy = policy
        self.robots = robots or RobotsCache()

    def get(self, url: str, etag: str | None = None, last_modified: str | None = None, robots: bool = True,
            waiting: budget.Budget | None = None) -> Fetched:
        """Fetch url, following redirects, within the wall-clock budget waiting (else the policy's deadline);
        raise FetchError for anything but a 2xx or 304 answer."""
        # One budget for the page, its names, its redirects and their robots.txt files alike.
        waiting = waiting or budget.wall(self.policy.deadline)
        seen = []
        with self._client() as client:
            while True:
                seen.append(url)
                # The address is checked before anything, robots.txt included.
                pinned = _pinned(url, self.policy, waiting)
                refusal = robots and self.policy.obey_robots and self.robots.refusal(
                    url, lambda robots_url: self._robots_text(robots_url, waiting))
                if refusal:
                    raise FetchError("robots", f"{url}: {refusal}")
                answer = self._request(client, url, pinned, waiting, etag, last_modified)
                if answer.status not in REDIRECTS:
                    break
                target = answer.headers.get("location")
                if not target:
                    raise FetchError("status", f"{url}: redirect {answer.status} without a Location")
                url = urljoin(url, target)
                if url in seen:
                    raise FetchError("redirect", f"{seen[0]}: redirect loop through {url}")
                if len(seen) > self.policy.max_redirects:
                    raise FetchError("redirect", f"{seen[0]}: more than {self.policy.max_redirects} redirects")
        if answer.status == 304 or 200 <= answer.status < 300:
            return answer
        raise FetchError("status", f"{url}: the server answered {answer.status}", answer.status)

    def _client(self) -> httpx.Client:
        """Return a client with the policy's timeouts; environment proxies are ignored (they would bypass the guard)."""
        timeout = httpx.Timeout(self.policy.read_timeout, connect=self.policy.connect_timeout)
        verify = ssl.create_default_context(cafile=self.policy.ca_file) if self.policy.ca_file else True
        return httpx.Client(timeout=timeout, follow_redirects=False, trust_env=False, verify=verify,
                            headers={"User-Agent": self.policy.user_agent})

    def _request(self, client, url, pinned, waiting, etag=None, last_modified=None) -> Fetched:
        """Send one GET to url's first checked address that answers; return what it said."""
        targets, headers, extensions = pinned
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        for target in targets[:-1]:
            # The next address when one cannot be reached (an AAAA record on a host without IPv6, a dead server),
            # as a connection to the name would go on to it.
            try:
                return self._read(client, url, target, headers, extensions, waiting)
            except FetchError as exc:
                if exc.kind != "connect":
                    raise
        return self._read(client, url, targets[-1], headers, extensions, waiting)

    def _read(self, client, url, target, headers, extensions, waiting) -> Fetched:
        """GET one address and read at most max_bytes of the body within the budget waiting."""
        limit = self.policy.max_bytes
        if waiting.over():
            raise _timeout(url, waiting)
        try:
            with client.stream("GET", target, headers=headers, extensions=extensions,
                               timeout=self._timeouts(waiting)) as response:
                declared = response.headers.get("content-length", "")
                if declared.isdigit() and int(declared) > limit:
                    raise FetchError("size", f"{url}: {declared} bytes, over the {limit}-byte limit")
                chunks, size = [], 0
                if response.status_code not in REDIRECTS:
                    # Decoded bytes are counted, so a small gzip bomb stops at the limit too.
                    for chunk in response.iter_bytes():
                        size += len(chunk)
                        if size > limit:
                            raise FetchError("size", f"{url}: over the {limit}-byte limit")
                        if waiting.over():
                            raise _timeout(url, waiting)
                        chunks.append(chunk)
        except httpx.TimeoutException:
            # The connect and read timeouts are cut to what is left of the budget: say which ran out.
            raise (_timeout(url, waiting) if waiting.over() else FetchError("timeout", f"{url}: timed out")) from None
        except httpx.ConnectError as exc:
            raise FetchError("connect", f"{url}: cannot connect ({exc})") from None
        except (httpx.HTTPError, UnicodeError) as exc:
            raise FetchError("network", f"{url}: {type(exc).__name__}: {exc}") from None
        if waiting.over():
            raise _timeout(url, waiting)
        media_type, charset = _media_type(response.headers.get("content-type"))
        return Fetched(url=url, status=response.status_code, content_type=media_type, charset=charset,
                       content=b"".join(chunks), etag=response.headers.get("etag"),
                       last_modified=response.headers.get("last-modified"), headers=dict(response.headers))

    def _timeouts(self, waiting: budget.Budget) -> httpx.Timeout:
        """Return the policy's connect and read timeouts, each cut to what is left of the budget waiting."""
        left = waiting.left()
        read, connect = self.policy.read_timeout, self.policy.connect_timeout
        return httpx.Timeout(read if left is None else min(read, left), connect=connect if left is None else min(connect, left))

    def _robots_text(self, robots_url: str, waiting: budget.Budget) -> tuple[int, str]:
        """Fetch a robots.txt under the same policy, without robots rules; return (status, text)."""
        try:
            answer = self.get(robots_url, robots=False, waiting=waiting)
        except FetchError as exc:
            return exc.status or 0, str(exc).removeprefix(f"{robots_url}: ")
        return answer.status, answer.content.decode("utf-8", errors="replace")
