"""Two laptops changed the same records: the newer change wins and the conflict is
named; the same learner's progress on two laptops is merged, not replaced."""

from sqlalchemy import select

from progress.learners import list_learners, update_learner
from progress.models import LessonProgress, utcnow
from progress.sync.tables import SyncAlias
from progress.tracking import save_step
from tests.progress.sync.village import content_hash, make_village, send


def _shared(laptop, server, other_laptop):
    """The village on the laptop, sent to the server, and from there to a second laptop."""
    village = make_village(laptop)
    send(laptop, server)
    send(server, other_laptop, origin="server-uid")
    return village


def _names(db, group_id):
    return sorted(learner.display_name for learner in list_learners(db, group_id))


def _group_id(db):
    from progress.groups import list_groups

    return list_groups(db)[0].id


def _learner(db, name):
    return next(i for i in list_learners(db, _group_id(db)) if i.display_name == name)


def test_both_laptops_changed_a_learner_the_newer_wins_and_the_conflict_is_named(laptop, server, other_laptop):
    village = _shared(laptop, server, other_laptop)
    exchanged = utcnow()
    hoa_there = _learner(other_laptop, "Đinh Thị Hoa")
    update_learner(laptop, village.learners[0].id, "Đinh Thị Hoa (A)")
    update_learner(other_laptop, hoa_there.id, "Đinh Thị Hoa (B)")  # later: it wins

    from_a = send(laptop, server, last_import=exchanged)
    assert from_a.counts["learners"].updated == 1 and from_a.conflicts == []  # the server had not changed it
    from_b = send(other_laptop, server, origin="other-uid", last_import=exchanged, origin_name="Laptop thôn Nà Sán")
    assert from_b.counts["learners"].updated == 1 and from_b.counts["learners"].conflicts == 1
    assert from_b.conflicts == [
        "Học viên Đinh Thị Hoa (B) (nhóm Thôn Bờ He): giữ bản mới hơn từ máy Laptop thôn Nà Sán"]
    assert "Đinh Thị Hoa (B)" in _names(server, _group_id(server))

    back = send(server, laptop, origin="server-uid", last_import=exchanged)
    assert back.counts["learners"].conflicts == 1  # the laptop had changed it too: its older change gives way
    assert "Đinh Thị Hoa (B)" in _names(laptop, village.group_id)
    assert content_hash(laptop) == content_hash(server)


def test_an_older_change_from_the_other_side_does_not_replace_a_newer_one_here(laptop, server, other_laptop):
    _shared(laptop, server, other_laptop)
    exchanged = utcnow()
    hoa_there = _learner(other_laptop, "Đinh Thị Hoa")
    update_learner(other_laptop, hoa_there.id, "Hoa cũ hơn")
    hoa_server = _learner(server, "Đinh Thị Hoa")
    update_learner(server, hoa_server.id, "Hoa mới hơn")
    summary = send(other_laptop, server, origin="other-uid", last_import=exchanged, origin_name="Laptop B")
    assert summary.counts["learners"].updated == 0
    assert summary.conflicts == ["Học viên Hoa mới hơn (nhóm Thôn Bờ He): giữ bản mới hơn ở máy này"]
    assert "Hoa mới hơn" in _names(server, _group_id(server))


def test_a_change_made_only_on_one_side_is_no_conflict(laptop, server, other_laptop):
    village = _shared(laptop, server, other_laptop)
    exchanged = utcnow()
    update_learner(laptop, village.learners[1].id, "Lò Văn Lâm (con)")
    summary = send(laptop, server, last_import=exchanged)
    assert summary.counts["learners"].updated == 1 and summary.conflicts == []


def test_the_same_learner_s_progress_on_two_laptops_is_merged(laptop, server, other_laptop):
    village = _shared(laptop, server, other_laptop)
    hoa_here = village.learners[0].id
    hoa_there = _learner(other_laptop, "Đinh Thị Hoa")
    save_step(laptop, hoa_here, "bai-2", 7, 30.0)  # further on this laptop
    save_step(other_laptop, hoa_there.id, "bai-2", 2, 50.0, finished=True)  # done on the other, more time
    save_step(laptop, hoa_here, "bai-1", 9, 10.0)  # a lesson both already had: only this laptop moved on

    send(laptop, server)
    send(other_laptop, server, origin="other-uid")
    with server() as session:
        rows = {row.lesson_id: row for row in session.scalars(select(LessonProgress).where(
            LessonProgress.learner_id.in_([i.id for i in list_learners(server, _group_id(server))
                                           if i.display_name == "Đinh Thị Hoa"])))}
        aliases = session.scalars(select(SyncAlias).where(SyncAlias.kind == "lesson_progress")).all()
    assert (rows["bai-2"].current_step, rows["bai-2"].steps_done, rows["bai-2"].seconds_spent) == (7, True, 50)
    assert rows["bai-1"].current_step == 9
    assert len(aliases) == 1  # the second laptop's own bai-2 row found the server's by (learner, lesson)

    send(server, laptop, origin="server-uid")
    send(server, other_laptop, origin="server-uid")
    assert content_hash(laptop) == content_hash(server) == content_hash(other_laptop)
    assert not send(other_laptop, server, origin="other-uid").changed_anything
