"""A commune server and a village laptop registered with it, for the exchange, HTTP and
command tests: the server on the ``db`` fixture's database (SQLite, then PostgreSQL),
the laptop on its own SQLite file, as in a village."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from progress.areas import create_commune, create_province
from progress.database import Database
from progress.groups import create_group, list_groups
from progress.learners import create_learner
from progress.models import Base
from progress.sync.identity import rename_site, this_site
from progress.sync.partners import join_server, register_laptop
from progress.tracking import save_step

GROUP = "Thôn Bờ He"


@dataclass(frozen=True)
class Commune:
    server: Database
    laptop: Database
    laptop_uid: str
    commune_id: int
    group_id: int  # the group on the server, assigned to the laptop
    registration: bytes


def register(server: Database, laptop: Database, *, url: str | None = None) -> Commune:
    """A commune with one group on the server; the laptop registered for that group and joined."""
    rename_site(server, "Máy chủ xã mẫu")
    rename_site(laptop, "Laptop thôn Bờ He")
    province = create_province(server, "Quảng Ngãi")
    commune = create_commune(server, province.id, "Xã mẫu")
    group = create_group(server, GROUP)
    laptop_uid = this_site(laptop).uid
    registration = register_laptop(server, laptop_uid, "Laptop thôn Bờ He", commune.id, [group.id], url=url)
    join_server(laptop, registration)
    return Commune(server, laptop, laptop_uid, commune.id, group.id, registration)


def teach(laptop: Database, names: tuple[str, ...] = ("Đinh Thị Hoa", "Lò Văn Lâm")) -> None:
    """A class on the laptop: its group (the one the server assigned, once the laptop has
    taken it; else one of its own, made there), learners, and a lesson half done by each."""
    group = next((g for g in list_groups(laptop) if g.name == GROUP), None) or create_group(laptop, GROUP)
    for step, name in enumerate(names, start=2):
        learner = create_learner(laptop, group.id, name, "1234")
        save_step(laptop, learner.id, "vneid-01", step, 40)


def row_counts(db: Database) -> dict[str, int]:
    """Rows in every table but the sync history (a refusal is written there, nothing else)."""
    with db() as session:
        return {table.name: session.scalar(select(func.count()).select_from(table)) or 0
                for table in Base.metadata.sorted_tables if table.name != "sync_history"}


def learner_names(db: Database) -> list[str]:
    from progress.models import Learner

    with db() as session:
        return sorted(session.scalars(select(Learner.display_name)))
