"""Persistence slice, the only one that imports SQLAlchemy: groups, learners, trainers,
class progress, attempts, spaced review, backups, migrations/ (Alembic), and reports/,
the reporting room. It builds on content and the catalogue (lessons, quizzes, catalog)
and never imports media, certificates, access, commands or ui."""
