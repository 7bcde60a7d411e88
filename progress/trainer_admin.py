"""Setting up trainers from the laptop's command line (manage.py add-trainer)."""

from __future__ import annotations

from sqlalchemy.orm import Session, sessionmaker

from progress.account_error import AccountError
from progress.groups import GroupInfo, create_group, list_groups
from progress.names import normalise_name
from progress.trainers import TrainerInfo, add_trainer_to_group, create_trainer


def add_trainer(
    db: sessionmaker[Session], username: str, display_name: str, password: str, group_names: list[str]
) -> tuple[TrainerInfo, list[GroupInfo]]:
    """A new trainer who looks after the named groups; a group that does not exist yet is
    created. Returns the trainer and the groups it created. Nothing is created when the
    account cannot be (a taken username, a short password)."""
    wanted = [normalise_name(name) for name in group_names]
    if any(not name for name in wanted):
        raise AccountError("Tên nhóm không được để trống.")
    trainer = create_trainer(db, username, display_name, password, [])
    existing = {group.name: group for group in list_groups(db)}
    created = []
    for name in dict.fromkeys(wanted):
        group = existing.get(name)
        if group is None:
            group = create_group(db, name)
            created.append(group)
        add_trainer_to_group(db, trainer.id, group.id)
    return trainer, created
