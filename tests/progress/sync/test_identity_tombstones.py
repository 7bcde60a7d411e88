"""This installation's identity, and the deletion records every delete writes."""

import datetime as dt

from sqlalchemy import select

from progress.classes.by_hand import HandEntry, delete_by_hand, record_by_hand
from progress.groups import create_group, delete_empty_group
from progress.learners import create_learner, delete_learner
from progress.models import ClassSession, Learner, LearnerGroup, Recording
from progress.recordings import RecordingInfo, delete_recording, save_recording
from progress.scope import scope_of
from progress.sync.identity import rename_site, this_site
from progress.sync.tables import SyncDeletion
from progress.trainers import create_trainer


def _deletions(db):
    with db() as session:
        return {(row.kind, row.uid, row.origin_site_uid) for row in session.scalars(select(SyncDeletion))}


def test_the_site_is_created_once_and_keeps_its_uid_when_renamed(db):
    first = this_site(db)
    assert len(first.uid) == 36 and first.name
    assert this_site(db) == first
    renamed = rename_site(db, "  Laptop   thôn Bờ He ")
    assert renamed.uid == first.uid and renamed.name == "Laptop thôn Bờ He"
    assert this_site(db) == renamed


def test_deleting_a_learner_keeps_a_deletion_record_with_this_site(db):
    group = create_group(db, "Thôn Bờ He")
    learner = create_learner(db, group.id, "Hoa", "1234")
    with db() as session:
        uid = session.get(Learner, learner.id).uid
    assert delete_learner(db, learner.id)
    assert _deletions(db) == {("learner", uid, this_site(db).uid)}


def test_deleting_an_empty_group_keeps_a_deletion_record(db):
    group = create_group(db, "Thôn Bờ He")
    with db() as session:
        uid = session.get(LearnerGroup, group.id).uid
    delete_empty_group(db, group.id)
    assert {(kind, u) for kind, u, _ in _deletions(db)} == {("group", uid)}


def test_deleting_a_recording_keeps_a_deletion_record(db):
    info = RecordingInfo("bai-1", "b1", "vi", "v1", "rec-a.mp3", 1000, 4)
    save_recording(db, info, None, b"mp3!")
    with db() as session:
        uid = session.scalars(select(Recording.uid)).one()
    assert delete_recording(db, "bai-1", "b1", "vi") == 1
    assert {(kind, u) for kind, u, _ in _deletions(db)} == {("recording", uid)}


def test_deleting_a_class_entered_by_hand_keeps_a_deletion_record(db):
    group = create_group(db, "Thôn Bờ He")
    trainer = create_trainer(db, "lan", "Chị Lan", "mat-khau-dai-du-123", [group.id])
    scope = scope_of(db, trainer.id)
    entry = HandEntry(group.id, dt.date(2026, 3, 2), None, "Nhà văn hoá", ("bai-1",), (), 3, "", (trainer.id,))
    class_id = record_by_hand(db, scope, entry, {"bai-1"}, now=dt.datetime(2026, 3, 3, tzinfo=dt.UTC))
    with db() as session:
        uid = session.get(ClassSession, class_id).uid
    delete_by_hand(db, scope, class_id)
    assert {(kind, u) for kind, u, _ in _deletions(db)} == {("class_held", uid)}
