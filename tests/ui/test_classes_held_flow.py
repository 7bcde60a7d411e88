"""The page "Buổi học đã tổ chức": the list (classes from class mode appear by
themselves), a class held without the app entered by tapping names, corrected and
deleted; an officer reads only; a group or class outside the account's area is refused,
also from the address. On SQLite, and on PostgreSQL when TEST_DATABASE_URL is set."""

from __future__ import annotations

import datetime as dt

import pytest
import streamlit as st
from sqlalchemy import select
from streamlit.testing.v1 import AppTest

from progress.classes.attendance import join_as_guest, join_as_learner
from progress.classes.by_hand import HandEntry, record_by_hand
from progress.classes.running import end_class, start_class
from progress.database import connect
from progress.demo import seed_demo
from progress.groups import create_group, list_groups
from progress.learners import create_learner, list_learners
from progress.models import ClassParticipant, ClassSession, Commune, LearnerGroup, Province, Team, Trainer
from progress.scope import scope_of
from progress.trainers import create_trainer
from tests.conftest import FIXTURE_CONTENT
from tests.ui.flows import button_by_label, texts
from tests.ui.test_trainer_flow import trainer_signs_in

PAGE = "ui/trainer/classes_held.py"
APP = "app.py"


@pytest.fixture
def app_db(database_url, monkeypatch):  # type: ignore[no-untyped-def]
    db = connect(database_url)
    seed_demo(db)
    monkeypatch.setenv("BDHVS_DATABASE__URL", database_url)
    monkeypatch.setenv("BDHVS_CONTENT__LESSONS_DIR", str(FIXTURE_CONTENT / "lessons"))
    monkeypatch.setenv("BDHVS_CONTENT__QUIZZES_DIR", str(FIXTURE_CONTENT / "quizzes"))
    monkeypatch.setenv("BDHVS_AUTH__SECRET_KEY", "apptest-secret")
    monkeypatch.setenv("BDHVS_AUTH__DEMO_MUST_CHANGE_PASSWORD", "false")  # as tests/ui/conftest.py
    monkeypatch.setenv("BDHVS_SERVER__HOST", "127.0.0.1")
    st.cache_resource.clear()
    yield db
    st.cache_resource.clear()
    db.kw["bind"].dispose()


def demo(db):  # type: ignore[no-untyped-def]
    group = list_groups(db)[0]
    learners = {learner.display_name: learner for learner in list_learners(db, group.id)}
    with db() as session:
        trainer_id = session.scalar(select(Trainer.id).where(Trainer.username == "tapsu"))
    return group, learners, trainer_id


def open_page(username: str = "tapsu", password: str = "hocvuso2025", **params: str) -> AppTest:
    from settings import PROJECT_ROOT

    at = trainer_signs_in(AppTest.from_file(str(PROJECT_ROOT / APP), default_timeout=30),
                          username=username, password=password)
    for name, value in params.items():
        at.query_params[name] = value
    return at.switch_page(PAGE).run()


def hand_class(db, group_id, learner_ids, trainer_id, notes="Học ở sân nhà văn hóa."):  # type: ignore[no-untyped-def]
    entry = HandEntry(group_id, dt.date(2026, 1, 10), dt.time(8, 0), "Sân nhà văn hóa", ("bai-mau",),
                      tuple(learner_ids), 2, notes, (trainer_id,))
    return record_by_hand(db, scope_of(db, trainer_id), entry, {"bai-mau"})


def test_the_list_shows_classes_from_class_mode_and_by_hand(app_db):  # type: ignore[no-untyped-def]
    group, learners, trainer_id = demo(app_db)
    started = start_class(app_db, trainer_id, group.id, ["bai-mau"], place="Nhà văn hóa thôn Bờ He")
    join_as_learner(app_db, started.class_id, learners["Đinh Thị Hoa"].id)
    join_as_guest(app_db, started.class_id)
    end_class(app_db, started.class_id)
    hand = hand_class(app_db, group.id, [learners["Phạm Thị Nga"].id, learners["Hồ Văn Quý"].id], trainer_id)

    at = open_page()
    at.date_input(key="held_from").set_value(dt.date(2026, 1, 1)).run()
    assert not at.exception
    table = at.dataframe[0].value
    assert list(table["Cách ghi"]) == ["🖥️ ứng dụng", "✍️ ghi tay"]
    assert list(table["Học viên"]) == [1, 2] and list(table["Khách"]) == [1, 2]
    assert list(table["Tổng số người"]) == [2, 4] and list(table["Số bài"]) == [1, 1]
    assert [m.value for m in at.metric] == ["2", "6", "3"]
    at.selectbox(key="held_pick").set_value(hand).run()
    page = texts(at)
    assert "ghi tay" in page and "Học ở sân nhà văn hóa." in [t.value for t in at.text]
    assert "4 người: 2 học viên, 2 người chưa có tài khoản" in page
    assert str(hand) in at.query_params["buoi"], "the class opened is in the address"


