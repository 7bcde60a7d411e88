"""Learners: codes, names, consent, avatars, corrections."""

import unicodedata

import pytest

from progress.account_error import AccountError
from progress.groups import create_group
from progress.learners import (
    create_learner,
    get_learner,
    list_learners,
    record_consent,
    update_learner,
    verify_learner_code,
)


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
    assert [learner.display_name for learner in list_learners(db, group.id)] == [
        "Bùi Thị Ánh", "Đinh Văn Lâm", "Hồ Văn Quý", "Phạm Thị Nga",
    ]


def test_consent_is_recorded_once(db):
    group = create_group(db, "Nhóm C")
    learner = create_learner(db, group.id, "Người học", "1234")
    assert not learner.consented
    record_consent(db, learner.id)
    assert get_learner(db, learner.id).consented


def test_avatar_must_come_from_the_list(db):
    from progress.learners import AVATARS, set_avatar

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


def test_a_trainer_corrects_a_name_and_gives_a_new_code_which_also_unlocks(db):
    from progress.learners import update_learner
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


LONG_NAME = "Nguyễn " * 1500  # 10,500 characters: PostgreSQL's own error would reach the page


def test_a_name_too_long_is_refused_in_plain_words(db):
    group = create_group(db, "Thôn Bờ He")
    with pytest.raises(AccountError, match="^Tên học viên dài quá 80 ký tự"):
        create_learner(db, group.id, LONG_NAME, "1111")
    learner = create_learner(db, group.id, "Đinh Thị Hoa", "1111")
    with pytest.raises(AccountError, match="^Tên học viên dài quá 80 ký tự"):
        update_learner(db, learner.id, display_name=LONG_NAME)
    assert create_learner(db, group.id, "A" * 80, "2222").display_name == "A" * 80
    assert [member.display_name for member in list_learners(db, group.id)] == ["A" * 80, "Đinh Thị Hoa"]
