"""One village laptop's worth of data for the sync benchmark (bench/sync_commune.py),
written straight into a migrated database with SQLAlchemy inserts (the models' own
defaults give every row its uid and updated_at).

A laptop holds its groups of about 30 learners each (in the commune's one team, named
as every laptop names them, so the server matches the area by name), a trainer per
group, and for each learner the first lessons of the shipped catalogue: lesson
progress, quiz attempts with one answer per question, the questions to review; and a
few classes held per group with participants, a live question and its answers."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import insert

from progress.database import Database
from progress.models import (
    ClassAnswer,
    ClassParticipant,
    ClassQuestion,
    ClassSession,
    ClassTrainer,
    Commune,
    Learner,
    LearnerGroup,
    LessonProgress,
    Province,
    QuizAnswer,
    QuizAttempt,
    ReviewItem,
    Team,
    Trainer,
    TrainerGroup,
)

PROVINCE, COMMUNE, TEAM = "Tỉnh Quảng Ngãi", "Xã Ba Tơ", "Tổ công nghệ số xã Ba Tơ"
YEAR_START = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
YEAR_SECONDS = 330 * 86400
GROUP_SIZE = 30
LESSONS_TOUCHED = (0, 1, 2, 3, 4, 4, 5, 5, 6, 6, 7, 8, 9)  # mean 4.6 lessons a learner
CLASSES_PER_GROUP = 3


@dataclass(frozen=True)
class Lesson:
    id: str
    questions: list[str]
    steps: int


@dataclass
class Rows:
    """Rows per model, and the next id of each."""

    rows: dict[type, list[dict[str, Any]]] = field(default_factory=dict)
    ids: dict[type, int] = field(default_factory=dict)

    def add(self, model: type, **values: Any) -> int:
        number = self.ids.get(model, 0) + 1
        self.ids[model] = number
        self.rows.setdefault(model, []).append({"id": number, **values})
        return number

    def link(self, model: type, **values: Any) -> None:
        self.rows.setdefault(model, []).append(values)


ORDER = (Province, Commune, Team, LearnerGroup, Trainer, TrainerGroup, Learner, LessonProgress, QuizAttempt,
         QuizAnswer, ReviewItem, ClassSession, ClassTrainer, ClassParticipant, ClassQuestion, ClassAnswer)


def catalogue_lessons() -> list[Lesson]:
    from catalog.loading import load_catalog
    from settings import PROJECT_ROOT

    catalog = load_catalog(PROJECT_ROOT / "lessons" / "content", PROJECT_ROOT / "quizzes" / "content")
    return [Lesson(lesson.id, [q.id for q in quiz.questions], len(lesson.steps))
            for lesson in catalog.lessons_in_order() if (quiz := catalog.quiz_for(lesson.id))]


def at(seconds: float) -> dt.datetime:
    return YEAR_START + dt.timedelta(seconds=min(seconds, YEAR_SECONDS - 1))


def laptop_rows(number: int, learners: int, lessons: list[Lesson], rnd: random.Random) -> Rows:
    """The rows of laptop ``number`` (from 1): its groups are "Thôn NN · nhóm G"."""
    out = Rows()
    province = out.add(Province, name=PROVINCE)
    commune = out.add(Commune, province_id=province, name=COMMUNE)
    team = out.add(Team, commune_id=commune, name=TEAM)
    groups = max(1, round(learners / GROUP_SIZE))
    for g in range(groups):
        size = learners // groups + (1 if g < learners % groups else 0)
        group = out.add(LearnerGroup, name=f"Thôn {number:02d} · nhóm {g + 1}", team_id=team, created_at=YEAR_START)
        trainer = out.add(Trainer, username=f"tap-{number:02d}-{g + 1}", display_name=f"Tập huấn viên {number}.{g + 1}",
                          password_hash="bench", role="trainer", created_at=YEAR_START)
        out.link(TrainerGroup, trainer_id=trainer, group_id=group)
        members = [add_learner(out, group, f"Học viên {number}.{g + 1}.{i + 1}", lessons, rnd) for i in range(size)]
        for _ in range(CLASSES_PER_GROUP):
            add_class(out, group, trainer, members, lessons, rnd)
    return out


def add_learner(out: Rows, group: int, name: str, lessons: list[Lesson], rnd: random.Random) -> int:
    start = rnd.random() * YEAR_SECONDS * 0.8
    learner = out.add(Learner, group_id=group, display_name=name, code_hash="bench", avatar="🌻",
                      consent_at=at(start), created_at=at(start))
    clock = start
    for lesson in lessons[: rnd.choice(LESSONS_TOUCHED)]:
        clock += rnd.random() * 6 * 86400
        tries = 1 + (rnd.random() < 0.35) + (rnd.random() < 0.15)
        for attempt in range(tries):
            passed = attempt == tries - 1 and rnd.random() < 0.85
            clock += rnd.random() * 3600
            attempt_id = out.add(QuizAttempt, learner_id=learner, lesson_id=lesson.id, correct_count=0,
                                 question_count=len(lesson.questions), score_percent=0, passed=passed,
                                 pass_mark_percent=80, finished_at=at(clock))
            right = 0
            for position, question in enumerate(lesson.questions):
                correct = passed or rnd.random() < 0.5
                right += correct
                out.add(QuizAnswer, attempt_id=attempt_id, position=position, question_id=question,
                        answer="a" if correct else "b", correct=correct)
                if not correct and attempt == tries - 1:
                    out.add(ReviewItem, learner_id=learner, lesson_id=lesson.id, question_id=question, stage=0,
                            due_at=at(clock + 86400), created_at=at(clock))
            attempt_row = out.rows[QuizAttempt][-1]
            attempt_row.update(correct_count=right, score_percent=round(100 * right / max(1, len(lesson.questions))))
        out.add(LessonProgress, learner_id=learner, lesson_id=lesson.id, current_step=lesson.steps - 1,
                steps_done=True, seconds_spent=rnd.randint(120, 1800), started_at=at(clock - 1800),
                updated_at=at(clock))
    return learner


def add_class(out: Rows, group: int, trainer: int, members: list[int], lessons: list[Lesson],
              rnd: random.Random) -> None:
    start = rnd.random() * YEAR_SECONDS
    lesson = lessons[0]
    held = out.add(ClassSession, join_code=f"{rnd.randint(0, 9999):04d}", group_id=group, place="Nhà văn hoá thôn",
                   lesson_ids=lesson.id, position=lesson.steps, furthest_position=lesson.steps, version=12,
                   started_at=at(start), updated_at=at(start + 5400), ended_at=at(start + 5400), ended_by="trainer")
    out.link(ClassTrainer, class_id=held, trainer_id=trainer)
    present = rnd.sample(members, max(1, len(members) * 2 // 3))
    people = [(out.add(ClassParticipant, class_id=held, learner_id=learner, joined_at=at(start),
                       last_seen_at=at(start + 5400)), learner) for learner in present]
    question = out.add(ClassQuestion, class_id=held, lesson_id=lesson.id, question_id=lesson.questions[0],
                       opened_at=at(start + 1800), revealed_at=at(start + 1900))
    for participant, learner in people:
        correct = rnd.random() < 0.7
        out.add(ClassAnswer, question_id=question, participant_id=participant, learner_id=learner,
                answer="a" if correct else "b", correct=correct, answered_at=at(start + 1850))


def write_rows(db: Database, rows: Rows) -> dict[str, int]:
    """Insert every row in one transaction; the count per table."""
    with db.begin() as session:
        for model in ORDER:
            batch = rows.rows.get(model, [])
            if batch:
                session.execute(insert(model), batch)
    return {model.__tablename__: len(rows.rows.get(model, [])) for model in ORDER}  # type: ignore[attr-defined]
