"""A second installation for the sync page flows: a village laptop (or a commune server)
in its own SQLite file, registered with the app's database the way an admin does it
(register on the server, join with the registration file on the laptop)."""

from __future__ import annotations

from pathlib import Path

from progress.areas import create_commune, create_province, find_commune
from progress.database import Database, connect, upgrade_to_head
from progress.demo import DEMO_COMMUNE
from progress.groups import create_group
from progress.learners import create_learner
from progress.sync.identity import rename_site, this_site
from progress.sync.partners import join_server, register_laptop
from tests.ui.flows import texts

LAPTOP = "Laptop thôn Làng Rê"
SERVER = "Máy chủ Xã mẫu"
LAPTOP_LEARNERS = (("Y Blao", "0420"), ("A Lăng Thị Hiền", "5821"))


def other_database(folder: Path, name: str) -> Database:
    url = f"sqlite:///{folder / name}"
    upgrade_to_head(url)
    return connect(url)


def laptop_with_learners(server: Database, folder: Path) -> Database:
    """A laptop registered with ``server`` (on the demo commune) holding the group "Làng
    Rê" with two learners."""
    laptop = other_database(folder, "laptop.db")
    rename_site(laptop, LAPTOP)
    join_server(laptop, register_laptop(server, this_site(laptop).uid, LAPTOP, find_commune(server, DEMO_COMMUNE).id,
                                        []))
    group = create_group(laptop, "Làng Rê")
    for name, code in LAPTOP_LEARNERS:
        create_learner(laptop, group.id, name, code)
    return laptop


def server_for(laptop: Database, folder: Path) -> Database:
    """A commune server (its own database, the demo commune) with ``laptop`` registered
    and joined."""
    server = other_database(folder, "server.db")
    rename_site(server, SERVER)
    commune = create_commune(server, create_province(server, "Quảng Ngãi").id, DEMO_COMMUNE)
    join_server(laptop, register_laptop(server, this_site(laptop).uid, "Laptop thôn Bờ He", commune.id, []))
    return server


def no_raw_error(at) -> None:  # type: ignore[no-untyped-def]
    assert not at.exception, at.exception
    assert "Traceback" not in texts(at)
