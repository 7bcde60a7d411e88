import unicodedata

import pytest

from progress.accounts import (
    AccountError,
    add_trainer_to_group,
    change_trainer_password,
    create_group,
    create_learner,
    create_trainer,
    get_learner,
    get_trainer,
    list_groups,
    list_learners,
    record_consent,
    reset_trainer_password,
    verify_learner_code,
    verify_trainer,
)
from progress.demo import DEMO_GROUP, DEMO_LEARNERS, DEMO_TRAINER, seed_demo


def test_learner_code_is_hashed_and_checked(db):
    group = create_group(db, "Thôn Làng Mạ")
    learner = create_learner(db, group.id, "Đinh Văn A", "0420")
    assert verify_learner_code(db, learner.id, "0420") == learner
    assert verify_learner_code(db, learner.id, "0421") is None
    assert verify_learner_code(db, learner.id, "") is None
    assert verify_learner_code(db, 99999, "0420") is None


def test_names_are_stored_nfc_and_compare_across_keyboards(db):
    group = create_group(db, "Thôn Bờ He")
    nfd_name = unicodedata.normalize("NFD", "Đinh  Thị Hoa ")
    learner = create_learner(db, group.id, nfd_name, "1111")
    assert learner.display_name == "Đinh Thị Hoa"
    assert unicodedata.is_normalized("NFC", learner.display_name)
    with pytest.raises(AccountError, match="đã có người tên"):
        create_learner(db, group.id, "Đinh Thị Hoa", "2222")


@pytest.mark.parametrize("code", ["123", "12345", "abcd", "12 4", ""])
def test_code_must_be_four_digits(db, code):
    group = create_group(db, "Nhóm A")
    with pytest.raises(AccountError, match="4 chữ số"):
        create_learner(db, group.id, "Người học", code)
    assert list_learners(db, group.id) == []


def test_learners_are_listed_in_vietnamese_letter_order(db):
    group = create_group(db, "Nhóm B")
    for name in ["Phạm Thị Nga", "Đinh Văn Lâm", "Hồ Văn Quý", "Bùi Thị Ánh"]:
        create_learner(db, group.id, name, "1234")
    assert [l.display_name for l in list_learners(db, group.id)] == [
        "Bùi Thị Ánh", "Đinh Văn Lâm", "Hồ Văn Quý", "Phạm Thị Nga",
    ]


def test_consent_is_recorded_once(db):
    group = create_group(db, "Nhóm C")
    learner = create_learner(db, group.id, "Người học", "1234")
    assert not learner.consented
    record_consent(db, learner.id)
    assert get_learner(db, learner.id).consented


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


def test_demo_seed_is_idempotent_and_matches_the_readme(db):
    assert seed_demo(db) is True
    assert seed_demo(db) is False
    groups = list_groups(db)
    assert [g.name for g in groups] == [DEMO_GROUP]
    learners = {l.display_name: l for l in list_learners(db, groups[0].id)}
    name, code = DEMO_LEARNERS[0]
    assert verify_learner_code(db, learners[name].id, code) is not None
    username, _, password = DEMO_TRAINER
    assert verify_trainer(db, username, password) is not None


def test_avatar_must_come_from_the_list(db):
    from progress.accounts import AVATARS, get_learner, set_avatar

    group = create_group(db, "Nhóm E")
    learner = create_learner(db, group.id, "Người học", "1234", avatar=AVATARS[0])
    assert get_learner(db, learner.id).avatar == AVATARS[0]
    set_avatar(db, learner.id, AVATARS[3])
    assert get_learner(db, learner.id).avatar == AVATARS[3]
    with pytest.raises(AccountError, match="Hình đại diện"):
        set_avatar(db, learner.id, "💣")
    with pytest.raises(AccountError, match="Hình đại diện"):
        create_learner(db, group.id, "Người khác", "1234", avatar="💣")
    assert get_learner(db, learner.id).avatar == AVATARS[3]


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


def test_learners_are_offered_only_groups_they_can_sign_in_to(db):
    empty, used = create_group(db, "Nhóm mới lập"), create_group(db, "Thôn Bờ He")
    create_learner(db, used.id, "Đinh Thị Hoa", "1234")
    assert [g.name for g in list_groups(db, with_learners_only=True)] == ["Thôn Bờ He"]
    assert {g.name for g in list_groups(db)} == {"Nhóm mới lập", "Thôn Bờ He"}  # the trainer sees both


def test_only_an_empty_group_is_removed_with_its_trainer_links(db):
    from progress.accounts import delete_empty_group

    empty, used = create_group(db, "Lập nhầm"), create_group(db, "Thôn Bờ He")
    create_learner(db, used.id, "Đinh Thị Hoa", "1234")
    trainer = create_trainer(db, "tapsu", "Tập sự", "mat-khau-du-dai", [empty.id, used.id])
    with pytest.raises(AccountError, match="còn học viên"):
        delete_empty_group(db, used.id)
    delete_empty_group(db, empty.id)
    assert [g.name for g in list_groups(db)] == ["Thôn Bờ He"]
    assert get_trainer(db, trainer.id).group_ids == (used.id,)


def test_the_demo_is_not_brought_back_once_removed_nor_added_to_a_real_set_up(db):
    from progress.accounts import delete_empty_group, delete_learner

    assert seed_demo(db) is True
    demo = list_groups(db)[0]
    for learner in list_learners(db, demo.id):
        delete_learner(db, learner.id)
    delete_empty_group(db, demo.id)
    assert seed_demo(db) is False  # the next `dev.py run` starts cleanly, without the demo
    assert list_groups(db) == []


def test_a_database_set_up_for_real_first_gets_no_demo(db):
    create_trainer(db, "nam", "Đinh Văn Nam", "mat-khau-du-dai", [])
    assert seed_demo(db) is False and list_groups(db) == []


def test_a_trainer_corrects_a_name_and_gives_a_new_code_which_also_unlocks(db):
    from progress.accounts import update_learner
    from progress.models import Learner

    group = create_group(db, "Thôn Bờ He")
    hoa = create_learner(db, group.id, "Đinh Thi Hoa", "1234")
    create_learner(db, group.id, "Đinh Văn Lâm", "2345")
    with db.begin() as session:
        session.get(Learner, hoa.id).failed_code_attempts = 6
    with pytest.raises(AccountError, match="đã có người tên"):
        update_learner(db, hoa.id, display_name="Đinh Văn Lâm")
    with pytest.raises(AccountError, match="đúng 4 chữ số"):
        update_learner(db, hoa.id, code="12a4")
    with pytest.raises(AccountError, match="tên mới hoặc mã mới"):
        update_learner(db, hoa.id)
    assert update_learner(db, hoa.id, display_name="Đinh Thị Hoa").display_name == "Đinh Thị Hoa"
    assert verify_learner_code(db, hoa.id, "1234") is not None  # the code is kept
    update_learner(db, hoa.id, code="9876")
    assert verify_learner_code(db, hoa.id, "1234") is None and verify_learner_code(db, hoa.id, "9876") is not None
    with db() as session:
        assert session.get(Learner, hoa.id).failed_code_attempts == 0
