"""A laptop drops the deletion records of review questions learnt once the commune
server has confirmed it holds them (they would otherwise grow by one per question
learnt, and a full export would send them all); the server keeps its own, and every
other kind of deletion record is kept forever."""

import datetime as dt

from sqlalchemy import select

from progress.models import utcnow
from progress.sync import tombstones
from progress.sync.exchange import export_for_laptop, export_for_server, import_bundle
from progress.sync.partners import note_acked, server_partner
from progress.sync.tables import SyncDeletion
from tests.progress.sync.sync_sites import register, teach


def _kept(db):
    with db() as session:
        return sorted((kind, uid) for kind, uid in session.execute(select(SyncDeletion.kind, SyncDeletion.uid)))


def _delete(db, kind, uid, deleted_at):
    with db.begin() as session:
        tombstones.record_deletion(session, kind, uid, deleted_at=deleted_at)


def test_a_laptop_forgets_review_deletions_the_server_confirmed_and_keeps_the_rest(db, laptop):
    commune = register(db, laptop)
    teach(commune.laptop)
    an_hour_ago = utcnow() - dt.timedelta(hours=1)
    _delete(laptop, tombstones.REVIEW_ITEM, "review-learnt-an-hour-ago", an_hour_ago)
    _delete(laptop, tombstones.LEARNER, "learner-deleted-an-hour-ago", an_hour_ago)
    _delete(laptop, tombstones.REVIEW_ITEM, "review-learnt-just-now", utcnow())  # within the export's overlap
    everything = _kept(laptop)

    import_bundle(commune.server, export_for_server(commune.laptop).data)
    assert _kept(commune.laptop) == everything  # the server has not said so yet
    import_bundle(commune.laptop, export_for_laptop(commune.server, commune.laptop_uid).data)
    assert _kept(commune.laptop) == [(tombstones.LEARNER, "learner-deleted-an-hour-ago"),
                                     (tombstones.REVIEW_ITEM, "review-learnt-just-now")]
    assert set(everything) <= set(_kept(commune.server))  # the server keeps its own

    # the answer to a push carries the mark too
    server = server_partner(commune.laptop)
    note_acked(commune.laptop, server.uid, (utcnow() + dt.timedelta(hours=1)).isoformat())
    assert _kept(commune.laptop) == [(tombstones.LEARNER, "learner-deleted-an-hour-ago")]
    assert set(everything) <= set(_kept(commune.server))


def test_no_mark_from_the_server_forgets_nothing(db, laptop):
    commune = register(db, laptop)
    _delete(laptop, tombstones.REVIEW_ITEM, "review-learnt", utcnow() - dt.timedelta(days=30))
    note_acked(commune.laptop, server_partner(commune.laptop).uid, None)  # a restored server holds nothing
    assert _kept(commune.laptop) == [(tombstones.REVIEW_ITEM, "review-learnt")]
