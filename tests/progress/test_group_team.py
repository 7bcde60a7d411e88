from progress.group_team import group_team
from progress.groups import create_group
from progress.trainers import create_trainer


def test_group_team_names_the_group_and_only_its_trainers(db):
    group = create_group(db, "Thôn Bờ He")
    other = create_group(db, "Thôn Làng Mạ")
    create_trainer(db, "lan", "Hồ Thị Lan", "hocvuso2025", [group.id])
    create_trainer(db, "anh", "Đinh Văn Ánh", "hocvuso2025", [group.id, other.id])
    create_trainer(db, "pham.ma", "Phạm Văn Mạ", "hocvuso2025", [other.id])
    team = group_team(db, group.id)
    assert (team.group_id, team.group_name) == (group.id, "Thôn Bờ He")
    assert team.trainer_names == ("Đinh Văn Ánh", "Hồ Thị Lan")  # Đ sorts with D


def test_group_without_trainers_and_missing_group(db):
    group = create_group(db, "Nhóm mới")
    assert group_team(db, group.id).trainer_names == ()
    assert group_team(db, 99999) is None
