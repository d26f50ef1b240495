"""Refuse server-side fetches that would reach into private networks (SSRF)."""
from __future__ import annotations

import ipaddress
import socket

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


def resolve(host: str, port: int) -> list[str]:
    """Return the addresses host resolves to, in the resolver's order."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise Unresolved(f"{host} does not resolve ({exc})") from None
    return list(dict.fromkeys(info[4][0] for info in infos))


def checked_addresses(host: str, port: int, guarded: bool, allow_hosts: frozenset[str]) -> list[str]:
    """Resolve host and return the addresses to connect to, in order; refuse a non-public one when guarded."""
    addresses = resolve(host, port)
    if not guarded or host.lower() in allow_hosts:
        return addresses
    for text in addresses:
        # Every address must be public: a resolver answering one public and one private address could
        # otherwise steer a connection to the private one.
        if not is_public(ipaddress.ip_address(text.split("%")[0])):
            raise RefusedAddress(f"{host} resolves to {text}, which is not a public address")
    return addresses
