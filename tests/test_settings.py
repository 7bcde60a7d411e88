from pathlib import Path

import pytest

from settings import PROJECT_ROOT, SettingsError, load_settings


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "config.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_defaults_apply_when_the_file_is_empty(tmp_path):
    settings = load_settings(write(tmp_path, ""))
    assert settings.quiz.pass_mark_percent == 80
    assert settings.database_url == f"sqlite:///{PROJECT_ROOT / 'data' / 'hoc-vu-so.db'}"


def test_shipped_config_is_valid():
    settings = load_settings(PROJECT_ROOT / "config.yaml")
    assert settings.server.port == 8501


def test_environment_overrides_one_key_and_keeps_the_rest(tmp_path, monkeypatch):
    path = write(tmp_path, "quiz:\n  pass_mark_percent: 70\nserver:\n  port: 9000\n  host: 127.0.0.1\n")
    monkeypatch.setenv("BDHVS_SERVER__PORT", "9100")
    settings = load_settings(path)
    assert settings.server.port == 9100
    assert settings.server.host == "127.0.0.1"
    assert settings.quiz.pass_mark_percent == 70


def test_wrong_value_names_the_key_and_the_value(tmp_path):
    with pytest.raises(SettingsError) as error:
        load_settings(write(tmp_path, "quiz:\n  pass_mark_percent: 150\n"))
    message = str(error.value)
    assert "quiz.pass_mark_percent" in message and "150" in message and "less than or equal to 100" in message


def test_unknown_key_is_reported_not_ignored(tmp_path):
    with pytest.raises(SettingsError, match="quiz.pass_mark: unknown setting"):
        load_settings(write(tmp_path, "quiz:\n  pass_mark: 70\n"))


def test_broken_yaml_is_reported(tmp_path):
    with pytest.raises(SettingsError, match="not valid YAML"):
        load_settings(write(tmp_path, "quiz: [unclosed\n"))


def test_relative_sqlite_path_is_resolved_against_the_project(tmp_path):
    settings = load_settings(write(tmp_path, "database:\n  url: sqlite:///x/y.db\n"))
    assert settings.database_url == f"sqlite:///{PROJECT_ROOT / 'x' / 'y.db'}"


def test_review_days_and_support_threshold_are_settings(tmp_path):
    settings = load_settings(
        write(tmp_path, "quiz:\n  review_after_days: [2, 4, 8, 16]\n  support_after_failed_attempts: 2\n"))
    assert settings.quiz.review_after_days == (2, 4, 8, 16) and settings.quiz.support_after_failed_attempts == 2
    assert load_settings(write(tmp_path, "")).quiz.review_after_days == (1, 3, 7)


@pytest.mark.parametrize("days", ["[3, 1, 7]", "[1, 1, 3]", "[0, 2]", "[]"])
def test_review_days_must_rise(tmp_path, days):
    with pytest.raises(SettingsError, match="quiz.review_after_days"):
        load_settings(write(tmp_path, f"quiz:\n  review_after_days: {days}\n"))


def test_a_bad_environment_value_names_the_variable_not_the_file(tmp_path, monkeypatch):
    monkeypatch.setenv("BDHVS_QUIZ__PASS_MARK_PERCENT", "150")
    with pytest.raises(SettingsError) as error:
        load_settings(write(tmp_path, "quiz:\n  pass_mark_percent: 70\n"))
    message = str(error.value)
    assert "config.yaml" not in message.splitlines()[1]
    assert ("environment variable BDHVS_QUIZ__PASS_MARK_PERCENT (quiz.pass_mark_percent): "
            "Input should be less than or equal to 100, got '150'") in message
    assert message.startswith("invalid settings in the environment")


def test_an_unknown_key_in_a_variable_and_a_bad_file_value_are_told_apart(tmp_path, monkeypatch):
    monkeypatch.setenv("BDHVS_SERVER__PROT", "9000")
    with pytest.raises(SettingsError) as error:
        load_settings(write(tmp_path, "quiz:\n  pass_mark_percent: 0\n"))
    lines = str(error.value).splitlines()
    assert lines[0] == "config.yaml and the environment have invalid settings:"
    assert "  quiz.pass_mark_percent: Input should be greater than or equal to 1, got 0" in lines
    assert "  environment variable BDHVS_SERVER__PROT (server.prot): unknown setting" in " ".join(lines)


def test_a_list_that_is_not_json_in_a_variable_is_reported_with_how_to_write_it(tmp_path, monkeypatch):
    monkeypatch.setenv("BDHVS_QUIZ__REVIEW_AFTER_DAYS", "1,3,7")
    monkeypatch.setenv("BDHVS_QUIZ__PASS_MARK_PERCENT", "80")
    with pytest.raises(SettingsError) as error:
        load_settings(write(tmp_path, ""))
    message = str(error.value)
    assert message.startswith("environment variable BDHVS_QUIZ__REVIEW_AFTER_DAYS could not be read")
    assert "'[1, 3, 7]'" in message and "PASS_MARK_PERCENT" not in message


def test_trusted_proxies_are_addresses_or_networks(tmp_path):
    settings = load_settings(write(tmp_path, "server:\n  trusted_proxies: [127.0.0.1, 10.0.0.0/8]\n"))
    assert settings.server.trusted_proxies == ("127.0.0.1", "10.0.0.0/8")
    assert load_settings(write(tmp_path, "")).server.trusted_proxies == ()
    with pytest.raises(SettingsError, match="server.trusted_proxies.*'nginx' is not an address"):
        load_settings(write(tmp_path, "server:\n  trusted_proxies: [nginx]\n"))


def test_address_limits_have_defaults_and_refuse_zero(tmp_path):
    auth = load_settings(write(tmp_path, "")).auth
    assert (auth.address_max_failures, auth.address_window_minutes) == (20, 15)
    with pytest.raises(SettingsError, match="auth.address_max_failures: Input should be greater than or equal to 1"):
        load_settings(write(tmp_path, "auth:\n  address_max_failures: 0\n"))
    with pytest.raises(SettingsError, match="auth.address_window_minutes: Input should be less than or equal to 1440"):
        load_settings(write(tmp_path, "auth:\n  address_window_minutes: 5000\n"))


def test_database_pool_and_prepare_settings(monkeypatch):
    from settings import load_settings

    monkeypatch.setenv("BDHVS_DATABASE__PREPARE_THRESHOLD", "none")
    monkeypatch.setenv("BDHVS_DATABASE__POOL_SIZE", "8")
    database = load_settings(Path("/nonexistent.yaml")).database
    assert (database.prepare_threshold, database.pool_size, database.max_overflow) == (None, 8, 10)
    monkeypatch.setenv("BDHVS_DATABASE__POOL_SIZE", "0")
    with pytest.raises(SettingsError, match="database.pool_size"):
        load_settings(Path("/nonexistent.yaml"))
