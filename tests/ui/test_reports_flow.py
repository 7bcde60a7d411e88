"""The "Báo cáo" page: made when "Lập báo cáo" is tapped, never by a rerun; the area is
the account's scope."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import update

import progress.reports.area_report as reporting
from progress.groups import create_group, list_groups
from progress.learners import create_learner, list_learners
from progress.models import ClassParticipant, ClassSession, Commune, LearnerGroup, Province, Team, Trainer
from progress.trainers import create_trainer
from tests.ui.flows import button_by_label, texts
from tests.ui.test_trainer_flow import trainer_signs_in

PAGE = "ui/trainer/reports.py"


@pytest.fixture
def made(monkeypatch):
    """Counts the reports made, by wrapping the report the page calls."""
    calls: list[int] = []
    real = reporting.area_report

    def counted(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(reporting, "area_report", counted)
    return calls


def held_class(db, group_id: int, learner_ids: list[int], guests: int = 0) -> None:  # type: ignore[no-untyped-def]
    now = dt.datetime.now(dt.UTC)
    with db.begin() as session:
        row = ClassSession(join_code="4321", group_id=group_id, lesson_ids="x", started_at=now, ended_at=now,
                           ended_by="trainer")
        session.add(row)
        session.flush()
        session.add_all([ClassParticipant(class_id=row.id, learner_id=i) for i in learner_ids]
                        + [ClassParticipant(class_id=row.id, guest_number=n + 1) for n in range(guests)])


def open_reports(at):  # type: ignore[no-untyped-def]
    return at.switch_page(PAGE).run()


def table(at, column: str):  # type: ignore[no-untyped-def]
    frames = [frame.value for frame in at.dataframe if column in frame.value.columns]
    assert frames, f"no table with {column!r}"
    return frames[0]


def test_the_report_is_made_at_the_tap_and_not_by_a_rerun(new_app, app_env, made):
    group = list_groups(app_env)[0]
    learners = list_learners(app_env, group.id)
    held_class(app_env, group.id, [learners[0].id, learners[1].id], guests=1)
    at = open_reports(trainer_signs_in(new_app()))
    assert not at.exception
    assert "Lập báo cáo" in texts(at) and made == []
    assert [option for option in at.radio(key="report_preset").options][:3] == ["Tháng này", "Quý này", "Năm nay"]
    button_by_label(at, "Lập báo cáo").click().run()
    assert made == [1]
    by_team = table(at, "Tổ công nghệ số")
    total = by_team.iloc[-1]
    assert (total["Xã/phường"], total["Buổi học đã tổ chức"], total["Lượt người dự"], total["Người học"]) == (
        "Tổng cộng", 1, 3, 2)
    assert [button.label for button in at.get("download_button")] == [
        "📥 Tải Excel (XLSX)", "📥 Tải CSV theo tổ", "📥 Tải CSV theo xã"]
    at.run()  # a rerun (another widget, a reconnect) shows the same report without making it again
    assert made == [1] and table(at, "Tổ công nghệ số").iloc[-1]["Lượt người dự"] == 3
    at.radio(key="report_preset").set_value("Năm nay").run()
    assert made == [1] and "kỳ trước" in texts(at)
    button_by_label(at, "Lập báo cáo").click().run()
    assert made == [1, 1] and "kỳ trước" not in texts(at)


def test_the_report_covers_only_the_accounts_area(new_app, app_env, made):
    mine = list_groups(app_env)[0]
    other = create_group(app_env, "Thôn Khác")
    stranger = create_learner(app_env, other.id, "Người Khác", "1234")
    held_class(app_env, other.id, [stranger.id], guests=5)
    at = open_reports(trainer_signs_in(new_app()))
    button_by_label(at, "Lập báo cáo").click().run()
    total = table(at, "Tổ công nghệ số").iloc[-1]
    assert (total["Số nhóm"], total["Học viên đăng ký"], total["Buổi học đã tổ chức"]) == (
        1, len(list_learners(app_env, mine.id)), 0)


def test_a_commune_officer_sees_the_communes_teams(new_app, app_env, made):
    mine = list_groups(app_env)[0]
    outside = create_group(app_env, "Thôn Xã Khác")
    with app_env.begin() as session:
        province = Province(name="Tỉnh thử")  # the demo has Quảng Ngãi already
        session.add(province)
        session.flush()
        here, there = Commune(province_id=province.id, name="Ba Tơ"), Commune(province_id=province.id, name="Minh Long")
        session.add_all([here, there])
        session.flush()
        team, far = Team(commune_id=here.id, name="Tổ Bờ He"), Team(commune_id=there.id, name="Tổ Xa")
        session.add_all([team, far, Team(commune_id=here.id, name="Tổ Chưa Có Nhóm")])
        session.flush()
        session.execute(update(LearnerGroup).where(LearnerGroup.id == mine.id).values(team_id=team.id))
        session.execute(update(LearnerGroup).where(LearnerGroup.id == outside.id).values(team_id=far.id))
        commune_id = here.id
    officer = create_trainer(app_env, "canboxa", "Cán bộ xã", "matkhau-xa-2026", [])
    with app_env.begin() as session:
        session.execute(update(Trainer).where(Trainer.id == officer.id)
                        .values(role="commune_officer", commune_id=commune_id))
    at = open_reports(trainer_signs_in(new_app(), password="matkhau-xa-2026", username="canboxa"))
    assert "cả xã/phường (1 nhóm)" in texts(at)
    button_by_label(at, "Lập báo cáo").click().run()
    by_team = table(at, "Tổ công nghệ số")
    assert list(by_team["Tổ công nghệ số"]) == ["Tổ Bờ He", "Tổ Chưa Có Nhóm", ""]
    by_commune = next(frame.value for frame in at.dataframe if "Tổ công nghệ số" not in frame.value.columns)
    assert list(by_commune["Xã/phường"]) == ["Ba Tơ", "Tổng cộng"]
