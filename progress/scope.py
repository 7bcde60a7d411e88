"""Who sees what: the area an account may look at, and whether it may change things.

- trainer: the groups they look after (``trainer_groups``);
- team lead: every group of their team, plus their own;
- commune officer / province officer: every group under their commune / province,
  read-only;
- admin: everything; creates provinces, communes, teams and accounts.

Every page, query and export asks ``scope_of`` once and filters by ``Scope.group_ids``;
``Scope.require_group`` refuses a group outside it (a group id typed into a URL, too).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from progress.account_error import AccountError
from progress.database import Database
from progress.models import Commune, LearnerGroup, Team, Trainer, TrainerGroup

ROLES = ("trainer", "team_lead", "commune_officer", "province_officer", "admin")
ROLE_NAMES = {
    "trainer": "Tập huấn viên",
    "team_lead": "Tổ trưởng tổ công nghệ số",
    "commune_officer": "Cán bộ Đoàn xã",
    "province_officer": "Cán bộ Tỉnh đoàn",
    "admin": "Quản trị",
}
READ_ONLY_ROLES = frozenset({"commune_officer", "province_officer"})
OUTSIDE = "Nhóm này không thuộc phạm vi tài khoản của bạn."


@dataclass(frozen=True)
class Scope:
    account_id: int
    role: str
    group_ids: frozenset[int]  # every group this account may see
    own_group_ids: frozenset[int]  # the groups it looks after itself (a trainer's, a team lead's own)
    team_ids: frozenset[int]  # teams wholly inside the area (empty for a plain trainer)
    commune_ids: frozenset[int]  # communes wholly inside the area

    @property
    def can_edit(self) -> bool:
        """Officers read; trainers, team leads and admins change their groups."""
        return self.role not in READ_ONLY_ROLES

    @property
    def is_admin(self) -> bool:
        return self.role == "admin"

    def sees_group(self, group_id: int) -> bool:
        return group_id in self.group_ids

    def require_group(self, group_id: int) -> None:
        if group_id not in self.group_ids:
            raise AccountError(OUTSIDE)

    def require_edit(self, group_id: int) -> None:
        """May this account change this group (its learners, its classes)?"""
        self.require_group(group_id)
        if not self.can_edit:
            raise AccountError("Tài khoản này chỉ được xem, không được sửa.")


def _ids(session: Session, query) -> frozenset[int]:  # type: ignore[no-untyped-def]
    return frozenset(session.scalars(query))


def scope_in_session(session: Session, account_id: int) -> Scope | None:
    account = session.get(Trainer, account_id)
    if account is None:
        return None
    own = _ids(session, select(TrainerGroup.group_id).where(TrainerGroup.trainer_id == account_id))
    role = account.role if account.role in ROLES else "trainer"
    teams: frozenset[int] = frozenset()
    communes: frozenset[int] = frozenset()
    if role == "admin":
        communes = _ids(session, select(Commune.id))
        teams = _ids(session, select(Team.id))
        groups = _ids(session, select(LearnerGroup.id))
    elif role == "province_officer" and account.province_id is not None:
        communes = _ids(session, select(Commune.id).where(Commune.province_id == account.province_id))
        teams = _ids(session, select(Team.id).join(Commune).where(Commune.province_id == account.province_id))
        groups = _ids(session, select(LearnerGroup.id).where(LearnerGroup.team_id.in_(teams))) if teams else own
    elif role == "commune_officer" and account.commune_id is not None:
        communes = frozenset({account.commune_id})
        teams = _ids(session, select(Team.id).where(Team.commune_id == account.commune_id))
        groups = _ids(session, select(LearnerGroup.id).where(LearnerGroup.team_id.in_(teams))) if teams else own
    elif role == "team_lead" and account.team_id is not None:
        teams = frozenset({account.team_id})
        groups = own | _ids(session, select(LearnerGroup.id).where(LearnerGroup.team_id == account.team_id))
    else:
        groups = own
    if role in READ_ONLY_ROLES:
        groups = groups | own
    return Scope(account.id, role, groups, own, teams, communes)


def scope_of(db: Database, account_id: int) -> Scope | None:
    """The account's area, read in one short transaction (None: no such account)."""
    with db() as session:
        return scope_in_session(session, account_id)
