"""A deletion record travels: the row goes on the other side too and never comes back."""

from sqlalchemy import select

from progress.groups import create_group, delete_empty_group, list_groups
from progress.learners import delete_learner, list_learners
from progress.models import LessonProgress, QuizAttempt
from progress.recordings import all_recordings, delete_recording
from progress.sync.tables import SyncDeletion
from progress.tracking import save_step
from tests.progress.sync.village import content_hash, counts, make_village, send


def _names(db):
    return sorted(i.display_name for g in list_groups(db) for i in list_learners(db, g.id))


def _id_of(db, name):
    return next(i.id for g in list_groups(db) for i in list_learners(db, g.id) if i.display_name == name)


def test_a_learner_deleted_on_one_laptop_stays_deleted_after_both_exchanges(laptop, server, other_laptop):
    make_village(laptop)
    send(laptop, server)
    send(server, other_laptop, origin="server-uid")
    assert delete_learner(laptop, _id_of(laptop, "Lò Văn Lâm"))
    save_step(other_laptop, _id_of(other_laptop, "Lò Văn Lâm"), "bai-3", 4, 20.0)  # the other laptop still teaches him

    first = send(laptop, server)
    assert first.deleted == {"learner": 1}
    assert "Lò Văn Lâm" not in _names(server)
    from_other = send(other_laptop, server, origin="other-uid")
    assert "Lò Văn Lâm" not in _names(server)  # his rows from the other laptop are not added back
    assert from_other.counts["learners"].added == 0 and from_other.counts["lesson_progress"].added == 0

    to_other = send(server, other_laptop, origin="server-uid")
    assert to_other.deleted == {"learner": 1}
    assert "Lò Văn Lâm" not in _names(other_laptop)
    again = send(other_laptop, server, origin="other-uid")
    assert not again.changed_anything
    send(server, laptop, origin="server-uid")
    assert _names(laptop) == _names(server) == _names(other_laptop) == ["Vàng Thị Nga", "Đinh Thị Hoa"]
    assert content_hash(laptop) == content_hash(server) == content_hash(other_laptop)
    with server() as session:
        assert session.scalars(select(SyncDeletion.kind)).all() == ["learner"]


def test_a_deleted_learner_s_attempts_and_progress_go_with_them(laptop, server):
    make_village(laptop)
    send(laptop, server)
    delete_learner(laptop, _id_of(laptop, "Đinh Thị Hoa"))
    send(laptop, server)
    with server() as session:
        assert len(session.scalars(select(QuizAttempt)).all()) == 1  # Lâm's only
        assert len(session.scalars(select(LessonProgress)).all()) == 1


def test_a_deleted_recording_and_an_empty_group_are_deleted_on_the_other_side(laptop, server):
    make_village(laptop)
    spare = create_group(laptop, "Nhóm thử")
    send(laptop, server)
    assert len(all_recordings(server)) == 1 and "Nhóm thử" in [g.name for g in list_groups(server)]
    delete_recording(laptop, "bai-1", "b1", "vi")
    delete_empty_group(laptop, spare.id)
    summary = send(laptop, server)
    assert summary.deleted == {"recording": 1, "group": 1}
    assert all_recordings(server) == [] and "Nhóm thử" not in [g.name for g in list_groups(server)]
    assert counts(server) == counts(laptop)


def test_a_group_still_in_use_here_is_not_deleted(laptop, server):
    make_village(laptop)
    spare = create_group(laptop, "Nhóm thử")
    send(laptop, server)
    from progress.learners import create_learner

    server_spare = next(g.id for g in list_groups(server) if g.name == "Nhóm thử")
    create_learner(server, server_spare, "Người mới ở xã", "1234")
    delete_empty_group(laptop, spare.id)
    summary = send(laptop, server)
    assert summary.deleted == {}
    assert summary.skipped_reasons == ["Nhóm Nhóm thử: còn học viên hoặc buổi học ở máy này nên chưa xoá"]
    assert "Nhóm thử" in [g.name for g in list_groups(server)]
