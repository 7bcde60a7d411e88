"""The one error class mode raises for what it refuses, in plain Vietnamese."""

from __future__ import annotations


class ClassError(ValueError):
    """A class action we refuse (a stale join number, a class already ended, …), with a
    message for the person on the screen."""
