"""Merging the records that stand on their own (areas, groups, accounts, learners,
progress, review items, recordings): match by uid, then alias, then natural key; add
what is new, leave what is equal, and where both differ the newer ``updated_at`` wins.
Lesson progress is merged instead (furthest step, done if done on either side).
Groups have no natural key: one whose name another group here has is stored renamed
(progress/sync/group_names.py)."""

from __future__ import annotations

import base64
import binascii
from typing import Any

from sqlalchemy import select

from progress.days import stored_utc
from progress.models import Learner, LearnerGroup, LessonProgress, RecordingAudio
from progress.sync import kinds
from progress.sync.group_names import GroupNames, renamed_line
from progress.sync.identity import site_in
from progress.sync.kinds import Kind
from progress.sync.merge_context import MergeContext, rows_by_uid
from progress.sync.summary import ADDED, SKIPPED, UPDATED
from progress.sync.wire import from_wire, same_value

Values = dict[str, Any]
NATURAL_KEY_TAKEN = "trùng với một bản ghi khác ở máy này"


def _short(uid: str) -> str:
    return uid[:8]


def incoming_values(ctx: MergeContext, kind: Kind, item: dict[str, Any]) -> Values | str:
    """The item's columns as the local table holds them, references turned into local
    ids; or, when a record it needs is missing or deleted, the reason it is skipped
    ("" when the reason needs no line: it belongs to a learner deleted on purpose)."""
    values: Values = {field: from_wire(kind.model, field, item.get(field)) for field in kind.fields}
    for ref in kind.refs:
        uid = item.get(ref.field)
        target = kinds.BY_NAME[ref.kind]
        row_id = None
        if uid is not None and not ctx.is_deleted(target.deletion, uid):
            row_id = ctx.local_id(ref.kind, uid)
        if row_id is None and ref.required:
            if uid is not None and ctx.is_deleted(target.deletion, uid):
                return ""
            return f"{kind.label} {_short(item['uid'])}: không tìm thấy {target.label.lower()} mà nó thuộc về"
        values[ref.column] = row_id
    return values


def placeable_values(ctx: MergeContext, kind: Kind, item: dict[str, Any]) -> Values | None:
    """``incoming_values``, or None when the item cannot be placed here: then it is
    already counted as skipped (with its reason, when it has one)."""
    values = incoming_values(ctx, kind, item)
    if isinstance(values, str):
        ctx.summary.skip(kind.name, values) if values else ctx.summary.count(kind.name, SKIPPED)
        return None
    return values


def describe(ctx: MergeContext, kind: Kind, values: Values) -> str:
    """The record as a conflict line names it."""
    if kind is kinds.LEARNERS:
        group = ctx.session.get(LearnerGroup, values["group_id"])
        return f"Học viên {values['display_name']} (nhóm {group.name if group else '?'})"
    if kind is kinds.TRAINERS:
        return f"Tập huấn viên {values['display_name']} ({values['username']})"
    if kind is kinds.REVIEW_ITEMS:
        learner = ctx.session.get(Learner, values["learner_id"])
        return f"Câu cần ôn {values['question_id']} của học viên {learner.display_name if learner else '?'}"
    if kind is kinds.RECORDINGS:
        return f"Bản ghi âm {values['lesson_id']}/{values['step_id']} ({values['language']})"
    return f"{kind.label} {values.get('name', '')}".strip()


