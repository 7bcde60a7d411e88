"""Which address the web server listens on, for the pages: ``manage.py serve --host``
when it was given, else the setting ``server.host``; and whether phones on a network can
reach it (any address but this computer's own)."""

from __future__ import annotations

import ipaddress

_SERVED_ON: list[str] = []  # the host `manage.py serve` listens on, in this process


def is_loopback(host: str) -> bool:
    """127.0.0.1, ::1 or localhost: only this computer can open the app."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def serving_on(host: str) -> None:
    """``manage.py serve`` says where this process listens (``--host`` wins over the setting)."""
    _SERVED_ON[:] = [host]


def listening_host(configured: str) -> str:
    """Where this process listens: what ``serving_on`` was told, else the setting."""
    return _SERVED_ON[0] if _SERVED_ON else configured


def reachable_from_network(configured: str) -> bool:
    """Phones (and anyone else) on a network can open the app."""
    return not is_loopback(listening_host(configured))
