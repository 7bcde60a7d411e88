"""The addresses phones on the class Wi-Fi (the laptop's hotspot) use to reach this laptop.

Found without sending anything: the host name's IPv4 addresses, and the address a UDP
socket would leave from (``connect`` on UDP only picks a route). Loopback and
link-local addresses, which no phone can reach, are left out.
"""

from __future__ import annotations

import ipaddress
import socket


def _candidates() -> list[str]:
    found: list[str] = []
    try:
        found += [str(info[4][0]) for info in socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET)]
    except OSError:
        pass
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
            probe.connect(("10.254.254.254", 9))  # any private address: nothing is sent
            found.append(str(probe.getsockname()[0]))
    except OSError:
        pass  # no network at all
    return found


def lan_addresses() -> list[str]:
    """This computer's reachable IPv4 addresses, private ones (Wi-Fi, hotspot) first."""
    usable = set()
    for text in _candidates():
        try:
            address = ipaddress.IPv4Address(text)
        except ValueError:
            continue
        if not (address.is_loopback or address.is_link_local or address.is_unspecified):
            usable.add(address)
    return [str(a) for a in sorted(usable, key=lambda a: (not a.is_private, a))]


def phone_urls(port: int) -> list[str]:
    return [f"http://{address}:{port}" for address in lan_addresses()]
