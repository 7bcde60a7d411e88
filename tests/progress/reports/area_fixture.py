"""A small area with every case the report's rules name, and its numbers worked out by
hand (tests/progress/reports/test_area_report.py). Period: November 2026, Vietnam time
(UTC+7): from 31 Oct 17:00 UTC, up to 30 Nov 17:00 UTC."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from catalog.loading import load_catalog
from progress.models import (
    ClassParticipant,
    ClassSession,
    Commune,
    Learner,
    LearnerGroup,
    LessonProgress,
    Province,
    QuizAttempt,
    Team,
)
from settings import PROJECT_ROOT

CATALOG = load_catalog(PROJECT_ROOT / "lessons" / "content", PROJECT_ROOT / "quizzes" / "content")
PHONE = [lesson.id for lesson in CATALOG.lessons_of("lam-quen-dien-thoai")]  # module M1
VNEID = [lesson.id for lesson in CATALOG.lessons_of("vneid")]  # module M2


def utc(month: int, day: int, hour: int = 3, minute: int = 0) -> dt.datetime:
    return dt.datetime(2026, month, day, hour, minute, tzinfo=dt.UTC)


@dataclass
class Area:
    groups: dict[str, int]
    teams: dict[str, int]


def _attempt(learner: int, lesson: str, when: dt.datetime, passed: bool = True) -> QuizAttempt:
    return QuizAttempt(learner_id=learner, lesson_id=lesson, correct_count=5 if passed else 1, question_count=5,
                       score_percent=100 if passed else 20, passed=passed, pass_mark_percent=80, finished_at=when)


def _class(group: int, ended: dt.datetime | None, people: list[ClassParticipant], head_count: int | None = None,
           extra_guests: int = 0, ended_by: str = "trainer") -> tuple[ClassSession, list[ClassParticipant]]:
    row = ClassSession(join_code="1234", group_id=group, lesson_ids=PHONE[0], started_at=utc(10, 1),
                       ended_at=ended, ended_by=ended_by if ended else "", head_count=head_count,
                       extra_guests=extra_guests)
    return row, people


def build_area(db) -> Area:  # type: ignore[no-untyped-def]
    """Communes Ba Tơ (teams T1: G1, G2; T2: G3) and Sơn Hà (T3: G4; T4: no group);
    G5 in no team. Learners: G1 L1, L2; G2 L3; G3 L4; G4 L5, L6; G5 L7."""
    with db.begin() as session:
        province = Province(name="Quảng Ngãi")
        session.add(province)
        session.flush()
        ba_to, son_ha = Commune(province_id=province.id, name="Ba Tơ"), Commune(province_id=province.id, name="Sơn Hà")
        session.add_all([ba_to, son_ha])
        session.flush()
        teams = {"T1": Team(commune_id=ba_to.id, name="Tổ Làng Mâm"),
                 "T2": Team(commune_id=ba_to.id, name="Tổ Đồng Ruộng"),
                 "T3": Team(commune_id=son_ha.id, name="Tổ Sơn Kỳ"), "T4": Team(commune_id=son_ha.id, name="Tổ Mới")}
        session.add_all(teams.values())
        session.flush()
        team_of = {"G1": "T1", "G2": "T1", "G3": "T2", "G4": "T3", "G5": None}
        groups = {name: LearnerGroup(name=f"Nhóm {name}", team_id=teams[t].id if t else None)
                  for name, t in team_of.items()}
        session.add_all(groups.values())
        session.flush()
        group_of = {"L1": "G1", "L2": "G1", "L3": "G2", "L4": "G3", "L5": "G4", "L6": "G4", "L7": "G5"}
        people = {name: Learner(group_id=groups[g].id, display_name=name, code_hash="x")
                  for name, g in group_of.items()}
        session.add_all(people.values())
        session.flush()
        L = {name: learner.id for name, learner in people.items()}  # noqa: N806

        def joined(*names: str, guests: int = 0) -> list[ClassParticipant]:
            return ([ClassParticipant(learner_id=L[n]) for n in names]
                    + [ClassParticipant(guest_number=i + 1) for i in range(guests)])

        classes = [
            _class(groups["G1"].id, utc(11, 5), joined("L1", "L2", guests=1)),  # 3 people
            _class(groups["G1"].id, utc(11, 10), joined("L1"), head_count=10),  # the head count: 10
            _class(groups["G2"].id, utc(11, 12), joined("L3"), extra_guests=4, ended_by="hand"),  # 1 + 4
            _class(groups["G4"].id, utc(10, 31, 16, 59), joined("L5")),  # 23:59 on 31 Oct: before
            _class(groups["G4"].id, utc(10, 31, 17, 0), joined(guests=2)),  # 00:00 on 1 Nov: in, 2 people
            _class(groups["G3"].id, None, joined("L4")),  # still open: not a class held
            _class(groups["G5"].id, utc(11, 30, 17, 0), joined("L7")),  # 00:00 on 1 Dec: after
        ]
        for row, participants in classes:
            session.add(row)
            session.flush()
            for person in participants:
                person.class_id = row.id
            session.add_all(participants)
        session.add_all([
            LessonProgress(learner_id=L["L4"], lesson_id=PHONE[0], seconds_spent=1800, updated_at=utc(11, 3)),
            LessonProgress(learner_id=L["L1"], lesson_id=PHONE[1], seconds_spent=3600, updated_at=utc(11, 6)),
            LessonProgress(learner_id=L["L1"], lesson_id=PHONE[2], seconds_spent=900, updated_at=utc(10, 20)),
            LessonProgress(learner_id=L["L7"], lesson_id=PHONE[0], seconds_spent=7200, updated_at=utc(12, 2)),
        ])
        attempts = (
            # L1 finishes M1 in November: the last lesson first passed on 8 Nov (a fail first)
            [_attempt(L["L1"], lesson, utc(10, 10)) for lesson in PHONE[:-1]]
            + [_attempt(L["L1"], PHONE[-1], utc(10, 11), passed=False), _attempt(L["L1"], PHONE[-1], utc(11, 8)),
               _attempt(L["L1"], PHONE[0], utc(11, 9))]  # passing again changes nothing
            # L2 finished M1 in October; a pass again in November does not count
            + [_attempt(L["L2"], lesson, utc(10, 12)) for lesson in PHONE]
            + [_attempt(L["L2"], PHONE[-1], utc(11, 13))]
            # L3 passes all but one lesson of M1 in November, and fails that one
            + [_attempt(L["L3"], lesson, utc(11, 14)) for lesson in PHONE[:-1]]
            + [_attempt(L["L3"], PHONE[-1], utc(11, 15), passed=False), _attempt(L["L3"], "bai-da-bo", utc(11, 15))]
            # L5 finished M1 at 23:59 on 31 Oct (Vietnam time): October
            + [_attempt(L["L5"], lesson, utc(10, 31, 16, 59)) for lesson in PHONE]
            # L6 finishes M2 on 20 Nov
            + [_attempt(L["L6"], lesson, utc(11, 20)) for lesson in VNEID]
        )
        session.add_all(attempts)
        return Area({name: g.id for name, g in groups.items()}, {name: t.id for name, t in teams.items()})
