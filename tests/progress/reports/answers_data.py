"""Small hand-made data for the re-teaching reports: quiz attempts with real answers to
the fixture quiz "bai-mau", and a class held with live answers, at chosen times."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from progress.database import Database
from progress.models import ClassAnswer, ClassParticipant, ClassQuestion, ClassSession
from progress.tracking import record_attempt
from quizzes.answers import Answer, GradedAnswer

# the fixture quiz's right answers (tests/fixtures/content/quizzes/an-toan/bai-mau.yaml)
RIGHT: dict[str, Answer] = {"q-mot": "b", "q-hai": False, "q-ba": frozenset({"a", "b"}), "q-bon": "that",
                            "q-nam": ("mo", "nhap", "bam")}


def answered(db: Database, learner_id: int, answers: dict[str, Answer], lesson_id: str = "bai-mau") -> None:
    """One finished attempt with these answers, each graded against RIGHT."""
    graded = [GradedAnswer(qid, answer, RIGHT.get(qid) == answer) for qid, answer in answers.items()]
    right = sum(g.correct for g in graded)
    score = round(100 * right / len(graded))
    record_attempt(db, learner_id, lesson_id, graded, score, score >= 80, 80)


def class_held(
    db: Database, group_id: int, started: dt.datetime, ended: dt.datetime | None = None,
    answers: Sequence[tuple[int | None, str, str, bool]] = (),
) -> int:
    """A class of the group with live answers (learner id or None for a guest, question id,
    stored answer, right) to questions of "bai-mau"; returns its id."""
    with db.begin() as session:
        row = ClassSession(join_code="1234", group_id=group_id, lesson_ids="bai-mau", started_at=started,
                           updated_at=started, ended_at=ended, ended_by="trainer" if ended else "")
        session.add(row)
        session.flush()
        questions: dict[str, ClassQuestion] = {}
        people: dict[int, ClassParticipant] = {}
        for number, (learner_id, question_id, answer, correct) in enumerate(answers, start=1):
            if question_id not in questions:
                questions[question_id] = ClassQuestion(class_id=row.id, lesson_id="bai-mau", question_id=question_id)
                session.add(questions[question_id])
                session.flush()
            person = people.get(learner_id) if learner_id else None
            if person is None:
                person = ClassParticipant(class_id=row.id, learner_id=learner_id,
                                          guest_number=None if learner_id else number, joined_at=started)
                session.add(person)
                session.flush()
                if learner_id:
                    people[learner_id] = person
            session.add(ClassAnswer(question_id=questions[question_id].id, participant_id=person.id,
                                    learner_id=learner_id, answer=answer, correct=correct, answered_at=started))
        return row.id
