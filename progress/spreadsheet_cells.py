"""Cells a spreadsheet will not run: every CSV and XLSX the app writes passes its text
through here.

Excel, LibreOffice and Google Sheets treat a cell that begins with ``=``, ``+``, ``-`` or
``@`` as a formula (a tab or carriage return in front does not stop them), so a learner
named ``=HYPERLINK("http://…","Bấm")`` would become a link, or worse, in the trainer's
report. Such text is written with a single quote in front — the spreadsheet's own sign
for "this is text" — and read as what was typed. Numbers and dates stay typed: only
text is changed.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TypeVar

import pandas as pd

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
Value = TypeVar("Value")


def as_cell(value: Value) -> Value | str:
    """The value itself, or text that begins like a formula with a ``'`` in front."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def as_row(values: Iterable[Value]) -> list[Value | str]:
    return [as_cell(value) for value in values]


def as_table(table: pd.DataFrame) -> pd.DataFrame:
    """A copy of the table with every text cell (and header) made safe."""
    safe = table.map(as_cell)
    safe.columns = [as_cell(column) for column in table.columns]
    return safe
