"""Lesson slice: the lesson and module schema (frozen pydantic, with the field types
quizzes share), lesson rules, and content/ (one YAML file per lesson). Until the lead's
move lands it also holds the catalogue loader, which goes to catalog/. Content sits at
the bottom: it never imports quizzes (except the files moving to catalog/), progress,
media, certificates, access, commands or ui."""
