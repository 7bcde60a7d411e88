"""Answers to a live class question. A phone's answer is graded like a quiz answer (one
``GradedAnswer``) and stored the moment it is given; a signed-in learner's answer also
goes on their review list when it was wrong, as a quiz answer would. One answer per
phone per question: a second tap is refused, the first one stands."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from progress.classes.errors import ClassError
from progress.classes.running import hands_from_text
from progress.database import Database
from progress.models import ClassAnswer, ClassParticipant, ClassQuestion, ClassSession
from progress.review import schedule_in_session
from quizzes.answers import GradedAnswer
from quizzes.review_rules import DEFAULT_POLICY, ReviewPolicy


@dataclass(frozen=True)
class GivenAnswer:
    answer: str  # as stored (quizzes.answers.answer_to_text)
    correct: bool


@dataclass(frozen=True)
class LiveAnswers:
    """What the projector needs about one live question."""

    answers: tuple[str, ...]  # every phone's answer, as stored
    hands: dict[str, int]  # show-of-hands counts per tally line

    @property
    def count(self) -> int:
        return len(self.answers)


def answer_live_question(
    db: Database,
    class_id: int,
    class_question_id: int,
    participant_id: int,
    graded: GradedAnswer,
    policy: ReviewPolicy = DEFAULT_POLICY,
) -> bool:
    """Store one phone's answer. False when this phone already answered (the first answer
    stands); a question no longer open for answers is refused with a message."""
    with db.begin() as session:
        row = session.get(ClassSession, class_id)
        question = session.get(ClassQuestion, class_question_id)
        if row is None or row.ended_at is not None:
            raise ClassError("Buổi học này đã kết thúc.")
        if question is None or question.class_id != class_id or row.live_question_id != class_question_id:
            raise ClassError("Câu hỏi này đã qua. Bác nhìn lên màn hình lớn nhé.")
        if question.revealed_at is not None:
            raise ClassError("Đã xem đáp án rồi, không trả lời được nữa.")
        participant = session.get(ClassParticipant, participant_id)
        if participant is None or participant.class_id != class_id:
            raise ClassError("Điện thoại này chưa vào lớp. Bác vào lớp lại nhé.")
        try:
            with session.begin_nested():
                session.add(ClassAnswer(question_id=class_question_id, participant_id=participant_id,
                                        learner_id=participant.learner_id, answer=graded.stored_text,
                                        correct=graded.correct))
        except IntegrityError:
            return False
        if participant.learner_id is not None:
            schedule_in_session(session, participant.learner_id, question.lesson_id, [graded], policy=policy)
        return True


def given_answer(db: Database, class_question_id: int, participant_id: int) -> GivenAnswer | None:
    """This phone's answer to the question, if it gave one."""
    with db.begin() as session:
        found = session.execute(select(ClassAnswer.answer, ClassAnswer.correct).where(
            ClassAnswer.question_id == class_question_id, ClassAnswer.participant_id == participant_id)).first()
        return GivenAnswer(found[0], found[1]) if found else None


def live_answers(db: Database, class_question_id: int) -> LiveAnswers:
    with db.begin() as session:
        answers = tuple(session.scalars(select(ClassAnswer.answer).where(ClassAnswer.question_id == class_question_id)))
        hands = session.scalar(select(ClassQuestion.hands).where(ClassQuestion.id == class_question_id)) or ""
        return LiveAnswers(answers, hands_from_text(hands))
