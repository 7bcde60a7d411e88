"""The commands of manage.py, one module per topic (database, accounts, content, audio,
serve): plain Python that calls the slices below it. It never imports ui (serve starts
the web server by its module path) and nothing imports it but manage.py."""
