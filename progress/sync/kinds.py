"""The record kinds that travel between installations: their tables, the columns that
travel, what they reference (by uid, never by integer id) and their natural keys.

Kinds are listed in the order a payload is applied: a record comes after what it
references. Local-only data never travels: quiz runs in progress, sign-in protection
(wrong codes, locks, card and session versions of learners), address failures,
sessions, and the sync tables except deletion records."""

from __future__ import annotations

from dataclasses import dataclass

from progress.models import (
    Base,
    ClassAnswer,
    ClassParticipant,
    ClassQuestion,
    ClassSession,
    Commune,
    Learner,
    LearnerGroup,
    LessonProgress,
    Province,
    QuizAnswer,
    QuizAttempt,
    Recording,
    ReviewItem,
    Team,
    Trainer,
)
from progress.sync import tombstones


@dataclass(frozen=True)
class Ref:
    """A reference: the payload's ``field`` (a uid) is the model's ``column`` (an id)."""

    field: str
    column: str
    kind: str
    required: bool = True  # False: missing or unknown here, it is left empty


@dataclass(frozen=True)
class Kind:
    name: str  # the payload's key
    model: type[Base]
    label: str  # in Vietnamese, for the summary
    fields: tuple[str, ...]  # plain columns that travel (besides uid and references)
    refs: tuple[Ref, ...] = ()
    natural: tuple[str, ...] = ()  # model columns matching the same record made elsewhere
    changes: bool = True  # False: append-only (added once, never updated)
    deletion: str | None = None  # the tombstone kind that deletes it


PROVINCES = Kind("provinces", Province, "Tỉnh", ("name", "updated_at"), natural=("name",))
COMMUNES = Kind("communes", Commune, "Xã, phường", ("name", "updated_at"),
                (Ref("province_uid", "province_id", "provinces"),), natural=("province_id", "name"))
TEAMS = Kind("teams", Team, "Tổ công nghệ số", ("name", "updated_at"),
             (Ref("commune_uid", "commune_id", "communes"),), natural=("commune_id", "name"))
GROUPS = Kind("groups", LearnerGroup, "Nhóm", ("name", "created_at", "updated_at"),
              (Ref("team_uid", "team_id", "teams", required=False),),
              deletion=tombstones.GROUP)
TRAINERS = Kind("trainers", Trainer, "Tập huấn viên",
                ("username", "display_name", "password_hash", "role", "session_version", "created_at", "updated_at"),
                (Ref("team_uid", "team_id", "teams", required=False),
                 Ref("commune_uid", "commune_id", "communes", required=False),
                 Ref("province_uid", "province_id", "provinces", required=False)),
                natural=("username",))
LEARNERS = Kind("learners", Learner, "Học viên",
                ("display_name", "code_hash", "consent_at", "narration_language", "avatar", "text_size", "autoplay",
                 "save_data", "created_at", "updated_at"),
                (Ref("group_uid", "group_id", "groups"),), natural=("group_id", "display_name"),
                deletion=tombstones.LEARNER)
LESSON_PROGRESS = Kind("lesson_progress", LessonProgress, "Tiến độ bài học",
                       ("lesson_id", "current_step", "steps_done", "seconds_spent", "started_at", "updated_at"),
                       (Ref("learner_uid", "learner_id", "learners"),), natural=("learner_id", "lesson_id"))
REVIEW_ITEMS = Kind("review_items", ReviewItem, "Câu cần ôn",
                    ("lesson_id", "question_id", "stage", "due_at", "created_at", "updated_at"),
                    (Ref("learner_uid", "learner_id", "learners"),),
                    natural=("learner_id", "lesson_id", "question_id"), deletion=tombstones.REVIEW_ITEM)
RECORDINGS = Kind("recordings", Recording, "Bản ghi âm",
                  ("lesson_id", "step_id", "language", "text_hash", "file_name", "duration_ms", "size_bytes",
                   "created_at", "updated_at"),
                  (Ref("recorded_by_uid", "recorded_by", "trainers", required=False),),
                  natural=("lesson_id", "step_id", "language", "text_hash"), deletion=tombstones.RECORDING)
QUIZ_ATTEMPTS = Kind("quiz_attempts", QuizAttempt, "Lượt làm bài kiểm tra",
                     ("lesson_id", "correct_count", "question_count", "score_percent", "passed", "pass_mark_percent",
                      "finished_at"),
                     (Ref("learner_uid", "learner_id", "learners"),), changes=False)
QUIZ_ANSWERS = Kind("quiz_answers", QuizAnswer, "Câu trả lời bài kiểm tra",
                    ("position", "question_id", "answer", "correct"), changes=False)
CLASS_SESSIONS = Kind("class_sessions", ClassSession, "Buổi học",
                      ("place", "lesson_ids", "position", "furthest_position", "version", "head_count", "started_at",
                       "updated_at", "ended_at", "ended_by", "extra_guests", "notes"),
                      (Ref("group_uid", "group_id", "groups"),), deletion=tombstones.CLASS_HELD)
CLASS_PARTICIPANTS = Kind("class_participants", ClassParticipant, "Người dự buổi học",
                          ("guest_number", "joined_at", "last_seen_at", "updated_at"),
                          (Ref("learner_uid", "learner_id", "learners", required=False),))
CLASS_QUESTIONS = Kind("class_questions", ClassQuestion, "Câu hỏi trong buổi học",
                       ("lesson_id", "question_id", "opened_at", "revealed_at", "hands", "updated_at"))
CLASS_ANSWERS = Kind("class_answers", ClassAnswer, "Câu trả lời trong buổi học",
                     ("answer", "correct", "answered_at"),
                     (Ref("learner_uid", "learner_id", "learners", required=False),), changes=False)

# records that stand on their own in the payload, in the order they are applied
FLAT = (PROVINCES, COMMUNES, TEAMS, GROUPS, TRAINERS, LEARNERS, LESSON_PROGRESS, REVIEW_ITEMS, RECORDINGS)
# every kind, by its name (nested ones included: attempts' answers, classes' rows)
BY_NAME: dict[str, Kind] = {kind.name: kind for kind in (
    *FLAT, QUIZ_ATTEMPTS, QUIZ_ANSWERS, CLASS_SESSIONS, CLASS_PARTICIPANTS, CLASS_QUESTIONS, CLASS_ANSWERS)}
TRAINER_GROUPS = "trainer_groups"  # links, no uid: {"trainer_uid", "group_uid"}
LINK_LABELS = {TRAINER_GROUPS: "Tập huấn viên phụ trách nhóm"}
# the payload's top-level lists, in the order they are applied
PAYLOAD_KINDS = (*(kind.name for kind in FLAT), TRAINER_GROUPS, QUIZ_ATTEMPTS.name, CLASS_SESSIONS.name)
DELETION_LABELS = {tombstones.LEARNER: "học viên", tombstones.GROUP: "nhóm", tombstones.RECORDING: "bản ghi âm",
                   tombstones.CLASS_HELD: "buổi học ghi tay", tombstones.REVIEW_ITEM: "câu cần ôn đã thuộc"}
# the kind a deletion record deletes
DELETES: dict[str, Kind] = {kind.deletion: kind for kind in BY_NAME.values() if kind.deletion}


def label(kind_name: str) -> str:
    kind = BY_NAME.get(kind_name)
    return kind.label if kind else LINK_LABELS.get(kind_name, kind_name)
