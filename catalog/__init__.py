"""The content catalogue: every module, lesson and quiz loaded once from YAML and
checked across files (a quiz's lesson exists, a module has a practice lesson, lengths
that suit the ear), the texts the app can speak for it, and a summary table.

It sits above both content schemas (``lessons`` and ``quizzes``) and imports them;
neither of them imports it. It never imports progress, media, certificates, access,
commands or ui.
"""

from catalog.loading import Catalog, ContentProblem, load_catalog

__all__ = ["Catalog", "ContentProblem", "load_catalog"]
