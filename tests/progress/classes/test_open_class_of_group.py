"""The learner's home screen finds the group's class in progress."""

import datetime as dt

from progress.classes.running import end_class, open_class_of_group, start_class
from progress.groups import create_group
from progress.trainers import create_trainer


def test_the_groups_newest_open_class_is_found(db, learners):  # type: ignore[no-untyped-def]
    group_id = learners[0].group_id
    other = create_group(db, "Thôn Gò")
    trainer = create_trainer(db, "hoa.tv", "Chị Hoa", "mat-khau-dai-1", [group_id, other.id])
    assert open_class_of_group(db, group_id) is None
    first = start_class(db, trainer.id, group_id, ["bai-1"])
    second = start_class(db, trainer.id, group_id, ["bai-2"])
    start_class(db, trainer.id, other.id, ["bai-1"])
    assert open_class_of_group(db, group_id).class_id == second.class_id
    end_class(db, second.class_id)
    assert open_class_of_group(db, group_id).class_id == first.class_id
    end_class(db, first.class_id)
    assert open_class_of_group(db, group_id) is None


def test_a_class_left_idle_is_not_offered(db, learners):  # type: ignore[no-untyped-def]
    trainer = create_trainer(db, "hoa.tv", "Chị Hoa", "mat-khau-dai-1", [learners[0].group_id])
    start_class(db, trainer.id, learners[0].group_id, ["bai-1"])
    assert open_class_of_group(db, learners[0].group_id, idle_after=dt.timedelta(minutes=5)) is not None
    assert open_class_of_group(db, learners[0].group_id, idle_after=dt.timedelta(seconds=-1)) is None
