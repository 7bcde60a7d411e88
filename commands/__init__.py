"""The commands of manage.py, one module per topic."""
