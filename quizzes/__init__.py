"""Quiz slice: one module per question kind (``quizzes/kinds/``), the ``Question`` union,
the one graded-answer value (``quizzes/answers.py``), grading and scoring, a quiz run as
a typed value, mastery and review rules, and content/ (one YAML quiz per lesson;
question ids are permanent). It imports only lessons' field types and never imports
catalog, progress, media, certificates, access, commands or ui."""
