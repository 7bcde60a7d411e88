"""What applying a payload did: per kind, how many records were added, updated and left
as they were (same as here, older than here, or refused with a reason), the conflicts
resolved (both sides had changed the same record) and the deletions applied. Kept as
JSON in the sync history and shown on the sync pages in plain Vietnamese."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from progress.sync.kinds import DELETION_LABELS, PAYLOAD_KINDS, label

ADDED, UPDATED, SKIPPED = "added", "updated", "skipped"
MAX_LINES = 200  # conflict and skip lines kept; the counts stay exact


@dataclass
class KindCounts:
    added: int = 0
    updated: int = 0
    skipped: int = 0
    conflicts: int = 0


@dataclass
class SyncSummary:
    counts: dict[str, KindCounts] = field(default_factory=dict)
    conflicts: list[str] = field(default_factory=list)  # "Học viên Hoa (nhóm …): giữ bản mới hơn từ máy …"
    skipped_reasons: list[str] = field(default_factory=list)  # records refused, and why
    deleted: dict[str, int] = field(default_factory=dict)  # deletion kind -> rows deleted here
    notes: list[str] = field(default_factory=list)  # what else a person should know: a group stored renamed

    def _kind(self, kind: str) -> KindCounts:
        return self.counts.setdefault(kind, KindCounts())

    def count(self, kind: str, outcome: str, n: int = 1) -> None:
        counts = self._kind(kind)
        setattr(counts, outcome, getattr(counts, outcome) + n)

    def conflict(self, kind: str, line: str) -> None:
        self._kind(kind).conflicts += 1
        if len(self.conflicts) < MAX_LINES:
            self.conflicts.append(line)

    def skip(self, kind: str, reason: str) -> None:
        self.count(kind, SKIPPED)
        if len(self.skipped_reasons) < MAX_LINES:
            self.skipped_reasons.append(reason)

    def note(self, line: str) -> None:
        if len(self.notes) < MAX_LINES:
            self.notes.append(line)

    def deletion(self, kind: str) -> None:
        self.deleted[kind] = self.deleted.get(kind, 0) + 1

    @property
    def added(self) -> int:
        return sum(c.added for c in self.counts.values())

    @property
    def updated(self) -> int:
        return sum(c.updated for c in self.counts.values())

    @property
    def changed_anything(self) -> bool:
        return bool(self.added or self.updated or self.deleted)

    def to_json(self) -> str:
        return json.dumps({"counts": {k: vars(c) for k, c in self.counts.items()}, "conflicts": self.conflicts,
                           "skipped_reasons": self.skipped_reasons, "deleted": self.deleted,
                           "notes": self.notes},
                          ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> SyncSummary:
        if not text:
            return cls()
        data = json.loads(text)
        return cls({k: KindCounts(**c) for k, c in data.get("counts", {}).items()}, list(data.get("conflicts", [])),
                   list(data.get("skipped_reasons", [])), dict(data.get("deleted", {})), list(data.get("notes", [])))

    def kind_lines(self) -> list[str]:
        """One line per kind that came: "Học viên: 12 thêm mới, 3 cập nhật, 40 bỏ qua"."""
        order = {name: i for i, name in enumerate(PAYLOAD_KINDS)}
        lines = []
        for kind in sorted(self.counts, key=lambda k: (order.get(k, len(order)), k)):
            c = self.counts[kind]
            line = f"{label(kind)}: {c.added} thêm mới, {c.updated} cập nhật, {c.skipped} bỏ qua"
            if c.conflicts:
                line += f", {c.conflicts} xung đột đã xử lý"
            lines.append(line)
        return lines

    def deletion_line(self) -> str:
        if not self.deleted:
            return ""
        parts = [f"{n} {DELETION_LABELS.get(kind, kind)}" for kind, n in sorted(self.deleted.items())]
        return "Đã xoá theo yêu cầu xoá từ máy khác: " + ", ".join(parts) + "."

    def lines(self) -> list[str]:
        """Everything a page shows, in plain Vietnamese."""
        if not self.counts and not self.deleted:
            return ["Không có dữ liệu mới."]
        lines = self.kind_lines()
        if self.deleted:
            lines.append(self.deletion_line())
        lines.extend(self.notes)
        if self.conflicts:
            lines.append(f"Xung đột đã xử lý ({sum(c.conflicts for c in self.counts.values())}):")
            lines.extend(f"– {line}" for line in self.conflicts)
        return lines
