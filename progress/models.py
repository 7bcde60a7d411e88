"""Database tables. Progress refers to lessons and questions by their permanent ids
(no foreign keys into content), so retiring a lesson keeps its history."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    Boolean,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    event,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from progress.row_changes import new_uid as new_uid  # models, sync and tests take both from here
from progress.row_changes import touch_updated_at, uid_column, updated_at_column
from progress.row_changes import utcnow as utcnow

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Province(Base):
    """A province's Youth Union (tỉnh): the top of the area tree."""

    __tablename__ = "provinces"

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = uid_column()
    name: Mapped[str] = mapped_column(String(120), unique=True)
    updated_at: Mapped[dt.datetime] = updated_at_column()


class Commune(Base):
    """A commune or ward (xã, phường; two tiers since 1 July 2025: province, then commune)."""

    __tablename__ = "communes"
    __table_args__ = (UniqueConstraint("province_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = uid_column()
    province_id: Mapped[int] = mapped_column(ForeignKey("provinces.id"), index=True)
    name: Mapped[str] = mapped_column(String(120))
    updated_at: Mapped[dt.datetime] = updated_at_column()


class Team(Base):
    """A community digital-technology team (tổ công nghệ số cộng đồng) of a commune."""

    __tablename__ = "teams"
    __table_args__ = (UniqueConstraint("commune_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = uid_column()
    commune_id: Mapped[int] = mapped_column(ForeignKey("communes.id"), index=True)
    name: Mapped[str] = mapped_column(String(120))
    updated_at: Mapped[dt.datetime] = updated_at_column()


class LearnerGroup(Base):
    __tablename__ = "learner_groups"

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = uid_column()
    name: Mapped[str] = mapped_column(String(120), unique=True)
    # the team that runs the group (None: not placed in the area tree yet)
    team_id: Mapped[int | None] = mapped_column(ForeignKey("teams.id"), index=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[dt.datetime] = updated_at_column()

    learners: Mapped[list[Learner]] = relationship(back_populates="group")


class Learner(Base):
    __tablename__ = "learners"
    __table_args__ = (UniqueConstraint("group_id", "display_name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = uid_column()
    group_id: Mapped[int] = mapped_column(ForeignKey("learner_groups.id"), index=True)
    display_name: Mapped[str] = mapped_column(String(120))
    code_hash: Mapped[str] = mapped_column(String(255))
    consent_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    narration_language: Mapped[str] = mapped_column(String(8), default="vi", server_default="vi")
    # a picture the trainer picks, so a learner who cannot read finds their own name card
    avatar: Mapped[str] = mapped_column(String(16), default="", server_default="")
    # wrong-code protection: counted per learner, so one learner's mistakes lock only them
    failed_code_attempts: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    locked_until: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    # the printed QR sign-in card: raising the version revokes every card printed before
    card_version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    # every sign-in token carries it; raising it ends every session of this learner
    session_version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    # the learner's own settings
    text_size: Mapped[str] = mapped_column(String(12), default="normal", server_default="normal")
    autoplay: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    save_data: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[dt.datetime] = updated_at_column()

    group: Mapped[LearnerGroup] = relationship(back_populates="learners")


class Trainer(Base):
    """A staff account: a trainer (their own groups), a team lead (the team's groups), a
    commune or province officer (read-only over their area), or an admin (everything,
    and creates communes, teams and accounts). See progress/scope.py."""

    __tablename__ = "trainers"

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = uid_column()
    username: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(120))
    password_hash: Mapped[str] = mapped_column(String(255))
    # wrong-password protection, per account (progress/password_guard.py)
    failed_password_attempts: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    locked_until: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    # every sign-in token carries it; raising it ends every session of this account
    session_version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    role: Mapped[str] = mapped_column(String(20), default="trainer", server_default="trainer")
    # the area of a team lead (team), a commune officer (commune) or a province officer (province)
    team_id: Mapped[int | None] = mapped_column(ForeignKey("teams.id"))
    commune_id: Mapped[int | None] = mapped_column(ForeignKey("communes.id"))
    province_id: Mapped[int | None] = mapped_column(ForeignKey("provinces.id"))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[dt.datetime] = updated_at_column()


class AddressFailure(Base):
    """Wrong staff passwords from one client address, across every username, in the
    window that began at ``window_started`` (progress/address_guard.py)."""

    __tablename__ = "address_failures"

    address: Mapped[str] = mapped_column(String(64), primary_key=True)
    failures: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    window_started: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class TrainerGroup(Base):
    """Which groups a trainer looks after."""

    __tablename__ = "trainer_groups"

    trainer_id: Mapped[int] = mapped_column(ForeignKey("trainers.id", ondelete="CASCADE"), primary_key=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("learner_groups.id", ondelete="CASCADE"), primary_key=True)


class LessonProgress(Base):
    __tablename__ = "lesson_progress"
    __table_args__ = (
        UniqueConstraint("learner_id", "lesson_id"),
        # reports: a learner's rows saved in a period and their time, read from the index alone
        Index("ix_lesson_progress_learner_saved", "learner_id", "updated_at", "seconds_spent"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = uid_column()
    learner_id: Mapped[int] = mapped_column(ForeignKey("learners.id", ondelete="CASCADE"), index=True)
    lesson_id: Mapped[str] = mapped_column(String(100))
    current_step: Mapped[int] = mapped_column(Integer, default=0)
    steps_done: Mapped[bool] = mapped_column(Boolean, default=False)
    seconds_spent: Mapped[int] = mapped_column(Integer, default=0)
    started_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class QuizAttempt(Base):
    __tablename__ = "quiz_attempts"
    __table_args__ = (
        # the dashboard's lesson states, needs-support and the report's first passes per
        # (learner, lesson), in index order and from the index alone
        Index("ix_quiz_attempts_learner_lesson", "learner_id", "lesson_id", "passed", "finished_at", "score_percent"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = uid_column()
    learner_id: Mapped[int] = mapped_column(ForeignKey("learners.id", ondelete="CASCADE"), index=True)
    lesson_id: Mapped[str] = mapped_column(String(100), index=True)
    correct_count: Mapped[int] = mapped_column(Integer)
    question_count: Mapped[int] = mapped_column(Integer)
    score_percent: Mapped[int] = mapped_column(Integer)
    passed: Mapped[bool] = mapped_column(Boolean)
    pass_mark_percent: Mapped[int] = mapped_column(Integer)
    finished_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    answers: Mapped[list[QuizAnswer]] = relationship(
        back_populates="attempt", cascade="all, delete-orphan", order_by="QuizAnswer.position"
    )


class QuizAnswer(Base):
    __tablename__ = "quiz_answers"

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = uid_column()
    attempt_id: Mapped[int] = mapped_column(ForeignKey("quiz_attempts.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    question_id: Mapped[str] = mapped_column(String(100))
    answer: Mapped[str] = mapped_column(Text)
    correct: Mapped[bool] = mapped_column(Boolean)

    attempt: Mapped[QuizAttempt] = relationship(back_populates="answers")


class QuizRun(Base):
    """A quiz being taken: each answer is stored when it is given, so a reload or a
    dropped connection resumes at the same question. It is never counted as an
    attempt: when the last question is done it becomes a QuizAttempt and is deleted.
    One open run per learner and lesson."""

    __tablename__ = "quiz_runs"
    # ids are never reused (SQLite would reuse a deleted row's id): a tap from the
    # screen of a finished run must not land in the next one
    __table_args__ = (UniqueConstraint("learner_id", "lesson_id"), {"sqlite_autoincrement": True})

    id: Mapped[int] = mapped_column(primary_key=True)
    learner_id: Mapped[int] = mapped_column(ForeignKey("learners.id", ondelete="CASCADE"), index=True)
    lesson_id: Mapped[str] = mapped_column(String(100))
    # the question on screen (0-based); answers beyond it mean its feedback is showing
    position: Mapped[int] = mapped_column(Integer, default=0)
    started_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    answers: Mapped[list[QuizRunAnswer]] = relationship(
        back_populates="run", cascade="all, delete-orphan", order_by="QuizRunAnswer.position"
    )


class QuizRunAnswer(Base):
    __tablename__ = "quiz_run_answers"
    # one answer per question of a run: a double tap cannot store two
    __table_args__ = (UniqueConstraint("run_id", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    run_id: Mapped[int] = mapped_column(ForeignKey("quiz_runs.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    question_id: Mapped[str] = mapped_column(String(100))
    answer: Mapped[str] = mapped_column(Text)
    correct: Mapped[bool] = mapped_column(Boolean)
    answered_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    run: Mapped[QuizRun] = relationship(back_populates="answers")


class Recording(Base):
    """A volunteer's voice for one step in one language, for one version of its text.

    ``text_hash`` fingerprints the step's spoken text when it was recorded: when an
    author changes the text, the old recording no longer matches and is not played.
    """

    __tablename__ = "recordings"
    __table_args__ = (UniqueConstraint("lesson_id", "step_id", "language", "text_hash"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = uid_column()
    lesson_id: Mapped[str] = mapped_column(String(100), index=True)
    step_id: Mapped[str] = mapped_column(String(100))
    language: Mapped[str] = mapped_column(String(8))
    text_hash: Mapped[str] = mapped_column(String(64))
    file_name: Mapped[str] = mapped_column(String(100))
    duration_ms: Mapped[int] = mapped_column(Integer)
    size_bytes: Mapped[int] = mapped_column(Integer)
    recorded_by: Mapped[int | None] = mapped_column(ForeignKey("trainers.id", ondelete="SET NULL"))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[dt.datetime] = updated_at_column()


class RecordingAudio(Base):
    """The MP3 bytes of a volunteer's recording, named ``rec-<hash>.mp3`` by what they
    hold (``Recording.file_name``). Kept in the database, not on one machine's disk, so
    every app process and every server plays it; several recordings may share one."""

    __tablename__ = "recording_audio"

    file_name: Mapped[str] = mapped_column(String(100), primary_key=True)
    data: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class ReviewItem(Base):
    """A question answered wrongly, due again later (spaced: 1, 3, 7 days)."""

    __tablename__ = "review_items"
    __table_args__ = (UniqueConstraint("learner_id", "lesson_id", "question_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = uid_column()
    learner_id: Mapped[int] = mapped_column(ForeignKey("learners.id", ondelete="CASCADE"), index=True)
    lesson_id: Mapped[str] = mapped_column(String(100))
    question_id: Mapped[str] = mapped_column(String(100))
    stage: Mapped[int] = mapped_column(Integer, default=0)
    due_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[dt.datetime] = updated_at_column()


class ClassSession(Base):
    """A class at the cultural house: a trainer shows lessons on the projector and the
    learners' phones follow. While it runs, ``position`` is the slide everyone sees and
    ``version`` goes up on every change (phones compare it); when it ends it stays as
    the record of a class held (date, place, group, trainers, lessons, attendance)."""

    __tablename__ = "class_sessions"
    __table_args__ = ({"sqlite_autoincrement": True},)  # an old join link never reaches a new class

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = uid_column()
    join_code: Mapped[str] = mapped_column(String(8), index=True)  # unique among open classes
    group_id: Mapped[int] = mapped_column(ForeignKey("learner_groups.id"), index=True)
    place: Mapped[str] = mapped_column(String(200), default="", server_default="")
    lesson_ids: Mapped[str] = mapped_column(Text)  # the lessons planned, in order, separated by ","
    position: Mapped[int] = mapped_column(Integer, default=0)  # the slide on screen, over all lessons
    furthest_position: Mapped[int] = mapped_column(Integer, default=0)  # how far the class got
    live_question_id: Mapped[int | None] = mapped_column(Integer)  # the ClassQuestion on the phones
    version: Mapped[int] = mapped_column(Integer, default=1)
    head_count: Mapped[int | None] = mapped_column(Integer)  # people in the room, as the trainer counted
    started_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    ended_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True), index=True)
    ended_by: Mapped[str] = mapped_column(String(16), default="", server_default="")  # "trainer" | "idle" | "hand"
    # a class held without the app, entered afterwards by hand: people without an account who came
    extra_guests: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    notes: Mapped[str] = mapped_column(Text, default="", server_default="")


class ClassTrainer(Base):
    """The trainers who ran a class (the one who started it, and any who helped)."""

    __tablename__ = "class_trainers"

    class_id: Mapped[int] = mapped_column(ForeignKey("class_sessions.id", ondelete="CASCADE"), primary_key=True)
    trainer_id: Mapped[int] = mapped_column(ForeignKey("trainers.id", ondelete="CASCADE"), primary_key=True)


class ClassParticipant(Base):
    """One phone's person in a class: a learner of the group, or a guest without an
    account (counted as an unregistered participant)."""

    __tablename__ = "class_participants"
    __table_args__ = (
        UniqueConstraint("class_id", "learner_id", name="uq_class_participants_learner"),
        UniqueConstraint("class_id", "guest_number", name="uq_class_participants_guest"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = uid_column()
    class_id: Mapped[int] = mapped_column(ForeignKey("class_sessions.id", ondelete="CASCADE"), index=True)
    learner_id: Mapped[int | None] = mapped_column(ForeignKey("learners.id", ondelete="SET NULL"))
    guest_number: Mapped[int | None] = mapped_column(Integer)  # "Khách 1", "Khách 2", …
    joined_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    last_seen_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[dt.datetime] = updated_at_column()


class ClassQuestion(Base):
    """A quiz question asked live in a class. ``hands`` holds the show-of-hands counts
    the trainer typed in for people without a phone ("option key=count,…")."""

    __tablename__ = "class_questions"
    __table_args__ = (UniqueConstraint("class_id", "lesson_id", "question_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = uid_column()
    class_id: Mapped[int] = mapped_column(ForeignKey("class_sessions.id", ondelete="CASCADE"), index=True)
    lesson_id: Mapped[str] = mapped_column(String(100))
    question_id: Mapped[str] = mapped_column(String(100))
    opened_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    revealed_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    hands: Mapped[str] = mapped_column(Text, default="", server_default="")
    updated_at: Mapped[dt.datetime] = updated_at_column()


class ClassAnswer(Base):
    """One phone's answer to a live question: graded like a quiz answer and stored as
    given. ``learner_id`` is set for signed-in learners (their answer counts as given
    in class); a guest's answer counts only in the class tally."""

    __tablename__ = "class_answers"
    __table_args__ = (UniqueConstraint("question_id", "participant_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = uid_column()
    question_id: Mapped[int] = mapped_column(ForeignKey("class_questions.id", ondelete="CASCADE"), index=True)
    participant_id: Mapped[int] = mapped_column(ForeignKey("class_participants.id", ondelete="CASCADE"))
    learner_id: Mapped[int | None] = mapped_column(ForeignKey("learners.id", ondelete="SET NULL"), index=True)
    answer: Mapped[str] = mapped_column(Text)
    correct: Mapped[bool] = mapped_column(Boolean)
    answered_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


event.listen(Base, "before_update", touch_updated_at, propagate=True)  # progress/row_changes.py
