"""Times a person reads — in a message, a conflict line or a file's name — are in
Vietnam time (UTC+7), like every other time in the app: a bundle made at 20:30 UTC
on 1 March was made at 03:30 on 2 March in the village."""

import datetime as dt

from progress.groups import create_group
from progress.models import ClassSession
from progress.sync import exchange
from progress.sync.exchange import export_for_server, import_bundle
from progress.sync.merge_classes import _class_line
from progress.sync.merge_context import MergeContext
from progress.sync.summary import SyncSummary
from tests.progress.sync.sync_sites import register, teach

EVENING_UTC = dt.datetime(2026, 3, 1, 20, 30, tzinfo=dt.UTC)  # 03:30 on 2 March in Vietnam


def test_a_bundle_s_file_name_and_the_already_received_message_are_in_vietnam_time(db, laptop, monkeypatch):
    commune = register(db, laptop)
    teach(commune.laptop)
    monkeypatch.setattr(exchange, "utcnow", lambda: EVENING_UTC)
    made = export_for_server(commune.laptop)
    assert made.file_name.startswith("du-lieu-20260302-0330-")
    import_bundle(commune.server, made.data)
    again = import_bundle(commune.server, made.data)
    assert again.message == "Tệp này đã được nhận ngày 02/03/2026 lúc 03:30, không thêm gì nữa."


def test_a_class_in_a_conflict_line_is_named_by_its_day_in_vietnam(db):
    group = create_group(db, "Thôn Bờ He")
    with db() as session:
        ctx = MergeContext(session, SyncSummary(), "máy Laptop thôn Gò", None, False)
        early = ClassSession(group_id=group.id, started_at=dt.datetime(2026, 3, 1, 23, 30, tzinfo=dt.UTC))
        assert _class_line(ctx, early) == "Buổi học nhóm Thôn Bờ He ngày 02/03/2026"
