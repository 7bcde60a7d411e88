"""What to re-teach: for a group or a team (a set of groups), each question of the
catalogue that was answered — how many answers, the share that was right, and the wrong
choice most people made — hardest first.

One grouped query counts the answers per (lesson, question, answer text); the stored
answers of one question are few distinct texts, so the Python that turns them into
per-choice counts (each kind's ``tally_keys``/``tally_lines``) runs over a small result,
never per group or per learner. Quiz answers are always counted; a class's live answers
(guests included) are added when asked for.

The query walks learners (by ``group_id``) → quiz_attempts (by ``learner_id``) →
quiz_answers (by ``attempt_id``). With millions of answers it wants the covering indexes
``quiz_attempts (learner_id, id, lesson_id)`` and
``quiz_answers (attempt_id, question_id, correct, answer)`` so that it reads indexes only.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass

from sqlalchemy import func, select, union_all

from catalog.loading import Catalog
from progress.database import Database
from progress.models import ClassAnswer, ClassQuestion, ClassSession, Learner, QuizAnswer, QuizAttempt
from quizzes.models import Question

RETEACH_BELOW_PERCENT = 60  # fewer right answers than this: "Dạy lại"


@dataclass(frozen=True)
class WrongChoice:
    label: str  # the option in words, e.g. "Ấn thật mạnh vào màn hình" (each learner saw its own order)
    count: int  # answers that chose it


@dataclass(frozen=True)
class DifficultQuestion:
    lesson_id: str
    lesson_title: str
    question_id: str
    prompt: str
    answers: int
    right: int
    top_wrong: WrongChoice | None  # the wrong choice chosen most (None: nobody was wrong)

    @property
    def right_percent(self) -> int:
        return round(100 * self.right / self.answers) if self.answers else 0

    @property
    def reteach(self) -> bool:
        return self.right_percent < RETEACH_BELOW_PERCENT


def answer_counts(
    db: Database, group_ids: Collection[int], with_class_answers: bool = False
) -> list[tuple[str, str, str, bool, int]]:
    """(lesson id, question id, answer text, right, how many) for every distinct answer
    given in these groups: one grouped statement."""
    if not group_ids:
        return []
    ids = sorted(group_ids)
    quiz = (
        select(QuizAttempt.lesson_id.label("lesson_id"), QuizAnswer.question_id.label("question_id"),
               QuizAnswer.answer.label("answer"), QuizAnswer.correct.label("correct"))
        .select_from(Learner)
        .join(QuizAttempt, QuizAttempt.learner_id == Learner.id)
        .join(QuizAnswer, QuizAnswer.attempt_id == QuizAttempt.id)
        .where(Learner.group_id.in_(ids))
    )
    parts = [quiz]
    if with_class_answers:
        parts.append(
            select(ClassQuestion.lesson_id, ClassQuestion.question_id, ClassAnswer.answer, ClassAnswer.correct)
            .select_from(ClassSession)
            .join(ClassQuestion, ClassQuestion.class_id == ClassSession.id)
            .join(ClassAnswer, ClassAnswer.question_id == ClassQuestion.id)
            .where(ClassSession.group_id.in_(ids))
        )
    given = (union_all(*parts) if len(parts) > 1 else quiz).subquery()
    statement = (
        select(given.c.lesson_id, given.c.question_id, given.c.answer, given.c.correct, func.count())
        .group_by(given.c.lesson_id, given.c.question_id, given.c.answer, given.c.correct)
    )
    with db() as session:
        return [(lesson, question, answer, bool(right), int(n))
                for lesson, question, answer, right, n in session.execute(statement)]


def _top_wrong(question: Question, counts: Counter[str]) -> WrongChoice | None:
    """The wrong tally line (option) that the stored answers chose most."""
    chosen: Counter[str] = Counter()
    for text, n in counts.items():
        try:
            keys = question.tally_keys(question.answer_from_text(text))
        except ValueError:  # an answer the question no longer has (content changed)
            continue
        for key in keys:
            chosen[key] += n
    wrong = [(chosen[line.key], -position, line.choice)
             for position, line in enumerate(question.tally_lines()) if not line.right and chosen[line.key]]
    if not wrong:
        return None
    count, _, label = max(wrong)  # ties: the choice first in the file
    return WrongChoice(label, count)


def difficult_questions(
    db: Database, catalog: Catalog, group_ids: Collection[int], with_class_answers: bool = False
) -> list[DifficultQuestion]:
    """Every question of the catalogue answered in these groups, hardest first (lowest
    share right, then most answers). Questions no longer in the catalogue are left out."""
    given: dict[tuple[str, str], Counter[str]] = {}
    right: Counter[tuple[str, str]] = Counter()
    for lesson_id, question_id, answer, correct, n in answer_counts(db, group_ids, with_class_answers):
        given.setdefault((lesson_id, question_id), Counter())[answer] += n
        if correct:
            right[(lesson_id, question_id)] += n
    found = []
    for (lesson_id, question_id), counts in given.items():
        quiz, lesson = catalog.quiz_for(lesson_id), catalog.lessons.get(lesson_id)
        question = quiz.question(question_id) if quiz else None
        if question is None or lesson is None:
            continue
        found.append(DifficultQuestion(lesson_id, lesson.title, question_id, question.prompt,
                                       sum(counts.values()), right[(lesson_id, question_id)],
                                       _top_wrong(question, counts)))
    return sorted(found, key=lambda q: (q.right / q.answers, -q.answers, *_place(catalog, q)))


def _place(catalog: Catalog, question: DifficultQuestion) -> tuple[int, int]:
    """Where the question is in the course: its lesson's place, then its place in the quiz."""
    lessons = [lesson.id for lesson in catalog.lessons_in_order()]
    quiz = catalog.quiz_for(question.lesson_id)
    questions = [q.id for q in quiz.questions] if quiz else []
    return lessons.index(question.lesson_id), questions.index(question.question_id)
