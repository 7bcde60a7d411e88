"""Whose address a request comes from. A reverse proxy named in server.trusted_proxies is
believed about the real client (X-Forwarded-For, -Proto, -Host); anyone else is not, so a
phone cannot pretend to be another address by sending the header itself. Plain Python:
the HTTP routes (access/http_routes.py) and the sign-in page (ui) both ask here."""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable

LOOPBACK = "127.0.0.1"


def _address(text: str | None) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        return ipaddress.ip_address((text or "").strip())
    except ValueError:
        return None


def is_trusted_proxy(peer: str | None, proxies: Iterable[str]) -> bool:
    """Whether ``peer`` (the direct peer's address) is in one of ``proxies`` (addresses or networks)."""
    address = _address(peer)
    if address is None:
        return False
    return any(address in ipaddress.ip_network(proxy, strict=False) for proxy in proxies)


def client_address(peer: str | None, forwarded_for: str | None, proxies: Iterable[str]) -> str:
    """The address to count a request against. The direct peer, unless it is a trusted
    proxy: then X-Forwarded-For is read from the right (each proxy appends the peer it
    saw), skipping further trusted proxies, and the first address not trusted is the
    client. Entries left of it were written by the client and are never believed."""
    proxies = tuple(proxies)
    here = peer or LOOPBACK
    if not is_trusted_proxy(here, proxies):
        return here
    for entry in reversed((forwarded_for or "").split(",")):
        address = _address(entry)
        if address is None:
            return here  # a header we cannot read: count the proxy itself
        here = str(address)
        if not is_trusted_proxy(here, proxies):
            return here
    return here
