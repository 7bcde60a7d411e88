"""The one error every account function raises for input it refuses."""

from __future__ import annotations


class AccountError(ValueError):
    """Input for an account that we refuse, with a message in plain Vietnamese."""
