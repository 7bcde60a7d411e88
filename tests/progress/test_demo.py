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
