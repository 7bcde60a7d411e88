"""``updated_at`` moves when something that travels changes, and only then: a sign-in,
a wrong code or new cards are no change of the learner for another installation."""

from progress.code_guard import check_learner_code
from progress.groups import create_group
from progress.learners import create_learner, revoke_cards, set_avatar, update_learner
from progress.models import Learner
from progress.password_guard import check_trainer_password
from progress.sessions import end_sessions
from progress.trainers import create_trainer, rename_trainer


def _learner_time(db, learner_id):
    with db() as session:
        return session.get(Learner, learner_id).updated_at


def test_signing_in_and_wrong_codes_leave_a_learner_s_updated_at(db):
    group = create_group(db, "Thôn Bờ He")
    hoa = create_learner(db, group.id, "Hoa", "1234")
    before = _learner_time(db, hoa.id)
    assert check_learner_code(db, hoa.id, "9999").outcome == "wrong"
    assert check_learner_code(db, hoa.id, "1234").outcome == "ok"
    revoke_cards(db, hoa.id)
    end_sessions(db, "learner", hoa.id)
    assert _learner_time(db, hoa.id) == before


def test_a_change_that_travels_moves_updated_at(db):
    group = create_group(db, "Thôn Bờ He")
    hoa = create_learner(db, group.id, "Hoa", "1234")
    before = _learner_time(db, hoa.id)
    set_avatar(db, hoa.id, "🌻")
    after_avatar = _learner_time(db, hoa.id)
    update_learner(db, hoa.id, "Đinh Thị Hoa")
    assert before < after_avatar < _learner_time(db, hoa.id)


def test_a_staff_sign_in_leaves_the_account_s_updated_at_and_a_rename_moves_it(db):
    from progress.models import Trainer

    lan = create_trainer(db, "lan.tv", "Chị Lan", "mat-khau-dai-du-123", [])

    def stamp():
        with db() as session:
            return session.get(Trainer, lan.id).updated_at

    before = stamp()
    assert check_trainer_password(db, "lan.tv", "sai-mat-khau", max_failures=5, lock_minutes=15).outcome == "wrong"
    assert check_trainer_password(db, "lan.tv", "mat-khau-dai-du-123", max_failures=5, lock_minutes=15).outcome == "ok"
    assert stamp() == before
    rename_trainer(db, lan.id, "Chị Lan (tổ 1)")
    assert stamp() > before
