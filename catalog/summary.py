"""A short report of what the catalogue holds (printed by validate-content)."""

from __future__ import annotations

from catalog.loading import Catalog


def summary_table(catalog: Catalog) -> str:
    """A Markdown table: one row per module, then totals."""
    lines = ["| Module | Lessons | Steps | Questions | Minutes |", "|---|---:|---:|---:|---:|"]
    totals = [0, 0, 0, 0]
    for module in catalog.modules:
        lessons = catalog.lessons_of(module.id)
        quizzes = [catalog.quiz_for(lesson.id) for lesson in lessons]
        counts = [
            len(lessons),
            sum(len(lesson.steps) for lesson in lessons),
            sum(len(q.questions) for q in quizzes if q),
            sum(lesson.minutes for lesson in lessons),
        ]
        totals = [a + b for a, b in zip(totals, counts, strict=True)]
        lines.append(f"| {module.icon} {module.title} | " + " | ".join(str(c) for c in counts) + " |")
    lines.append("| **Total** | " + " | ".join(f"**{c}**" for c in totals) + " |")
    return "\n".join(lines)
