"""Demo data for a first run: one group, a few learners, one trainer, and an admin; the
group sits in a demo team of a demo commune of Quảng Ngãi province.

The credentials are printed in the README and the trainer guide; change them before real use.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from progress.areas import create_commune, create_province, create_team, place_group
from progress.groups import create_group
from progress.learners import create_learner
from progress.models import LearnerGroup, Trainer
from progress.trainers import create_trainer

DEMO_GROUP = "Thôn Bờ He"
DEMO_LEARNERS = (("Đinh Thị Hoa", "1234"), ("Đinh Văn Lâm", "2345"), ("Phạm Thị Nga", "3456"), ("Hồ Văn Quý", "4567"))
DEMO_AVATARS = ("🌻", "🐃", "🌺", "🌽")
DEMO_TRAINER = ("tapsu", "Tập huấn viên Thôn Bờ He", "hocvuso2025")
DEMO_ADMIN = ("quantri", "Quản trị mẫu", "quantri2025")
# the province is real (Quảng Ngãi since 1 July 2025); the commune and team are clearly made up
DEMO_PROVINCE, DEMO_COMMUNE, DEMO_TEAM = "Quảng Ngãi", "Xã mẫu", "Tổ công nghệ số mẫu"


def seed_demo(db: sessionmaker[Session]) -> bool:
    """Create the demo area, group, learners, trainer and admin on a database that has no trainer
    yet (a first run). Returns False, changing nothing, on any other: the demo stays
    gone once a trainer has removed it, and a real set-up gets no demo."""
    with db() as session:
        if session.scalar(select(Trainer.id).limit(1)) is not None:
            return False
        if session.scalar(select(LearnerGroup).where(LearnerGroup.name == DEMO_GROUP)):
            return False
    group = create_group(db, DEMO_GROUP)
    for (name, code), avatar in zip(DEMO_LEARNERS, DEMO_AVATARS, strict=True):
        create_learner(db, group.id, name, code, avatar=avatar)
    province = create_province(db, DEMO_PROVINCE)
    team = create_team(db, create_commune(db, province.id, DEMO_COMMUNE).id, DEMO_TEAM)
    place_group(db, group.id, team.id)
    username, display_name, password = DEMO_TRAINER
    create_trainer(db, username, display_name, password, [group.id])
    username, display_name, password = DEMO_ADMIN
    create_trainer(db, username, display_name, password, [], role="admin")
    return True
