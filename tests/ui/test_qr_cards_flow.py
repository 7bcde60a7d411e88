from progress.accounts import card_version, list_groups, list_learners
from tests.ui.flows import button_by_label, texts
from tests.ui.test_trainer_flow import trainer_signs_in


def test_trainer_prints_cards_and_revokes_one(new_app, app_env):
    at = trainer_signs_in(new_app())
    at.switch_page("ui/trainer/qr_cards.py").run()
    page = texts(at)
    group = list_groups(app_env)[0]
    learners = list_learners(app_env, group.id)
    assert page.count("class='qr-card'") == len(learners) and "<svg" in page
    hoa = next(l for l in learners if l.display_name == "Đinh Thị Hoa")
    button_by_label(at, "Thu hồi thẻ của Đinh Thị Hoa").click().run()
    assert card_version(app_env, hoa.id) == 2
    assert "In thẻ số 2" in texts(at) and "Thẻ số 2" in texts(at)
