"""Quiz slice: the question schema, grading, mastery and review rules, and content/
(one YAML quiz per lesson; question ids are permanent). Content at the bottom: it
imports only lessons' field types and never imports progress, media, certificates,
access, commands or ui."""
