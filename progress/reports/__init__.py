"""The reporting room: every count and summary that trainers, learners and the commune
read, computed when asked for. Queries (where learners are in the lessons, finished
quizzes, who needs support) and the pure summaries built on them (a learner's modules,
the dashboard's lines, a group's totals for the commune) live here, and nowhere else;
pages only draw the values. Part of the progress slice, so it may use SQLAlchemy; like
the rest of progress it never imports media, certificates, access, commands or ui."""
