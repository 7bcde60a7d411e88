"""The server limits glibc's malloc arenas, except where it cannot or someone else did."""

import sys

import pytest

from ui import malloc_arenas


def test_a_limit_set_in_the_environment_is_left_alone(monkeypatch):
    monkeypatch.setenv("MALLOC_ARENA_MAX", "4")
    assert malloc_arenas.limit_malloc_arenas() is False


def test_nothing_is_tried_off_linux(monkeypatch):
    monkeypatch.delenv("MALLOC_ARENA_MAX", raising=False)
    monkeypatch.setattr(malloc_arenas.sys, "platform", "win32")
    assert malloc_arenas.limit_malloc_arenas() is False


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's mallopt")
def test_linux_with_glibc_takes_the_limit(monkeypatch):
    monkeypatch.delenv("MALLOC_ARENA_MAX", raising=False)
    assert malloc_arenas.limit_malloc_arenas() is True
