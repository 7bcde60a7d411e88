"""The dashboard's "❓ Câu hỏi khó" and "📈 Biểu đồ" (closed: nothing computed; open:
the numbers of progress/reports), and "Cần hỗ trợ" with its reasons in words."""

import datetime as dt
import json

from sqlalchemy import update

from progress.groups import create_group, list_groups
from progress.learners import create_learner, list_learners
from progress.models import LessonProgress
from progress.tracking import save_step
from tests.progress.reports.answers_data import answered
from tests.ui.flows import texts
from tests.ui.test_trainer_flow import trainer_signs_in


def _members(db):  # type: ignore[no-untyped-def]
    group = list_groups(db)[0]
    return group, {member.display_name: member.id for member in list_learners(db, group.id)}


def test_closed_sections_compute_nothing_and_open_ones_show_what_to_reteach(new_app, app_env, monkeypatch):
    group, people = _members(app_env)
    answered(app_env, people["Đinh Thị Hoa"], {"q-mot": "a", "q-hai": True})
    answered(app_env, people["Đinh Văn Lâm"], {"q-mot": "a", "q-hai": False})
    answered(app_env, people["Phạm Thị Nga"], {"q-mot": "b", "q-hai": False})
    calls = []
    import progress.reports.difficult_questions as report

    real = report.answer_counts
    monkeypatch.setattr(report, "answer_counts", lambda *args: calls.append(args) or real(*args))

    at = trainer_signs_in(new_app())
    assert not at.table and not at.get("vega_lite_chart") and calls == []

    at.session_state["reteach_open"] = True
    at.run()
    assert len(calls) == 1
    table = at.table[0].value
    assert list(table["Câu hỏi"]) == ["Có người hỏi mã OTP. Bác làm gì?", "Công an có thể hỏi mã OTP qua điện thoại."]
    assert list(table["Đúng"]) == ["33% (1/3)", "67% (2/3)"]
    # the option in words, without a number: each learner saw the options in their own order
    assert list(table["Chọn sai nhiều nhất"]) == ["Đọc mã cho họ (2)", "✅ Đúng (1)"]
    assert "**Dạy lại** bài «Bài mẫu», câu «Có người hỏi mã OTP. Bác làm gì?»: 33% trả lời đúng." in texts(at)
    assert "Nhiều người chọn **Đọc mã cho họ** (2 lần)." in texts(at)
    assert not at.radio  # one group: nothing to choose

    at.session_state["reteach_open"] = False
    at.run()
    assert not at.table and len(calls) == 1


def test_a_trainer_with_two_groups_sees_them_together(new_app, app_env):
    from progress.models import Trainer
    from progress.trainers import add_trainer_to_group

    group, people = _members(app_env)
    other = create_group(app_env, "Thôn Làng Rê")
    with app_env() as session:
        trainer_id = session.query(Trainer.id).filter_by(username="tapsu").scalar()
    add_trainer_to_group(app_env, trainer_id, other.id)
    tu = create_learner(app_env, other.id, "Tư", "1234")
    answered(app_env, people["Đinh Thị Hoa"], {"q-mot": "a"})
    answered(app_env, tu.id, {"q-mot": "b"})
    at = trainer_signs_in(new_app())
    at.session_state["reteach_open"] = True
    at.run()
    assert at.table[0].value["Đúng"][0] == "0% (0/1)"
    at.radio(key="reteach_area").set_value("Tất cả nhóm của tôi").run()
    assert at.table[0].value["Đúng"][0] == "50% (1/2)"


def test_the_charts_open_with_vietnamese_axes(new_app, app_env):
    _, people = _members(app_env)
    answered(app_env, people["Đinh Thị Hoa"], {"q-mot": "b"})
    at = trainer_signs_in(new_app())
    at.session_state["charts_open"] = True
    at.run()
    charts = at.get("vega_lite_chart")
    assert len(charts) == 1  # learners active this week; nobody finished a module, no class held
    spec = json.dumps(json.loads(charts[0].proto.spec), ensure_ascii=False)
    assert "Tuần (ngày thứ Hai)" in spec and "Số học viên" in spec
    assert "Chưa ai học xong phần nào." in texts(at)
    assert "Chưa có buổi học trên lớp nào trong 12 tháng qua." in texts(at)
    assert "Số học viên có học, theo tuần" in texts(at)


def test_who_needs_help_comes_with_the_reason_in_words(new_app, app_env):
    _, people = _members(app_env)
    save_step(app_env, people["Đinh Thị Hoa"], "bai-mau", 1, 20)
    nine_days_ago = dt.datetime.now(dt.UTC) - dt.timedelta(days=9, hours=1)
    with app_env.begin() as session:
        session.execute(update(LessonProgress).values(updated_at=nine_days_ago, started_at=nine_days_ago))
    at = trainer_signs_in(new_app())
    assert "Cần hỗ trợ: Đinh Thị Hoa — bỏ dở bài «Bài mẫu» đã 9 ngày" in [w.value for w in at.warning]
