import json

from progress.data_export import export_learner
from progress.groups import create_group
from progress.learners import create_learner, record_consent
from progress.tracking import record_attempt, save_step
from quizzes.answers import GradedAnswer


def test_a_learner_gets_a_copy_of_everything_stored_about_them_and_no_one_else(db):
    group = create_group(db, "Thôn Bờ He")
    hoa = create_learner(db, group.id, "Đinh Thị Hoa", "1234", avatar="🌻")
    lam = create_learner(db, group.id, "Đinh Văn Lâm", "2345")
    record_consent(db, hoa.id)
    save_step(db, hoa.id, "bai-a", 2, 30)
    record_attempt(db, hoa.id, "bai-a", [GradedAnswer("q1", "a", False), GradedAnswer("q2", "b", True)], 50, False, 80)
    record_attempt(db, lam.id, "bai-a", [GradedAnswer("q1", "b", True)], 100, True, 80)

    copy = export_learner(db, hoa.id)
    json.dumps(copy, ensure_ascii=False)  # ready to download as JSON
    assert copy["learner"]["name"] == "Đinh Thị Hoa" and copy["learner"]["group"] == "Thôn Bờ He"
    assert copy["learner"]["picture"] == "🌻" and copy["learner"]["consent_given_at"]
    assert copy["lessons"][0]["lesson"] == "bai-a" and copy["lessons"][0]["current_step"] == 3
    (attempt,) = copy["quiz_attempts"]
    assert attempt["score_percent"] == 50
    assert attempt["answers"][0] == {"question": "q1", "answer": "a", "correct": False}
    assert copy["questions_to_review"][0]["question"] == "q1"
    assert "1234" not in json.dumps(copy) and "code" not in json.dumps(copy)
    assert export_learner(db, 99999) is None
