"""Group names across installations. Groups never match by name: two villages may each
have a "Nhóm 1", and merging them would make their learners of the same name one
person. A group from elsewhere whose name a different group here already has is kept
as "<name> (<sending installation>)" (then " 2", " 3" …), cut to fit the column; when
it comes back to the installation that made it, that name is not a change."""

from __future__ import annotations

import re

from sqlalchemy import select
from sqlalchemy.orm import Session

from progress.models import LearnerGroup
from progress.names import MAX_NAME_LENGTH

MAX_ORIGIN_LENGTH = 60  # of the sending installation's name, in a group's name
UNKNOWN_ORIGIN = "máy khác"


def candidate(name: str, origin: str, n: int = 1) -> str:
    """The ``n``-th name tried for group ``name`` sent by ``origin``, at most as long as
    the column: the group's own name is shortened, never the installation's."""
    suffix = f" ({origin[:MAX_ORIGIN_LENGTH].strip() or UNKNOWN_ORIGIN})" + (f" {n}" if n > 1 else "")
    return name[:MAX_NAME_LENGTH - len(suffix)].rstrip() + suffix


def is_candidate(current: str, name: str, origin: str) -> bool:
    """Is ``current`` one of the names ``candidate`` gives for ``name`` from ``origin``?"""
    number = re.search(r" (\d+)$", current)
    n = int(number.group(1)) if number else 1
    return current == candidate(name, origin) or (n > 1 and current == candidate(name, origin, n))


class GroupNames:
    """Every group name here, read once and kept current through a merge."""

    def __init__(self, session: Session, origin: str, own_name: str = "") -> None:
        self.origin, self.own_name = origin, own_name
        rows = session.execute(select(LearnerGroup.name, LearnerGroup.uid)).all()
        self.owners: dict[str, str] = {name: uid for name, uid in rows}

    def settle(self, uid: str, current: str | None, incoming: str) -> str:
        """The name group ``uid`` (now called ``current``; None: new here) keeps when the
        other side calls it ``incoming``: that name if no other group here has it, else
        the renamed form it already has, else the first free one. This installation's own
        group coming back under the name the other side stored it as keeps its name here."""
        if current is not None and self.own_name and is_candidate(incoming, current, self.own_name):
            return current
        owner = self.owners.get(incoming)
        if owner is None or owner == uid:
            return incoming
        if current is not None and is_candidate(current, incoming, self.origin):
            return current
        n = 1
        while self.owners.get(candidate(incoming, self.origin, n)) not in (None, uid):
            n += 1
        return candidate(incoming, self.origin, n)

    def took(self, uid: str, old: str | None, new: str) -> None:
        if old is not None and self.owners.get(old) == uid:
            del self.owners[old]
        self.owners[new] = uid


def renamed_line(name: str, origin: str, stored_as: str) -> str:
    sender = f"máy “{origin}”" if origin else "máy gửi tệp"
    return f"Nhóm “{name}” từ {sender} trùng tên một nhóm ở đây: lưu thành “{stored_as}”."
