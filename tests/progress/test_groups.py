"""Groups: which ones learners are offered, and removing an empty one."""

import pytest

from progress.account_error import AccountError
from progress.groups import create_group, list_groups
from progress.learners import create_learner
from progress.trainers import create_trainer, get_trainer


def test_learners_are_offered_only_groups_they_can_sign_in_to(db):
    create_group(db, "Nhóm mới lập")
    used = create_group(db, "Thôn Bờ He")
    create_learner(db, used.id, "Đinh Thị Hoa", "1234")
    assert [g.name for g in list_groups(db, with_learners_only=True)] == ["Thôn Bờ He"]
    assert {g.name for g in list_groups(db)} == {"Nhóm mới lập", "Thôn Bờ He"}  # the trainer sees both


def test_only_an_empty_group_is_removed_with_its_trainer_links(db):
    from progress.groups import delete_empty_group

    empty, used = create_group(db, "Lập nhầm"), create_group(db, "Thôn Bờ He")
    create_learner(db, used.id, "Đinh Thị Hoa", "1234")
    trainer = create_trainer(db, "tapsu", "Tập sự", "mat-khau-du-dai", [empty.id, used.id])
    with pytest.raises(AccountError, match="còn học viên"):
        delete_empty_group(db, used.id)
    delete_empty_group(db, empty.id)
    assert [g.name for g in list_groups(db)] == ["Thôn Bờ He"]
    assert get_trainer(db, trainer.id).group_ids == (used.id,)


def test_a_group_name_too_long_is_refused_in_plain_words(db):
    with pytest.raises(AccountError, match="^Tên nhóm dài quá 120 ký tự"):
        create_group(db, "Thôn " * 2000)
    assert list_groups(db) == []
    assert create_group(db, "T" * 120).name == "T" * 120
