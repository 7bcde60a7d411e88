"""The demo group, learners and trainer: seeded once, never brought back."""

from progress.demo import DEMO_ADMIN, DEMO_GROUP, DEMO_LEARNERS, DEMO_TRAINER, seed_demo
from progress.groups import list_groups
from progress.learners import list_learners, verify_learner_code
from progress.trainers import create_trainer, verify_trainer


def test_demo_seed_is_idempotent_and_matches_the_readme(db):
    assert seed_demo(db) is True
    assert seed_demo(db) is False
    groups = list_groups(db)
    assert [g.name for g in groups] == [DEMO_GROUP]
    learners = {learner.display_name: learner for learner in list_learners(db, groups[0].id)}
    name, code = DEMO_LEARNERS[0]
    assert verify_learner_code(db, learners[name].id, code) is not None
    username, _, password = DEMO_TRAINER
    trainer = verify_trainer(db, username, password)
    assert trainer is not None and trainer.group_ids == (groups[0].id,)
    from progress.areas import group_places
    from progress.scope import scope_of

    assert group_places(db)[0].place == "Tổ công nghệ số mẫu · Xã mẫu · Quảng Ngãi"
    username, _, password = DEMO_ADMIN
    admin = verify_trainer(db, username, password)
    assert admin is not None and scope_of(db, admin.id).is_admin


def test_the_demo_is_not_brought_back_once_removed_nor_added_to_a_real_set_up(db):
    from progress.groups import delete_empty_group
    from progress.learners import delete_learner

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


def test_a_demo_account_on_its_published_password_is_recognised_by_its_hash(db):
    from progress.demo import demo_accounts_in_use, uses_demo_password
    from progress.trainers import change_trainer_password, reset_trainer_password

    assert seed_demo(db) is True
    assert demo_accounts_in_use(db) == [DEMO_ADMIN[0], DEMO_TRAINER[0]]
    trainer = verify_trainer(db, DEMO_TRAINER[0], DEMO_TRAINER[2])
    assert trainer is not None and uses_demo_password(db, trainer.id)
    # a real account that happens to use a published password is not a demo account
    other = create_trainer(db, "nam", "Đinh Văn Nam", DEMO_TRAINER[2], [])
    assert not uses_demo_password(db, other.id) and not uses_demo_password(db, 99999)

    change_trainer_password(db, trainer.id, DEMO_TRAINER[2], "mat-khau-rieng")
    assert not uses_demo_password(db, trainer.id)
    assert demo_accounts_in_use(db) == [DEMO_ADMIN[0]]
    reset_trainer_password(db, DEMO_ADMIN[0], "mat-khau-quan-tri")
    assert demo_accounts_in_use(db) == []
