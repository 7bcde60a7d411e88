"""Trainers: passwords and the groups they look after."""

import pytest

from progress.account_error import AccountError
from progress.groups import create_group
from progress.trainers import (
    add_trainer_to_group,
    change_trainer_password,
    create_trainer,
    get_trainer,
    rename_trainer,
    reset_trainer_password,
    verify_trainer,
)


def test_trainer_password_and_groups(db):
    group = create_group(db, "Nhóm D")
    trainer = create_trainer(db, "Can.Bo", "Cán bộ Đoàn", "mat-khau-dai", [group.id])
    assert trainer.username == "can.bo"
    assert verify_trainer(db, "CAN.BO", "mat-khau-dai").group_ids == (group.id,)
    assert verify_trainer(db, "can.bo", "sai-mat-khau") is None
    assert verify_trainer(db, "khong-co", "mat-khau-dai") is None
    with pytest.raises(AccountError, match="ít nhất 8"):
        create_trainer(db, "nguoi-khac", "X", "ngan", [])
    with pytest.raises(AccountError, match="đã có người dùng"):
        create_trainer(db, "can.bo", "X", "mat-khau-dai", [])


def test_a_trainer_changes_their_password_only_with_the_current_one(db):
    trainer = create_trainer(db, "tapsu", "Tập sự", "mat-khau-cu", [])
    with pytest.raises(AccountError, match="hiện tại chưa đúng"):
        change_trainer_password(db, trainer.id, "doan-sai-roi", "mat-khau-moi")
    with pytest.raises(AccountError, match="ít nhất 8"):
        change_trainer_password(db, trainer.id, "mat-khau-cu", "ngan")
    assert verify_trainer(db, "tapsu", "mat-khau-cu") is not None  # nothing changed by the refusals
    change_trainer_password(db, trainer.id, "mat-khau-cu", "mat-khau-moi")
    assert verify_trainer(db, "tapsu", "mat-khau-cu") is None
    assert verify_trainer(db, "tapsu", "mat-khau-moi") is not None


def test_a_forgotten_password_is_reset_from_the_command_line(db):
    create_trainer(db, "tapsu", "Tập sự", "quen-mat-roi", [])
    with pytest.raises(AccountError, match="Không có tập huấn viên"):
        reset_trainer_password(db, "ai-do", "mat-khau-moi")
    reset_trainer_password(db, "TapSu", "mat-khau-moi")
    assert verify_trainer(db, "tapsu", "mat-khau-moi") is not None


def test_a_trainer_takes_on_another_group_once(db):
    first, second = create_group(db, "Thôn Một"), create_group(db, "Thôn Hai")
    trainer = create_trainer(db, "tapsu", "Tập sự", "mat-khau-du-dai", [first.id])
    add_trainer_to_group(db, trainer.id, second.id)
    add_trainer_to_group(db, trainer.id, second.id)
    assert get_trainer(db, trainer.id).group_ids == tuple(sorted((first.id, second.id)))


def test_a_trainer_name_too_long_is_refused_in_plain_words(db):
    with pytest.raises(AccountError, match="^Tên hiển thị dài quá 120 ký tự"):
        create_trainer(db, "hoa.dinh", "Đinh " * 2000, "mat-khau-dai", [])
    trainer = create_trainer(db, "hoa.dinh", "Đinh Thị Hoa", "mat-khau-dai", [])
    with pytest.raises(AccountError, match="^Tên dài quá 120 ký tự"):
        rename_trainer(db, trainer.id, "Đinh " * 2000)
    assert get_trainer(db, trainer.id).display_name == "Đinh Thị Hoa"
