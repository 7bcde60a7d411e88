"""Whose address a sign-in counts against: X-Forwarded-For is believed only from a trusted proxy."""

from access.client_address import client_address, is_trusted_proxy

PROXIES = ("127.0.0.1", "10.0.0.0/8")


def test_without_a_trusted_proxy_the_header_is_ignored():
    assert client_address("192.168.1.20", "1.2.3.4", ()) == "192.168.1.20"
    assert client_address("192.168.1.20", "1.2.3.4", PROXIES) == "192.168.1.20"  # a phone pretending


def test_streamlit_reports_this_laptop_as_none():
    assert client_address(None, None, ()) == "127.0.0.1"


def test_behind_a_trusted_proxy_the_address_it_saw_counts():
    assert client_address(None, "192.168.1.20", PROXIES) == "192.168.1.20"
    assert client_address("10.0.0.5", "203.0.113.9", PROXIES) == "203.0.113.9"


def test_what_the_client_wrote_left_of_the_proxys_entry_is_not_believed():
    # the client sent "X-Forwarded-For: 1.1.1.1"; the proxy appended the address it saw
    assert client_address("10.0.0.5", "1.1.1.1, 203.0.113.9", PROXIES) == "203.0.113.9"
    # a chain of trusted proxies is walked back to the first address not trusted
    assert client_address("10.0.0.5", "1.1.1.1, 203.0.113.9, 10.0.0.7", PROXIES) == "203.0.113.9"


def test_a_missing_or_unreadable_header_counts_the_proxy_itself():
    assert client_address("10.0.0.5", None, PROXIES) == "10.0.0.5"
    assert client_address("10.0.0.5", "1.1.1.1, nonsense", PROXIES) == "10.0.0.5"


def test_is_trusted_proxy_takes_addresses_and_networks():
    assert is_trusted_proxy("10.9.8.7", PROXIES) and is_trusted_proxy("127.0.0.1", PROXIES)
    assert not is_trusted_proxy("testclient", PROXIES) and not is_trusted_proxy(None, PROXIES)
    assert not is_trusted_proxy("10.0.0.5", ())
