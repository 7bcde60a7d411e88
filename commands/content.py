"""Checking the lesson and quiz files."""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace

from settings import load_settings


def load_content():  # the catalogue; content is imported only when a command needs it
    from catalog.loading import load_catalog

    settings = load_settings()
    content = settings.content
    return load_catalog(settings.project_path(content.lessons_dir), settings.project_path(content.quizzes_dir))


def cmd_validate_content(args: argparse.Namespace) -> int:
    from catalog.summary import summary_table

    catalog = load_content()
    for problem in catalog.problems:
        print(problem)
    print(summary_table(catalog))
    if catalog.problems:
        print(f"{len(catalog.problems)} problem(s) found.", file=sys.stderr)
        return 1
    print("All content is valid.")
    return 0


def cmd_quiz_report(args: argparse.Namespace) -> int:
    """The curriculum review's table 1 for the whole catalogue: can the quizzes be
    passed without knowing anything? Exit 1 when a figure misses its target."""
    from catalog.quiz_fairness import fairness_figures, fairness_problems, fairness_report

    catalog = load_content()
    if args.module:
        known = {module.id for module in catalog.modules}
        if args.module not in known:
            print(f"No module {args.module!r}; modules: {', '.join(sorted(known))}", file=sys.stderr)
            return 2
        lessons = {k: v for k, v in catalog.lessons.items() if v.module == args.module}
        catalog = replace(catalog, lessons=lessons, quizzes={k: v for k, v in catalog.quizzes.items() if k in lessons})
    figures = fairness_figures(catalog)
    print(fairness_report(figures))
    problems = fairness_problems(figures)
    for problem in problems:
        print(f"- {problem}", file=sys.stderr)
    if problems:
        print(f"{len(problems)} figure(s) miss their target.", file=sys.stderr)
        return 1
    print("Every figure meets its target.")
    return 0
