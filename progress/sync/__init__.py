"""Offline sync between installations (village laptops, the commune server): stable
record ids, deletion records, bundles of rows that travel on a USB stick or over HTTP,
and their merge. See docs/developer-guide.md ("Offline sync")."""
