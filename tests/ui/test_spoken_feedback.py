"""A learner who cannot read hears the verdict, the right answer and the result: one
"Nghe" says it, by itself when the learner's settings allow it."""

from __future__ import annotations

import pytest

from progress.groups import list_groups
from progress.learners import list_learners, update_learner_settings
from quizzes.speech import spoken_result
from tests.ui.flows import answer_bai_mau, learner_signs_in, players, walk_to_quiz

WRONG = "Chưa đúng. Đáp án đúng là: Không đưa, gác máy. Không ai được hỏi mã OTP. Giữ mã cho riêng mình."


def _settings(db, **values) -> None:  # type: ignore[no-untyped-def]
    hoa = next(m for m in list_learners(db, list_groups(db)[0].id) if m.display_name == "Đinh Thị Hoa")
    update_learner_settings(db, hoa.id, **values)


def _player(at, text: str) -> dict:  # type: ignore[no-untyped-def,type-arg]
    found = [p for p in players(at) if p["text"] == text]
    assert found, f"no Nghe for {text!r}; have {[p['text'][:50] for p in players(at)]}"
    return found[0]


def test_a_wrong_answer_has_a_nghe_with_the_verdict_and_the_right_answer(new_app, app_env):
    at = learner_signs_in(new_app(), app_env)
    walk_to_quiz(at)
    # the options in the order this learner's screen shows them, numbered as the voice reads them
    shown = [b.label.split(". ", 1)[1] for b in at.button if b.key and b.key.startswith("opt_q-mot_")]
    assert sorted(shown) == ["Không đưa, gác máy", "Đọc mã cho họ"]
    said = " ".join(f"Ý {word}: {text}." for word, text in zip(("một", "hai"), shown, strict=True))
    assert _player(at, f"Câu một trên năm. Có người hỏi mã OTP. Bác làm gì? {said}")["label"] == "Nghe câu hỏi"
    at.button(key="opt_q-mot_a").click().run()
    player = _player(at, WRONG)
    assert player["label"] == "Nghe" and player["autoplay"] is False  # autoplay is off by default
    # the explanations are in that one clip: no second player reads them again
    assert not [p for p in players(at) if p["text"] == "Không ai được hỏi mã OTP."]


@pytest.mark.parametrize(("autoplay", "save_data", "plays"), [(True, False, True), (True, True, False),
                                                            (False, False, False)])
def test_the_verdict_plays_by_itself_only_with_autoplay_on_and_data_saving_off(
        new_app, app_env, autoplay, save_data, plays):
    _settings(app_env, autoplay=autoplay, save_data=save_data)
    at = learner_signs_in(new_app(), app_env)
    walk_to_quiz(at)
    at.button(key="opt_q-mot_b").click().run()
    assert _player(at, "Đúng rồi. Giữ mã cho riêng mình.")["autoplay"] is plays


def test_a_wrong_tick_in_multiple_choice_keeps_its_own_nghe(new_app, app_env):
    at = learner_signs_in(new_app(), app_env)
    walk_to_quiz(at)
    answer_bai_mau(at, stop_before="q-ba")
    at.checkbox(key="chk_q-ba_a").check()
    at.checkbox(key="chk_q-ba_c").check()
    at.button(key="submit_q-ba").click().run()
    _player(at, "Chưa đúng. Đáp án đúng là: Đòi chuyển tiền gấp. Gửi đường link lạ. "
                "Giục chuyển tiền gấp là dấu hiệu lừa. Đường link lạ có thể là bẫy.")
    assert _player(at, "Lịch sự không phải là dấu hiệu lừa.")["label"] == "Nghe giải thích"


@pytest.mark.parametrize(("autoplay", "first_option", "passed"), [(True, "b", True), (False, "a", True)])
def test_the_result_screen_says_the_score_and_what_to_do_next(new_app, app_env, autoplay, first_option, passed):
    _settings(app_env, autoplay=autoplay)
    at = learner_signs_in(new_app(), app_env)
    walk_to_quiz(at)
    answer_bai_mau(at, q_mot=first_option)
    correct = 5 if first_option == "b" else 4
    player = _player(at, spoken_result(correct, 5, passed))
    assert player["autoplay"] is autoplay
    assert ("bốn" if correct == 4 else "năm") + " trên năm câu" in player["text"]


def test_the_result_of_a_failed_quiz_says_to_look_at_the_lesson_again(new_app, app_env):
    at = learner_signs_in(new_app(), app_env)
    walk_to_quiz(at)
    answer_bai_mau(at, q_mot="a", q_hai=True, q_ba=("c",), q_bon="gia", q_nam=("nhap", "mo", "bam"))
    said = _player(at, spoken_result(0, 5, False))["text"]
    assert said.startswith("Bác trả lời đúng không trên năm câu. Bác chưa đạt.")