def test_a_class_without_the_app_is_entered_by_tapping_names(app_db):  # type: ignore[no-untyped-def]
    group, learners, trainer_id = demo(app_db)
    at = open_page()
    hoa, nga = learners["Đinh Thị Hoa"].id, learners["Phạm Thị Nga"].id
    at.button(key=f"hand_new_learner_{hoa}").click().run()
    at.button(key=f"hand_new_learner_{nga}").click().run()
    at.button(key=f"hand_new_learner_{nga}").click().run()  # a second tap takes her off again
    assert "đã chọn 1 / 4" in texts(at)
    at.button(key="hand_new_save").click().run()
    assert "ít nhất một bài" in texts(at), "a plain message, nothing stored"
    at.multiselect(key="hand_new_lessons").set_value(["bai-mau"]).run()
    at.text_input(key="hand_new_place").input("Nhà ông trưởng thôn").run()
    at.number_input(key="hand_new_extra").set_value(5).run()
    at.text_area(key="hand_new_notes").input("Học bằng điện thoại của bà con.").run()
    at.button(key="hand_new_save").click().run()
    assert not at.exception
    with app_db() as session:
        row = session.scalar(select(ClassSession))
        people = session.scalars(select(ClassParticipant.learner_id).where(ClassParticipant.class_id == row.id)).all()
    assert (row.ended_by, row.place, row.extra_guests, row.lesson_ids) == ("hand", "Nhà ông trưởng thôn", 5, "bai-mau")
    assert people == [hoa] and row.notes == "Học bằng điện thoại của bà con."
    page = texts(at)
    assert "Đã lưu buổi học ngày" in page and "6 người: 1 học viên, 5 người chưa có tài khoản" in page


def test_a_class_entered_by_hand_is_corrected_then_deleted(app_db):  # type: ignore[no-untyped-def]
    group, learners, trainer_id = demo(app_db)
    hoa, lam = learners["Đinh Thị Hoa"].id, learners["Đinh Văn Lâm"].id
    class_id = hand_class(app_db, group.id, [hoa], trainer_id)
    at = open_page(buoi=str(class_id))
    assert "✏️ Sửa buổi học này" in [e.label for e in at.expander][0]
    at.button(key=f"hand_{class_id}_learner_{lam}").click().run()
    at.text_area(key=f"hand_{class_id}_notes").input("Thêm anh Lâm đến muộn.").run()
    at.button(key=f"hand_{class_id}_save").click().run()
    assert not at.exception and "Đã lưu buổi học" in texts(at)
    with app_db() as session:
        assert session.get(ClassSession, class_id).notes == "Thêm anh Lâm đến muộn."
        people = session.scalars(select(ClassParticipant.learner_id).where(ClassParticipant.class_id == class_id))
        assert sorted(people) == sorted([hoa, lam])
    at.button(key="held_delete").click().run()
    assert "Đã xoá buổi học ghi nhầm." in texts(at)
    with app_db() as session:
        assert session.get(ClassSession, class_id) is None


def test_a_class_run_in_the_app_has_no_edit_or_delete(app_db):  # type: ignore[no-untyped-def]
    group, _, trainer_id = demo(app_db)
    started = start_class(app_db, trainer_id, group.id, ["bai-mau"])
    end_class(app_db, started.class_id)
    at = open_page(buoi=str(started.class_id))
    assert "Bài mẫu" in texts(at) and not at.expander and not [b for b in at.button if b.key == "held_delete"]


def test_an_officer_reads_the_list_but_has_no_form(app_db):  # type: ignore[no-untyped-def]
    group, learners, trainer_id = demo(app_db)
    class_id = hand_class(app_db, group.id, [learners["Đinh Thị Hoa"].id], trainer_id)
    create_trainer(app_db, "can.bo.xa", "Cán bộ xã", "mat-khau-dai-9", [])
    with app_db.begin() as session:
        province = Province(name="Tỉnh thử")  # the demo already has Quảng Ngãi
        session.add(province)
        session.flush()
        commune = Commune(province_id=province.id, name="Xã Ba Tơ")
        session.add(commune)
        session.flush()
        team = Team(commune_id=commune.id, name="Tổ công nghệ số thôn Bờ He")
        session.add(team)
        session.flush()
        session.get(LearnerGroup, group.id).team_id = team.id
        officer = session.scalar(select(Trainer).where(Trainer.username == "can.bo.xa"))
        officer.role, officer.commune_id = "commune_officer", commune.id
    at = open_page("can.bo.xa", "mat-khau-dai-9")
    at.date_input(key="held_from").set_value(dt.date(2026, 1, 1)).run()
    assert not at.exception
    assert any("Cả tổ: Tổ công nghệ số thôn Bờ He" in option for option in at.selectbox(key="held_area").options)
    assert len(at.dataframe[0].value) == 1
    assert not [b for b in at.button if b.key and b.key.startswith("hand_")]
    assert "chỉ được xem" in texts(at) and not at.expander
    at = open_page("can.bo.xa", "mat-khau-dai-9", buoi=str(class_id))
    assert "Sân nhà văn hóa" in texts(at) and not at.expander, "the record, without edit or delete"


def test_a_group_or_class_outside_the_area_is_refused_from_the_address(app_db):  # type: ignore[no-untyped-def]
    _, _, trainer_id = demo(app_db)
    other = create_group(app_db, "Thôn Khác")
    stranger = create_learner(app_db, other.id, "Út", "1234")
    helper = create_trainer(app_db, "khac.tv", "Chị Khác", "mat-khau-dai-2", [other.id])
    theirs = hand_class(app_db, other.id, [stranger.id], helper.id)
    at = open_page(nhom=str(other.id))
    assert "không thuộc phạm vi" in texts(at) and not at.dataframe and not at.exception
    at = open_page(buoi=str(theirs))
    assert "không thuộc phạm vi" in texts(at) and "Út" not in texts(at) and "Sân nhà văn hóa" not in texts(at)
    at = open_page(nhom="abc")
    assert "không thuộc phạm vi" in texts(at) and not at.exception
    assert trainer_id
    button_by_label(open_page(), "Lưu buổi học")  # its own page still offers the form
