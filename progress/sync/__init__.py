"""Offline sync between installations (issue 16): stable ids, bundles, merge, partners."""
