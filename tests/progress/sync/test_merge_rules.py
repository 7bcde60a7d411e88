"""How incoming records find local ones, what is refused, and an apply that fails."""

import json

import pytest
from sqlalchemy import select

from progress.groups import create_group, list_groups
from progress.learners import create_learner, list_learners
from progress.models import Trainer
from progress.sync import merge
from progress.sync.collect import collect_payload
from progress.sync.merge import apply_payload
from progress.sync.tables import SyncAlias
from progress.trainers import create_trainer
from tests.progress.sync.village import counts, everything, make_village, send


def test_an_account_from_a_laptop_gets_no_role_and_changes_no_account_here(laptop, server):
    make_village(laptop)
    create_trainer(server, "lan.tv", "Chị Lan ở xã", "mat-khau-cua-xa-123", [], role="admin")
    with server() as session:
        before = session.scalar(select(Trainer.password_hash).where(Trainer.username == "lan.tv"))
    create_trainer(laptop, "nam.tv", "Anh Nam", "mat-khau-dai-du-123", [], role="admin")
    payload = collect_payload(laptop, since=None, group_ids=None, include_trainers=True)
    payload["kinds"]["trainers"] = [*payload["kinds"]["trainers"], *everything_trainers(laptop)]
    apply_payload(server, payload, origin_site_uid="laptop-uid", partner_last_import=None)
    with server() as session:
        rows = {t.username: t for t in session.scalars(select(Trainer))}
    assert rows["lan.tv"].password_hash == before and rows["lan.tv"].role == "admin"  # untouched
    assert rows["nam.tv"].role == "trainer"  # a laptop's admin is no admin at the commune


def test_the_servers_same_named_account_never_overwrites_one_made_on_the_laptop(laptop, server):
    """Both installations made a "tapsu" of their own (the demo): the server's file, which
    the laptop trusts for accounts, links them but changes neither password nor sessions
    here, now or on a later file, so the trainer on the laptop stays signed in."""
    create_trainer(laptop, "tapsu", "Tập huấn viên ở thôn", "mat-khau-o-thon-123", [])
    create_trainer(server, "tapsu", "Tập huấn viên ở xã", "mat-khau-o-xa-12345", [create_group(server, "Làng Rê").id])
    with laptop() as session:
        before = session.execute(select(Trainer.uid, Trainer.password_hash, Trainer.session_version)).one()
    for _ in range(2):
        payload = collect_payload(server, since=None, group_ids=None, include_trainers=True)
        summary = apply_payload(laptop, payload, origin_site_uid="server-uid", partner_last_import=None,
                                trust_accounts=True)
        assert summary.counts["trainers"].skipped == 1 and summary.counts["trainers"].added == 0
        with laptop() as session:
            assert session.execute(select(Trainer.uid, Trainer.password_hash, Trainer.session_version)).all() \
                == [before]
            assert session.scalars(select(SyncAlias.kind)).all() == ["trainers"]


def everything_trainers(db):
    from progress.sync import kinds
    from progress.sync.wire import to_wire

    with db() as session:
        return [{"uid": t.uid, **{f: to_wire(Trainer, f, getattr(t, f)) for f in kinds.TRAINERS.fields},
                 "team_uid": None, "commune_uid": None, "province_uid": None}
                for t in session.scalars(select(Trainer).where(Trainer.username == "nam.tv"))]


def test_a_record_whose_group_is_neither_here_nor_in_the_payload_is_skipped_with_a_reason(laptop, server):
    make_village(laptop)
    payload = everything(laptop)
    payload["kinds"]["groups"] = []
    summary = apply_payload(server, json.loads(json.dumps(payload)), origin_site_uid="x", partner_last_import=None)
    assert summary.counts["learners"].added == 0 and summary.counts["learners"].skipped == 3
    assert any("không tìm thấy nhóm mà nó thuộc về" in line for line in summary.skipped_reasons)


def test_a_recording_without_its_audio_is_skipped(laptop, server):
    make_village(laptop)
    payload = collect_payload(laptop, since=None, group_ids=None, include_trainers=True, include_audio=False)
    summary = apply_payload(server, payload, origin_site_uid="x", partner_last_import=None)
    assert summary.counts["recordings"].skipped == 1
    assert summary.skipped_reasons == ["Bản ghi âm bai-1/b1 (vi): thiếu tệp âm thanh"]


def test_an_apply_killed_halfway_leaves_nothing_applied(laptop, server, monkeypatch):
    make_village(laptop)
    send(laptop, server)
    from progress.learners import delete_learner

    delete_learner(laptop, next(i.id for i in list_learners(laptop, list_groups(laptop)[0].id)))
    create_learner(laptop, list_groups(laptop)[0].id, "Người mới", "1234")
    before = counts(server)

    def killed(*_args, **_kwargs):
        raise RuntimeError("the power went out")

    monkeypatch.setattr(merge, "merge_classes", killed)  # after deletions, learners, progress, attempts
    with pytest.raises(RuntimeError):
        send(laptop, server)
    assert counts(server) == before
    monkeypatch.undo()
    summary = send(laptop, server)
    assert summary.deleted == {"learner": 1} and summary.counts["learners"].added == 1


def test_only_what_changed_since_travels_with_what_it_references(laptop):
    from progress.models import utcnow
    from progress.tracking import save_step

    village = make_village(laptop)
    since = utcnow()
    save_step(laptop, village.learners[2].id, "bai-4", 1, 5.0)
    from progress.sync import collect

    # what was saved since: collect goes back OVERLAP before the time it is given
    payload = collect_payload(laptop, since=since + collect.OVERLAP, group_ids=None, include_trainers=False)
    rows = payload["kinds"]
    assert [p["lesson_id"] for p in rows["lesson_progress"]] == ["bai-4"]
    assert [learner["display_name"] for learner in rows["learners"]] == ["Vàng Thị Nga"]  # referenced
    assert [g["name"] for g in rows["groups"]] == ["Thôn Bờ He"] and len(rows["teams"]) == 1
    assert rows["quiz_attempts"] == [] and rows["class_sessions"] == []
