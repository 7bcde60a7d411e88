"""Demo data for a first run: one group, a few learners, one trainer, and an admin; the
group sits in a demo team of a demo commune of Quảng Ngãi province.

The credentials are printed in the README and the trainer guide, so anyone may know them.
A demo account still on its published password is recognised by checking its stored hash
against that password (``uses_demo_password``; nothing else is stored): the pages make it
set a new password first (setting ``auth.demo_must_change_password``), and a server that
phones on a network can reach warns about it on every staff page and in the terminal.
"""

from __future__ import annotations

from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from progress.areas import create_commune, create_province, create_team, place_group
from progress.groups import create_group
from progress.learners import create_learner
from progress.models import Learner, LearnerGroup, Trainer
from progress.trainers import PASSWORD_HASHER, create_trainer

DEMO_GROUP = "Thôn Bờ He"
DEMO_LEARNERS = (("Đinh Thị Hoa", "1234"), ("Đinh Văn Lâm", "2345"), ("Phạm Thị Nga", "3456"), ("Hồ Văn Quý", "4567"))
DEMO_AVATARS = ("🌻", "🐃", "🌺", "🌽")
DEMO_TRAINER = ("tapsu", "Tập huấn viên Thôn Bờ He", "hocvuso2025")
DEMO_ADMIN = ("quantri", "Quản trị mẫu", "quantri2025")
# the province is real (Quảng Ngãi since 1 July 2025); the commune and team are clearly made up
DEMO_PROVINCE, DEMO_COMMUNE, DEMO_TEAM = "Quảng Ngãi", "Xã mẫu", "Tổ công nghệ số mẫu"
# each demo username with the password the docs publish for it
DEMO_PASSWORDS = {DEMO_TRAINER[0]: DEMO_TRAINER[2], DEMO_ADMIN[0]: DEMO_ADMIN[2]}


def _has_demo_password(trainer: Trainer) -> bool:
    password = DEMO_PASSWORDS.get(trainer.username)
    if password is None:
        return False
    try:
        return PASSWORD_HASHER.verify(trainer.password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def uses_demo_password(db: sessionmaker[Session], trainer_id: int) -> bool:
    """This account is a demo account still signing in with its published password."""
    with db() as session:
        trainer = session.get(Trainer, trainer_id)
        return trainer is not None and _has_demo_password(trainer)


def demo_accounts_in_use(db: sessionmaker[Session]) -> list[str]:
    """The usernames of the demo accounts still on their published password."""
    with db() as session:
        demo = select(Trainer).where(Trainer.username.in_(DEMO_PASSWORDS)).order_by(Trainer.username)
        trainers = session.scalars(demo)
        return [trainer.username for trainer in trainers if _has_demo_password(trainer)]


def untouched_demo_group(session: Session) -> int | None:
    """The demo group's id while it is as seeded (demo learners only, at least one): practice
    data that must not reach the commune's numbers (progress/sync/collect.py). Once a
    trainer adds a real learner to it, it is a real group like any other."""
    group_id = session.scalar(select(LearnerGroup.id).where(LearnerGroup.name == DEMO_GROUP))
    if group_id is None:
        return None
    names = set(session.scalars(select(Learner.display_name).where(Learner.group_id == group_id)))
    return group_id if names and names <= {name for name, _ in DEMO_LEARNERS} else None


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
