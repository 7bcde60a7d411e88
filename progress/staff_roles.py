"""A staff account's role and its area: a team lead needs a team, a commune officer a
commune, a province officer a province; a trainer and an admin have none (a trainer's
area is the groups they look after). Who then sees what is progress/scope.py."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from progress.account_error import AccountError
from progress.database import Database
from progress.models import Commune, Province, Team, Trainer
from progress.names import name_sort_key, normalise_name
from progress.scope import ROLE_NAMES, ROLES


@dataclass(frozen=True)
class StaffArea:
    """The area ids an account may carry; only the one its role needs is kept."""

    team_id: int | None = None
    commune_id: int | None = None
    province_id: int | None = None


@dataclass(frozen=True)
class StaffInfo:
    id: int
    username: str
    display_name: str
    role: str
    area_name: str  # "" for a trainer or an admin

    @property
    def role_name(self) -> str:
        return ROLE_NAMES.get(self.role, self.role)


NEEDS = {"team_lead": "team", "commune_officer": "commune", "province_officer": "province"}


def checked_area(session: Session, role: str, area: StaffArea | None) -> StaffArea:
    """The area this role keeps, after checking the one it needs exists."""
    area = area or StaffArea()
    if role not in ROLES:
        raise AccountError(f"Không có vai trò “{role}”.")
    if role == "team_lead":
        if area.team_id is None or session.get(Team, area.team_id) is None:
            raise AccountError("Tổ trưởng cần chọn một tổ công nghệ số.")
        return StaffArea(team_id=area.team_id)
    if role == "commune_officer":
        if area.commune_id is None or session.get(Commune, area.commune_id) is None:
            raise AccountError("Cán bộ Đoàn xã cần chọn một xã / phường.")
        return StaffArea(commune_id=area.commune_id)
    if role == "province_officer":
        if area.province_id is None or session.get(Province, area.province_id) is None:
            raise AccountError("Cán bộ Tỉnh đoàn cần chọn một tỉnh.")
        return StaffArea(province_id=area.province_id)
    return StaffArea()


def apply_role(session: Session, account: Trainer, role: str, area: StaffArea | None) -> None:
    kept = checked_area(session, role, area)
    account.role = role
    account.team_id, account.commune_id, account.province_id = kept.team_id, kept.commune_id, kept.province_id


def set_role(db: Database, username: str, role: str, area: StaffArea | None = None) -> StaffInfo:
    """Give an account another role (and the area that role needs)."""
    clean = normalise_name(username).lower()
    with db.begin() as session:
        account = session.scalar(select(Trainer).where(Trainer.username == clean))
        if account is None:
            raise AccountError(f"Không có tài khoản “{clean}”.")
        apply_role(session, account, role, area)
        session.flush()
        return _staff_info(session, account)


def _area_name(session: Session, account: Trainer) -> str:
    if account.team_id is not None:
        team = session.get(Team, account.team_id)
        return team.name if team else ""
    if account.commune_id is not None:
        commune = session.get(Commune, account.commune_id)
        return commune.name if commune else ""
    if account.province_id is not None:
        province = session.get(Province, account.province_id)
        return province.name if province else ""
    return ""


def _staff_info(session: Session, account: Trainer) -> StaffInfo:
    role = account.role if account.role in ROLES else "trainer"
    return StaffInfo(account.id, account.username, account.display_name, role, _area_name(session, account))


def list_staff(db: Database) -> list[StaffInfo]:
    """Every staff account with its role and area, by display name."""
    with db() as session:
        staff = [_staff_info(session, account) for account in session.scalars(select(Trainer))]
    return sorted(staff, key=lambda info: name_sort_key(info.display_name))


def account_role(db: Database, account_id: int) -> str | None:
    """The account's role (one short read: which pages the menu offers), None if gone."""
    with db() as session:
        role = session.scalar(select(Trainer.role).where(Trainer.id == account_id))
    if role is None:
        return None
    return role if role in ROLES else "trainer"
