"""The area report against the hand-worked area of area_fixture.py (November 2026)."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import event

from progress.groups import create_group
from progress.learners import create_learner
from progress.reports.area_report import NO_COMMUNE, NO_TEAM, ReportPeriod, area_report
from tests.progress.reports.area_fixture import CATALOG, build_area

NOVEMBER = ReportPeriod(dt.date(2026, 11, 1), dt.date(2026, 11, 30))
MODULES = [module.id for module in CATALOG.modules_with_lessons()]


def finished(line, module_id: str) -> int:  # type: ignore[no-untyped-def]
    return line.modules_finished[MODULES.index(module_id)]


def numbers(line):  # type: ignore[no-untyped-def]
    return (line.groups, line.learners, line.classes, line.attendances, line.active_learners,
            finished(line, "lam-quen-dien-thoai"), finished(line, "vneid"), line.certificates, line.hours)


@pytest.fixture
def area(db):  # type: ignore[no-untyped-def]
    return build_area(db)


def test_every_number_by_team(db, area):
    report = area_report(db, CATALOG, area.groups.values(), NOVEMBER, team_ids=area.teams.values())
    by_team = {line.name: line for line in report.teams}
    #                                   groups learners classes people active M1 M2 certs hours
    assert numbers(by_team["Tổ Làng Mâm"]) == (2, 3, 3, 3 + 10 + 5, 3, 1, 0, 1, 1.0)
    assert numbers(by_team["Tổ Đồng Ruộng"]) == (1, 1, 0, 0, 1, 0, 0, 0, 0.5)
    assert numbers(by_team["Tổ Sơn Kỳ"]) == (1, 2, 1, 2, 1, 0, 1, 1, 0.0)
    assert numbers(by_team["Tổ Mới"]) == (0, 0, 0, 0, 0, 0, 0, 0, 0.0)  # a team with no group yet
    assert numbers(by_team[NO_TEAM]) == (1, 1, 0, 0, 0, 0, 0, 0, 0.0)
    # communes by name, teams by name inside them, the groups without a team last
    assert [(line.commune, line.name) for line in report.teams] == [
        ("Ba Tơ", "Tổ Đồng Ruộng"), ("Ba Tơ", "Tổ Làng Mâm"), ("Sơn Hà", "Tổ Mới"), ("Sơn Hà", "Tổ Sơn Kỳ"),
        (NO_COMMUNE, NO_TEAM)]


def test_communes_and_totals_add_up(db, area):
    report = area_report(db, CATALOG, area.groups.values(), NOVEMBER, team_ids=area.teams.values())
    assert [line.name for line in report.communes] == ["Ba Tơ", "Sơn Hà", NO_COMMUNE]
    ba_to, son_ha, none = report.communes
    assert numbers(ba_to) == (3, 4, 3, 18, 4, 1, 0, 1, 1.5)
    assert numbers(son_ha) == (1, 2, 1, 2, 1, 0, 1, 1, 0.0)
    assert numbers(none) == (1, 1, 0, 0, 0, 0, 0, 0, 0.0)
    assert numbers(report.total) == (5, 7, 4, 20, 5, 1, 1, 2, 1.5)
    assert report.total.seconds == 5400
    assert [module.id for module in report.modules] == MODULES


def test_a_smaller_area_sees_only_its_groups(db, area):
    report = area_report(db, CATALOG, [area.groups["G1"]], NOVEMBER)
    assert [line.name for line in report.teams] == ["Tổ Làng Mâm"]
    assert numbers(report.total) == (1, 2, 2, 13, 2, 1, 0, 1, 1.0)


def test_the_period_moves_the_numbers(db, area):
    october = area_report(db, CATALOG, area.groups.values(), ReportPeriod(dt.date(2026, 10, 1), dt.date(2026, 10, 31)))
    # classes: the one at 23:59 on 31 Oct; learners: L5 (class, quizzes), L1 and L2 (quizzes), L1's lesson
    assert (october.total.classes, october.total.attendances, october.total.active_learners) == (1, 1, 3)
    assert finished(october.total, "lam-quen-dien-thoai") == 2  # L2 and L5
    assert october.total.seconds == 900


def test_no_groups_no_numbers(db):
    report = area_report(db, CATALOG, [], NOVEMBER)
    assert report.teams == () and report.communes == ()
    assert numbers(report.total) == (0, 0, 0, 0, 0, 0, 0, 0, 0.0)


def count_statements(db, group_ids) -> int:  # type: ignore[no-untyped-def]
    engine = db.kw["bind"]
    seen: list[str] = []

    def count(*_args) -> None:  # type: ignore[no-untyped-def]
        seen.append("statement")

    event.listen(engine, "before_cursor_execute", count)
    try:
        area_report(db, CATALOG, group_ids, NOVEMBER)
    finally:
        event.remove(engine, "before_cursor_execute", count)
    return len(seen)


def test_the_number_of_statements_does_not_grow_with_the_groups(db, area):
    few = count_statements(db, [area.groups["G1"], area.groups["G2"]])
    more_groups = [create_group(db, f"Nhóm thêm {i}").id for i in range(20)]
    for group_id in more_groups:
        create_learner(db, group_id, "Học viên", "1234")
    assert count_statements(db, [*area.groups.values(), *more_groups]) == few <= 8
