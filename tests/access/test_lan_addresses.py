"""Which of this laptop's addresses the trainer is told to give the phones."""

from access import lan_addresses as module
from access.lan_addresses import lan_addresses, phone_urls


def test_reachable_addresses_only_private_first_no_duplicates(monkeypatch):
    monkeypatch.setattr(module, "_candidates", lambda: [
        "127.0.1.1", "169.254.3.4", "0.0.0.0", "not an address",  # nobody else can reach these
        "203.0.113.7", "192.168.137.1", "10.0.0.5", "192.168.137.1",
    ])
    assert lan_addresses() == ["10.0.0.5", "192.168.137.1", "203.0.113.7"]
    assert phone_urls(8501)[1] == "http://192.168.137.1:8501"


def test_no_network_gives_no_address(monkeypatch):
    monkeypatch.setattr(module, "_candidates", lambda: ["127.0.0.1"])
    assert lan_addresses() == [] and phone_urls(8501) == []


def test_this_machine_answers_without_error():
    assert all(not address.startswith("127.") for address in lan_addresses())
