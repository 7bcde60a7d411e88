"""A group with the trainers who look after it: what a certificate names."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from progress.models import LearnerGroup, Trainer, TrainerGroup
from progress.names import name_sort_key


@dataclass(frozen=True)
class GroupTeam:
    group_id: int
    group_name: str
    trainer_names: tuple[str, ...]


def group_team(db: sessionmaker[Session], group_id: int) -> GroupTeam | None:
    """The group's name and its trainers' display names (sorted by letters), or None."""
    with db() as session:
        group = session.get(LearnerGroup, group_id)
        if group is None:
            return None
        names = session.scalars(
            select(Trainer.display_name).join(TrainerGroup, TrainerGroup.trainer_id == Trainer.id)
            .where(TrainerGroup.group_id == group_id)
        ).all()
        return GroupTeam(group.id, group.name, tuple(sorted(names, key=name_sort_key)))
