"""Checking the lesson and quiz files."""

from __future__ import annotations

import argparse
import sys

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
