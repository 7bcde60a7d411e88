"""What the two sync pages (ui/trainer/sync_export.py, ui/trainer/sync_import.py) and the
admin's laptops show alike: the summary of an exchange as a short list per kind, a
refused file in the refusal's own words, and the history as a table in Vietnam time."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import streamlit as st

from progress.database import Database
from progress.days import local_time
from progress.sync.exchange import history
from progress.sync.history import HistoryRow
from progress.sync.kinds import PAYLOAD_KINDS, label
from progress.sync.summary import SyncSummary
from ui.plain_text import as_text

NOTHING_CHANGED = "Không có gì thay đổi trên máy này."
IMPORTANT = ("learners", "lesson_progress", "quiz_attempts", "class_sessions", "groups", "trainers")  # listed first
DIRECTIONS = {"export": "📤 Xuất tệp", "import": "📥 Nhận tệp", "push": "🌐 Gửi qua mạng", "pull": "🌐 Lấy qua mạng"}


def vietnam_time(moment: dt.datetime | None) -> str:
    return local_time(moment).strftime("%d/%m/%Y %H:%M") if moment else "—"


def show_refusal(message: str) -> None:
    """A refused file: its refusal's own sentence, and that nothing changed."""
    st.error(f"{as_text(message)}\n\n{NOTHING_CHANGED}", icon="🚫")


def show_summary(summary: SyncSummary, heading: str) -> None:
    """What an exchange added, updated and left, one line per kind; the deletions it
    applied, groups stored under another name, the conflicts it resolved and why
    records were left out, under it."""
    st.success(heading, icon="✅")
    lines = kind_lines(summary)
    st.markdown("\n".join(f"- {as_text(line)}" for line in lines) if lines else "Không có dữ liệu mới.")
    if summary.deleted:
        st.markdown(as_text(summary.deletion_line()))
    if summary.notes:
        _lines(summary.notes, "sync_notes")
    if summary.conflicts:
        st.markdown(f"**Xung đột đã xử lý ({len(summary.conflicts)})**: hai nơi cùng sửa một mục; "
                    "ứng dụng giữ bản sửa sau cùng.")
        _lines(summary.conflicts, "sync_conflicts")
    if summary.skipped_reasons:
        with st.expander(f"Vì sao có mục bị bỏ qua ({len(summary.skipped_reasons)})"):
            _lines(summary.skipped_reasons, "sync_skipped")


def kind_lines(summary: SyncSummary) -> list[str]:
    """One short line per kind that came, only the numbers that are not 0, most
    important first: "Học viên: 2 thêm mới, 4 bỏ qua"."""
    lines = []
    for kind in in_order(summary.counts):
        counts = summary.counts[kind]
        parts = [f"{n} {what}" for n, what in ((counts.added, "thêm mới"), (counts.updated, "cập nhật"),
                                                (counts.skipped, "bỏ qua"), (counts.conflicts, "xung đột đã xử lý"))
                 if n]
        if parts:
            lines.append(f"{label(kind)}: {', '.join(parts)}")
    return lines


def _lines(lines: list[str], key: str) -> None:
    """A list of whole lines; a long one scrolls."""
    with st.container(height=220 if len(lines) > 6 else "content", key=key):
        st.markdown("\n".join(f"- {as_text(line)}" for line in lines))


def kind_counts(counts: dict[str, int]) -> list[str]:
    """An export's counts, one line per kind that has any: "Học viên: 12"."""
    return [f"{kind_label(kind)}: {counts[kind]}" for kind in in_order(counts) if counts[kind]]


def kind_label(kind: str) -> str:
    return "Yêu cầu xoá dữ liệu" if kind == "deletions" else label(kind)


def in_order(kinds: Iterable[str]) -> list[str]:
    order = {name: i for i, name in reversed(list(enumerate(IMPORTANT + PAYLOAD_KINDS)))}  # the first place wins
    return sorted(kinds, key=lambda kind: (order.get(kind, len(order)), kind))


def show_history(db: Database, key: str) -> None:
    rows = history(db, limit=50)
    st.subheader("🕘 Lịch sử gửi, nhận")
    if not rows:
        st.caption("Chưa gửi, nhận lần nào.")
        return
    st.dataframe([{
        "Lúc": vietnam_time(row.at),
        "Việc": DIRECTIONS.get(row.direction, row.direction),
        "Với máy": row.partner_name or "—",
        "Kết quả": outcome(row),
        "Dung lượng": kilobytes(row.file_bytes),
        "Người làm": row.by_account or "—",
    } for row in rows], hide_index=True, width="stretch", key=key)


def outcome(row: HistoryRow) -> str:
    if row.outcome != "ok":
        return f"Bị từ chối: {row.message}"
    if row.direction in ("import", "pull"):
        return row.message or f"Xong: {row.summary.added} thêm mới, {row.summary.updated} cập nhật"
    return "Xong"


def kilobytes(size: int | None) -> str:
    if not size:
        return "—"
    return f"{size / 1024:,.0f} KB" if size < 1024 * 1024 else f"{size / 1024 / 1024:,.1f} MB"
