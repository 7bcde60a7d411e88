"""The area tree: provinces, their communes, the communes' community digital-technology
teams (tổ công nghệ số cộng đồng), and which team each learner group belongs to.

Names are cleaned like people's names (NFC, single spaces) and a name already used in the
same place (another province, a commune of the same province, a team of the same commune)
is refused, whatever its letter case. Only an admin changes the tree (the admin page and
``manage.py``); who then sees which groups is progress/scope.py."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import InstrumentedAttribute, Session
from sqlalchemy.sql.elements import ColumnElement

from progress.account_error import AccountError
from progress.database import Database
from progress.models import Commune, LearnerGroup, Province, Team
from progress.names import name_sort_key, normalise_name

_Named = TypeVar("_Named", Province, Commune, Team)


@dataclass(frozen=True)
class Area:
    id: int
    name: str


@dataclass(frozen=True)
class TeamNode:
    id: int
    name: str
    group_ids: tuple[int, ...]


@dataclass(frozen=True)
class CommuneNode:
    id: int
    name: str
    teams: tuple[TeamNode, ...]


@dataclass(frozen=True)
class ProvinceNode:
    id: int
    name: str
    communes: tuple[CommuneNode, ...]


@dataclass(frozen=True)
class GroupPlace:
    """A learner group and where it sits (team, commune, province; None: not placed yet)."""

    group_id: int
    group_name: str
    team_id: int | None
    team_name: str | None
    commune_name: str | None
    province_name: str | None

    @property
    def place(self) -> str:
        if self.team_name is None:
            return "Chưa thuộc tổ nào"
        return f"{self.team_name} · {self.commune_name} · {self.province_name}"


def _clean(name: str, what: str) -> str:
    clean = normalise_name(name)
    if not clean:
        raise AccountError(f"Tên {what} không được để trống.")
    if len(clean) > 120:
        raise AccountError(f"Tên {what} dài quá 120 ký tự.")
    return clean


def _refuse_taken(names: list[str], clean: str, message: str) -> None:
    if clean.casefold() in {name.casefold() for name in names}:
        raise AccountError(message)


def _add(db: Database, row: Province | Commune | Team, message: str) -> Area:
    try:
        with db.begin() as session:
            session.add(row)
            session.flush()
            return Area(row.id, row.name)
    except IntegrityError:  # added at the same moment from another screen
        raise AccountError(message) from None


def create_province(db: Database, name: str) -> Area:
    clean = _clean(name, "tỉnh")
    message = f"Đã có tỉnh “{clean}”."
    with db() as session:
        _refuse_taken(list(session.scalars(select(Province.name))), clean, message)
    return _add(db, Province(name=clean), message)


def create_commune(db: Database, province_id: int, name: str) -> Area:
    clean = _clean(name, "xã / phường")
    with db() as session:
        province = session.get(Province, province_id)
        if province is None:
            raise AccountError("Không tìm thấy tỉnh này.")
        message = f"Tỉnh {province.name} đã có “{clean}”."
        _refuse_taken(list(session.scalars(select(Commune.name).where(Commune.province_id == province_id))),
                      clean, message)
    return _add(db, Commune(province_id=province_id, name=clean), message)


def create_team(db: Database, commune_id: int, name: str) -> Area:
    clean = _clean(name, "tổ")
    with db() as session:
        commune = session.get(Commune, commune_id)
        if commune is None:
            raise AccountError("Không tìm thấy xã / phường này.")
        message = f"{commune.name} đã có tổ “{clean}”."
        _refuse_taken(list(session.scalars(select(Team.name).where(Team.commune_id == commune_id))), clean, message)
    return _add(db, Team(commune_id=commune_id, name=clean), message)


def _one(found: list[Area], none: str, many: str) -> Area:
    if not found:
        raise AccountError(none)
    if len(found) > 1:
        raise AccountError(many)
    return found[0]


def _same(column: InstrumentedAttribute[str], name: str) -> ColumnElement[bool]:
    return column == normalise_name(name)


def find_province(db: Database, name: str) -> Area:
    with db() as session:
        found = [Area(p.id, p.name) for p in session.scalars(select(Province).where(_same(Province.name, name)))]
    return _one(found, f"Không có tỉnh “{normalise_name(name)}”.", "")


def find_commune(db: Database, name: str, province: str | None = None) -> Area:
    """A commune by name; ``province`` is needed only when two provinces have one so named."""
    query = select(Commune).where(_same(Commune.name, name))
    if province:
        query = query.join(Province).where(_same(Province.name, province))
    with db() as session:
        found = [Area(c.id, c.name) for c in session.scalars(query)]
    clean = normalise_name(name)
    return _one(found, f"Không có xã / phường “{clean}”.", f"Có nhiều xã / phường tên “{clean}”: hãy ghi cả tỉnh.")


def find_team(db: Database, name: str, commune: str | None = None) -> Area:
    """A team by name; ``commune`` is needed only when two communes have one so named."""
    query = select(Team).where(_same(Team.name, name))
    if commune:
        query = query.join(Commune).where(_same(Commune.name, commune))
    with db() as session:
        found = [Area(t.id, t.name) for t in session.scalars(query)]
    clean = normalise_name(name)
    return _one(found, f"Không có tổ “{clean}”.", f"Có nhiều tổ tên “{clean}”: hãy ghi cả xã / phường.")


def find_group(db: Database, name: str) -> Area:
    with db() as session:
        group = session.scalar(select(LearnerGroup).where(_same(LearnerGroup.name, name)))
        if group is None:
            raise AccountError(f"Không có nhóm “{normalise_name(name)}”.")
        return Area(group.id, group.name)


def area_tree(db: Database) -> list[ProvinceNode]:
    """Every province → its communes → their teams → the groups placed there, by name."""
    with db() as session:
        provinces = list(session.scalars(select(Province)))
        communes = list(session.scalars(select(Commune)))
        teams = list(session.scalars(select(Team)))
        placed = session.execute(select(LearnerGroup.team_id, LearnerGroup.id).where(LearnerGroup.team_id.is_not(None)))
        groups: dict[int, list[int]] = {}
        for team_id, group_id in placed:
            if team_id is not None:
                groups.setdefault(team_id, []).append(group_id)

    def by_name(rows: Iterable[_Named]) -> list[_Named]:
        return sorted(rows, key=lambda row: name_sort_key(row.name))

    def team_nodes(commune_id: int) -> tuple[TeamNode, ...]:
        return tuple(TeamNode(t.id, t.name, tuple(sorted(groups.get(t.id, []))))
                     for t in by_name(t for t in teams if t.commune_id == commune_id))

    def commune_nodes(province_id: int) -> tuple[CommuneNode, ...]:
        return tuple(CommuneNode(c.id, c.name, team_nodes(c.id))
                     for c in by_name(c for c in communes if c.province_id == province_id))

    return [ProvinceNode(p.id, p.name, commune_nodes(p.id)) for p in by_name(provinces)]


def group_places(db: Database, group_ids: frozenset[int] | None = None) -> list[GroupPlace]:
    """Each group (of ``group_ids``, or all) with its team, commune and province, by group name."""
    query = (
        select(LearnerGroup.id, LearnerGroup.name, Team.id, Team.name, Commune.name, Province.name)
        .outerjoin(Team, Team.id == LearnerGroup.team_id)
        .outerjoin(Commune, Commune.id == Team.commune_id)
        .outerjoin(Province, Province.id == Commune.province_id)
    )
    if group_ids is not None:
        query = query.where(LearnerGroup.id.in_(group_ids))
    with db() as session:
        places = [GroupPlace(*row) for row in session.execute(query)]
    return sorted(places, key=lambda place: name_sort_key(place.group_name))


def place_group(db: Database, group_id: int, team_id: int | None) -> GroupPlace:
    """Put a group in a team, move it to another, or (``None``) take it out of any team."""
    with db.begin() as session:
        group = session.get(LearnerGroup, group_id)
        if group is None:
            raise AccountError("Không tìm thấy nhóm này.")
        if team_id is not None and session.get(Team, team_id) is None:
            raise AccountError("Không tìm thấy tổ này.")
        group.team_id = team_id
    return group_places(db, frozenset({group_id}))[0]


def team_path(session: Session, team_id: int) -> str:
    """"Tổ 1 · Xã mẫu · Quảng Ngãi": a team with the commune and province it belongs to."""
    row = session.execute(
        select(Team.name, Commune.name, Province.name).join(Commune, Commune.id == Team.commune_id)
        .join(Province, Province.id == Commune.province_id).where(Team.id == team_id)
    ).one_or_none()
    return " · ".join(row) if row else "—"
