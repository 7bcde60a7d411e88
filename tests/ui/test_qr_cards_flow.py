from progress.groups import list_groups
from progress.learners import card_version, list_learners
from tests.ui.flows import button_by_label, texts
from tests.ui.test_trainer_flow import trainer_signs_in


def test_trainer_prints_cards_and_revokes_one(new_app, app_env):
    at = trainer_signs_in(new_app())
    at.switch_page("ui/trainer/qr_cards.py").run()
    page = texts(at)
    group = list_groups(app_env)[0]
    learners = list_learners(app_env, group.id)
    assert page.count("class='qr-card'") == len(learners) and "<svg" in page
    hoa = next(member for member in learners if member.display_name == "Đinh Thị Hoa")
    button_by_label(at, "Thu hồi thẻ của Đinh Thị Hoa").click().run()
    assert card_version(app_env, hoa.id) == 2
    assert "In thẻ số 2" in texts(at) and "Thẻ số 2" in texts(at)


def test_the_class_gets_one_qr_code_with_the_laptops_wifi_address(new_app, app_env, monkeypatch):
    import access.lan_addresses as lan

    monkeypatch.setattr(lan, "_candidates", lambda: ["127.0.0.1", "192.168.137.1"])
    at = trainer_signs_in(new_app())
    at.switch_page("ui/trainer/qr_cards.py").run()
    page = texts(at)  # AppTest gives the page no address: the laptop's Wi-Fi address is used
    assert "gõ http://192.168.137.1:8501" in page
    learners = list_learners(app_env, list_groups(app_env)[0].id)
    assert "class='qr-join'" in page and page.count("<svg") == len(learners) + 1


def test_without_any_network_the_trainer_is_told_to_turn_on_wifi(new_app, app_env, monkeypatch):
    import access.lan_addresses as lan

    monkeypatch.setattr(lan, "_candidates", lambda: ["127.0.0.1"])
    at = trainer_signs_in(new_app())
    at.switch_page("ui/trainer/qr_cards.py").run()
    assert "bật Wi-Fi hoặc điểm phát sóng" in texts(at)
