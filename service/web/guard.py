"""Refuse server-side fetches that would reach into private networks (SSRF)."""
from __future__ import annotations

import ipaddress
import socket
import threading

# Cloud metadata endpoints: link-local or unique-local already, named so the rule reads plainly.
METADATA_ADDRESSES = {ipaddress.ip_address("169.254.169.254"), ipaddress.ip_address("fd00:ec2::254")}


class RefusedAddress(ValueError):
    """A host that resolves to an address the policy does not let the server reach."""


class Unresolved(RefusedAddress):
    """A host name that does not resolve (now)."""


def is_public(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    """Tell whether an address is on the public internet (not loopback, private, link-local, ...)."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        address = address.ipv4_mapped  # ::ffff:127.0.0.1 is loopback, whatever its spelling
    return not (address in METADATA_ADDRESSES or address.is_loopback or address.is_private
                or address.is_link_local or address.is_multicast or address.is_reserved
                or address.is_unspecified or not address.is_global)


def resolve(host: str, port: int, timeout: float | None = None) -> list[str]:
    """Return the addresses host resolves to, in the resolver's order; raise TimeoutError past timeout seconds."""
    if timeout is None:
        return _lookup(host, port)
    # getaddrinfo cannot be cancelled and takes no timeout: it waits on the system resolver's own (seconds per
    # server, per attempt). It runs in a thread the fetch stops waiting for; the thread ends with the lookup.
    found: dict = {}

    def lookup():
        try:
            found["addresses"] = _lookup(host, port)
        except Unresolved as exc:
            found["error"] = exc

    worker = threading.Thread(target=lookup, name=f"resolve {host}", daemon=True)
    worker.start()
    worker.join(timeout)
    if worker.is_alive():
        raise TimeoutError(f"{host} did not resolve within {timeout:g} s")
    if "error" in found:
        raise found["error"]
    return found["addresses"]


def _lookup(host: str, port: int) -> list[str]:
    """Ask the system resolver (hosts file, DNS) for host's addresses."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise Unresolved(f"{host} does not resolve ({exc})") from None
    return list(dict.fromkeys(info[4][0] for info in infos))


def checked_addresses(host: str, port: int, guarded: bool, allow_hosts: frozenset[str],
                      timeout: float | None = None) -> list[str]:
    """Resolve host within timeout seconds and return the addresses to connect to, in order; refuse a non-public
    one when guarded."""
    addresses = resolve(host, port, timeout)
    if not guarded or host.lower() in allow_hosts:
        return addresses
    for text in addresses:
        # Every address must be public: a resolver answering one public and one private address could
        # otherwise steer a connection to the private one.
        if not is_public(ipaddress.ip_address(text.split("%")[0])):
            raise RefusedAddress(f"{host} resolves to {text}, which is not a public address")
    return addresses
