"""Session versions: what ends a learner's or a trainer's sessions everywhere."""

import pytest

from progress.account_error import AccountError
from progress.groups import create_group
from progress.learners import create_learner, delete_learner, revoke_cards, update_learner
from progress.sessions import end_sessions, session_is_current, session_version
from progress.trainers import change_trainer_password, create_trainer, reset_trainer_password


@pytest.fixture
def hoa(db):
    group = create_group(db, "Thôn Bờ He")
    return create_learner(db, group.id, "Hoa", "1234")


@pytest.fixture
def trainer(db):
    return create_trainer(db, "lan.nguyen", "Nguyễn Lan", "matkhau-cu", [])


def test_a_new_account_signs_in_with_its_current_version(db, hoa, trainer):
    assert session_is_current(db, "learner", hoa.id, 1)
    assert session_is_current(db, "trainer", trainer.id, 1)
    assert not session_is_current(db, "learner", hoa.id, 2)
    assert not session_is_current(db, "admin", trainer.id, 1)


def test_signing_out_ends_only_that_accounts_sessions(db, hoa, trainer):
    end_sessions(db, "learner", hoa.id)
    assert not session_is_current(db, "learner", hoa.id, 1)
    assert session_is_current(db, "learner", hoa.id, 2)
    assert session_is_current(db, "trainer", trainer.id, 1)
    end_sessions(db, "trainer", trainer.id)
    assert session_version(db, "trainer", trainer.id) == 2


def test_revoking_cards_ends_the_learners_sessions(db, hoa):
    revoke_cards(db, hoa.id)
    assert not session_is_current(db, "learner", hoa.id, 1)


def test_a_new_code_ends_the_learners_sessions_a_new_name_does_not(db, hoa):
    update_learner(db, hoa.id, display_name="Đinh Thị Hoa")
    assert session_is_current(db, "learner", hoa.id, 1)
    update_learner(db, hoa.id, code="4321")
    assert not session_is_current(db, "learner", hoa.id, 1)


def test_a_deleted_learner_has_no_session(db, hoa):
    delete_learner(db, hoa.id)
    assert session_version(db, "learner", hoa.id) is None
    assert not session_is_current(db, "learner", hoa.id, 1)


def test_a_new_password_ends_the_trainers_sessions(db, trainer):
    with pytest.raises(AccountError):
        change_trainer_password(db, trainer.id, "sai-roi-nhe", "matkhau-moi")
    assert session_is_current(db, "trainer", trainer.id, 1)  # a refused change ends nothing
    change_trainer_password(db, trainer.id, "matkhau-cu", "matkhau-moi")
    assert not session_is_current(db, "trainer", trainer.id, 1)
    reset_trainer_password(db, "lan.nguyen", "matkhau-khac")
    assert not session_is_current(db, "trainer", trainer.id, 2)
    assert session_is_current(db, "trainer", trainer.id, 3)
