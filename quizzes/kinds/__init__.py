"""One module per question kind: its schema, grading, what the voice reads, the texts
it pre-renders and its own content rules. ``quizzes.models.Question`` is the union of
them; the list of kinds is derived from that union."""
