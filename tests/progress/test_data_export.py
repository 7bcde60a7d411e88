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


def test_the_copy_holds_the_classes_a_learner_joined_and_their_answers_there(db):
    from progress.classes.attendance import join_as_guest, join_as_learner
    from progress.classes.live import answer_live_question
    from progress.classes.running import move_to, start_class
    from progress.trainers import create_trainer

    group = create_group(db, "Thôn Bờ He")
    hoa = create_learner(db, group.id, "Đinh Thị Hoa", "1234")
    trainer = create_trainer(db, "mai.tv", "Chị Mai", "mat-khau-dai-1", [group.id])
    started = start_class(db, trainer.id, group.id, ["bai-a"], place="Nhà văn hóa thôn Gò")
    me = join_as_learner(db, started.class_id, hoa.id).participant
    guest = join_as_guest(db, started.class_id).participant
    live = move_to(db, started.class_id, 3, live_question=("bai-a", "q1")).live_question
    answer_live_question(db, started.class_id, live.id, me.id, GradedAnswer("q1", "a", False))
    answer_live_question(db, started.class_id, live.id, guest.id, GradedAnswer("q1", "b", True))

    copy = export_learner(db, hoa.id)
    json.dumps(copy, ensure_ascii=False)
    assert [c["place"] for c in copy["classes_joined"]] == ["Nhà văn hóa thôn Gò"]
    assert [(a["question"], a["answer"], a["correct"]) for a in copy["answers_in_class"]] == [("q1", "a", False)]