class FlatMerge:
    """One kind's items, applied."""

    def __init__(self, ctx: MergeContext, kind: Kind, items: list[dict[str, Any]]) -> None:
        self.ctx, self.kind, self.items = ctx, kind, items
        self._natural: dict[tuple[Any, ...], str] | None = None
        self.added: list[Any] = []
        self.names = (GroupNames(ctx.session, ctx.origin_site_name, site_in(ctx.session).name)
                      if kind is kinds.GROUPS else None)

    def natural_map(self) -> dict[tuple[Any, ...], str]:
        """Natural key -> uid of every local row (read once, when first needed)."""
        if self._natural is None:
            table = self.kind.model.__table__
            columns = [table.c[name] for name in self.kind.natural]
            rows = self.ctx.session.execute(select(table.c.uid, *columns)).all()
            self._natural = {tuple(row[1:]): row[0] for row in rows}
        return self._natural

    def natural_key(self, values: Values) -> tuple[Any, ...] | None:
        return tuple(values[name] for name in self.kind.natural) if self.kind.natural else None

    def run(self) -> None:
        local = rows_by_uid(self.ctx.session, self.kind, (item["uid"] for item in self.items))
        for item in self.items:
            self.one(item, local.get(item["uid"]))
        self.ctx.session.flush()
        for row in self.added:
            self.ctx.remember(self.kind.name, row.uid, row.id)

    def find(self, uid: str, values: Values) -> tuple[Any, bool]:
        """The local row (by uid, alias or natural key) and whether the natural key found it."""
        local_uid = self.ctx.alias_of(self.kind.name, uid)
        if local_uid is None:
            key = self.natural_key(values)
            local_uid = self.natural_map().get(key) if key is not None else None
            by_natural = local_uid is not None
        else:
            by_natural = False
        if local_uid is None:
            return None, False
        return rows_by_uid(self.ctx.session, self.kind, [local_uid]).get(local_uid), by_natural

    def one(self, item: dict[str, Any], row: Any) -> None:
        ctx, kind, uid = self.ctx, self.kind, item["uid"]
        if ctx.is_deleted(kind.deletion, uid):
            ctx.summary.count(kind.name, SKIPPED)
            return
        values = placeable_values(ctx, kind, item)
        if values is None:
            return
        if kind is kinds.TRAINERS and not ctx.trust_accounts:
            values.update(role="trainer", team_id=None, commune_id=None, province_id=None)
        elsewhere_made = False  # a local record made separately (found by alias or natural key)
        if row is None:
            row, by_natural = self.find(uid, values)
            elsewhere_made = row is not None
            if row is not None and by_natural:
                self.same_record(uid, row)
        if row is None:
            self.add(item, values)
            return
        ctx.remember(kind.name, uid, row.id)
        if kind is kinds.LESSON_PROGRESS:
            self.merge_progress(row, values)
        elif not kind.changes or (kind is kinds.TRAINERS and (not ctx.trust_accounts or elsewhere_made)):
            # an account made here is never changed by a same-named one made elsewhere (the
            # demo "tapsu" on the laptop and on the server): its password and sessions stay
            ctx.summary.count(kind.name, SKIPPED)
        else:
            self.newer_wins(item, row, values)

    def same_record(self, uid: str, row: Any) -> None:
        """The incoming record is a local one made separately (same natural key): both
        installations settle on the smaller uid, and the other stays as an alias. Staff
        accounts keep their own uids (only an alias links them), so an account sent later
        under the other uid is still known as made elsewhere and never overwrites this one."""
        if uid < row.uid and self.kind is not kinds.TRAINERS:
            old = row.uid
            row.uid = uid
            self.ctx.session.flush()
            self.ctx.move_aliases(self.kind.name, old, uid)
            self.ctx.add_alias(self.kind.name, old, uid)
            key = self.natural_key(self.local_values(row))
            if key is not None:
                self.natural_map()[key] = uid
        else:
            self.ctx.add_alias(self.kind.name, uid, row.uid)

    def settle_name(self, uid: str, current: str | None, values: Values) -> str:
        """A group's name as it will be kept here (put in ``values``); the name it came with."""
        assert self.names is not None
        incoming = values["name"]
        values["name"] = self.names.settle(uid, current, incoming)
        return str(incoming)

    def renamed(self, incoming: str, stored_as: str) -> None:
        if stored_as != incoming:
            self.ctx.summary.note(renamed_line(incoming, self.ctx.origin_site_name, stored_as))

    def add(self, item: dict[str, Any], values: Values) -> None:
        reason = self.audio_missing(item, values)
        if reason:
            self.ctx.summary.skip(self.kind.name, reason)
            return
        if self.names is not None:
            self.renamed(self.settle_name(item["uid"], None, values), values["name"])
            self.names.took(item["uid"], None, values["name"])
        row = self.kind.model(uid=item["uid"], **values)
        self.ctx.session.add(row)
        self.added.append(row)
        key = self.natural_key(values)
        if key is not None:
            self.natural_map()[key] = item["uid"]
        self.ctx.summary.count(self.kind.name, ADDED)

    def newer_wins(self, item: dict[str, Any], row: Any, values: Values) -> None:
        ctx, kind = self.ctx, self.kind
        incoming_name = self.settle_name(row.uid, row.name, values) if self.names is not None else ""
        if all(same_value(kind.model, f, getattr(row, f), v) for f, v in values.items() if f != "updated_at"):
            ctx.summary.count(kind.name, SKIPPED)
            return
        local_time, incoming_time = stored_utc(row.updated_at), values["updated_at"]
        both = ctx.newer_here(local_time) and ctx.changed_there(incoming_time)
        if incoming_time <= local_time:
            ctx.summary.count(kind.name, SKIPPED)
            if both:
                line = f"{describe(ctx, kind, self.local_values(row))}: giữ bản mới hơn ở máy này"
                ctx.summary.conflict(kind.name, line)
            return
        key, old_key = self.natural_key(values), self.natural_key(self.local_values(row))
        if key != old_key and key is not None and self.natural_map().get(key, row.uid) != row.uid:
            ctx.summary.skip(kind.name, f"{describe(ctx, kind, values)}: {NATURAL_KEY_TAKEN}")
            return
        reason = self.audio_missing(item, values)
        if reason:
            ctx.summary.skip(kind.name, reason)
            return
        old_name = getattr(row, "name", "")
        for field, value in values.items():
            setattr(row, field, value)
        if self.names is not None and old_name != row.name:
            self.renamed(incoming_name, row.name)
            self.names.took(row.uid, old_name, row.name)
            ctx.session.flush()  # one name at a time: two groups may swap names in one payload
        if key != old_key and key is not None and old_key is not None:
            self.natural_map().pop(old_key, None)
            self.natural_map()[key] = row.uid
        ctx.summary.count(kind.name, UPDATED)
        if both:
            ctx.summary.conflict(kind.name, f"{describe(ctx, kind, values)}: giữ bản mới hơn từ {ctx.origin_name}")

    def local_values(self, row: Any) -> Values:
        names = [*self.kind.fields, *(ref.column for ref in self.kind.refs)]
        return {name: getattr(row, name) for name in names}

    def merge_progress(self, row: LessonProgress, values: Values) -> None:
        """The same learner's lesson on two machines: the furthest step, done if done on
        either, the longer time spent, the earlier start, the later save."""
        merged = {
            "current_step": max(row.current_step, values["current_step"]),
            "steps_done": bool(row.steps_done or values["steps_done"]),
            "seconds_spent": max(row.seconds_spent, values["seconds_spent"]),
            "started_at": min(stored_utc(row.started_at), values["started_at"]),
            "updated_at": max(stored_utc(row.updated_at), values["updated_at"]),
        }
        if all(same_value(LessonProgress, f, getattr(row, f), v) for f, v in merged.items()):
            self.ctx.summary.count(self.kind.name, SKIPPED)
            return
        for field, value in merged.items():
            setattr(row, field, value)
        self.ctx.summary.count(self.kind.name, UPDATED)

    def audio_missing(self, item: dict[str, Any], values: Values) -> str:
        """A recording needs its MP3 here: taken from the item, or already held."""
        if self.kind is not kinds.RECORDINGS:
            return ""
        name = values["file_name"]
        if self.ctx.session.get(RecordingAudio, name) is not None:
            return ""
        try:
            audio = base64.b64decode(item.get("audio_b64") or "", validate=True)
        except (binascii.Error, ValueError):
            audio = b""
        if not audio:
            return f"{describe(self.ctx, self.kind, values)}: thiếu tệp âm thanh"
        self.ctx.session.add(RecordingAudio(file_name=name, data=audio))
        self.ctx.session.flush()
        return ""
