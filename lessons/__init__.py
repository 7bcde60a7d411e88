"""Lesson slice: the lesson and module schema (frozen pydantic), the field types every
content file shares (``lessons/fields.py``), DigComp codes, and content/ (one YAML file
per lesson). Content sits at the bottom: it never imports quizzes, catalog, progress,
media, certificates, access, commands or ui."""
