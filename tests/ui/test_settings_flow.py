"""The learner's settings change what every page shows, and are kept in the database."""

from progress.learners import get_learner
from tests.ui.flows import learner_signs_in, step_players, texts


def open_settings(at):  # type: ignore[no-untyped-def]
    at.button(key="open_settings").click().run()
    assert "⚙️ Cài đặt" in texts(at)
    return at


def css(at) -> str:  # type: ignore[no-untyped-def]
    return "\n".join(str(element.proto) for element in at.get("html"))


def test_larger_text_is_applied_and_remembered(new_app, app_env):
    at = open_settings(learner_signs_in(new_app(), app_env))
    assert "font-size: 28px" not in css(at)
    at.radio(key="setting_text_size").set_value("very-large").run()
    learner_id = at.session_state["signin"].account_id
    assert get_learner(app_env, learner_id).text_size == "very-large"
    assert "font-size: 28px" in css(at)
    again = learner_signs_in(new_app(), app_env)  # another day, another session
    assert "font-size: 28px" in css(again)


def test_autoplay_reads_each_step_unless_saving_data(new_app, app_env):
    at = open_settings(learner_signs_in(new_app(), app_env))
    at.toggle(key="setting_autoplay").set_value(True).run()
    at.button(key="settings_home").click().run()
    at.button(key="lesson_bai-mau").click().run()
    assert step_players(at)[0]["autoplay"] is True
    at.button(key="home").click().run()
    open_settings(at)
    at.toggle(key="setting_save_data").set_value(True).run()
    at.button(key="settings_home").click().run()
    at.button(key="lesson_bai-mau").click().run()
    assert step_players(at)[0]["autoplay"] is False


def test_saving_data_shows_pictures_only_when_tapped(new_app, app_env):
    at = open_settings(learner_signs_in(new_app(), app_env))
    at.toggle(key="setting_save_data").set_value(True).run()
    at.button(key="settings_home").click().run()
    at.button(key="lesson_bai-mau").click().run()
    assert "lesson-picture" not in texts(at)
    at.button(key="show_picture_images/an-toan/dien-thoai.svg_button").click().run()
    assert "lesson-picture" in texts(at)


def test_narration_language_is_kept(new_app, app_env):
    at = open_settings(learner_signs_in(new_app(), app_env))
    at.selectbox(key="setting_narration_language").set_value("sed").run()
    assert get_learner(app_env, at.session_state["signin"].account_id).narration_language == "sed"
