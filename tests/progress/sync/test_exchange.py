"""Bundles by file between a village laptop (SQLite) and its commune server (SQLite, then
PostgreSQL): the round trip, a second import that adds nothing, the server's
confirmation moving the laptop's next export, and refused files that change nothing."""

import pytest

from progress.database import connect, upgrade_to_head
from progress.groups import create_group, list_groups
from progress.learners import create_learner
from progress.sync import bundle_file
from progress.sync.bundle_file import BundleRefused
from progress.sync.exchange import export_for_laptop, export_for_server, history, import_bundle
from progress.sync.identity import this_site
from progress.sync.partners import PartnerError, join_server, list_laptops, register_laptop, revoke, server_partner
from tests.progress.sync.sync_sites import GROUP, learner_names, register, row_counts, teach


@pytest.fixture
def commune(db, laptop):
    return register(db, laptop)


def test_laptop_to_server_to_laptop(commune, tmp_path):
    import_bundle(commune.laptop, export_for_laptop(commune.server, commune.laptop_uid).data)  # its group
    teach(commune.laptop)
    sent = export_for_server(commune.laptop, by_account="tapsu")
    assert sent.file_name.endswith(".bdhvs") and sent.counts["learners"] == 2
    result = import_bundle(commune.server, sent.data, by_account="quantri")
    assert not result.already_received
    assert learner_names(commune.server) == ["Lò Văn Lâm", "Đinh Thị Hoa"]
    assert list_laptops(commune.server)[0].last_import_at is not None

    # a second laptop of the same group starts empty and gets the class from the server
    other_url = f"sqlite:///{tmp_path / 'other.db'}"
    upgrade_to_head(other_url)
    other = connect(other_url)
    registration = register_laptop(commune.server, this_site(other).uid, "Laptop 2", commune.commune_id,
                                   [commune.group_id])
    join_server(other, registration)
    back = export_for_laptop(commune.server, this_site(other).uid)
    import_bundle(other, back.data)
    assert learner_names(other) == learner_names(commune.server)

    # the first laptop hears how far the server holds its data: its next export starts there
    import_bundle(commune.laptop, export_for_laptop(commune.server, commune.laptop_uid).data)
    assert server_partner(commune.laptop).acked_until is not None
    assert export_for_server(commune.laptop).header["since"] == sent.header["until"]
    assert export_for_server(commune.laptop, everything=True).header["since"] is None
    other.kw["bind"].dispose()


def test_a_group_the_laptop_made_itself_stays_apart_from_the_server_s_of_the_same_name(commune):
    # groups never match by name: two villages may each call theirs "Thôn Bờ He", and one
    # group would make their learners of the same name one person
    teach(commune.laptop)  # before taking the server's group: a group of its own
    result = import_bundle(commune.server, export_for_server(commune.laptop).data)
    assert sorted(g.name for g in list_groups(commune.server)) == ["Thôn Bờ He", "Thôn Bờ He (Laptop thôn Bờ He)"]
    assert result.summary.notes == ["Nhóm “Thôn Bờ He” từ máy “Laptop thôn Bờ He” trùng tên một nhóm ở đây: "
                                    "lưu thành “Thôn Bờ He (Laptop thôn Bờ He)”."]
    assert result.summary.notes[0] in result.summary.lines()
    assert [row.summary.notes for row in history(commune.server) if row.direction == "import"] == [result.summary.notes]


def test_a_bundle_imported_twice_adds_nothing_the_second_time(commune):
    teach(commune.laptop)
    data = export_for_server(commune.laptop).data
    import_bundle(commune.server, data)
    before = row_counts(commune.server)
    again = import_bundle(commune.server, data)
    assert again.already_received and again.message.startswith("Tệp này đã được nhận ngày")
    assert row_counts(commune.server) == before


def test_a_learner_renamed_after_the_first_exchange_is_updated_by_the_next(commune):
    from progress.learners import list_learners, update_learner

    teach(commune.laptop)
    import_bundle(commune.server, export_for_server(commune.laptop).data)
    [group] = list_groups(commune.laptop)
    hoa = next(info for info in list_learners(commune.laptop, group.id) if info.display_name == "Đinh Thị Hoa")
    update_learner(commune.laptop, hoa.id, display_name="Đinh Thị Hoà")
    second = import_bundle(commune.server, export_for_server(commune.laptop).data)
    assert second.summary.counts["learners"].updated == 1
    assert learner_names(commune.server) == ["Lò Văn Lâm", "Đinh Thị Hoà"]


def refused_without_change(db, data: bytes) -> BundleRefused:
    before = row_counts(db)
    with pytest.raises(BundleRefused) as refused:
        import_bundle(db, data, by_account="quantri")
    assert row_counts(db) == before
    assert history(db)[0].outcome == "refused" and history(db)[0].message == refused.value.message
    return refused.value


def test_a_tampered_byte_or_a_cut_file_changes_nothing(commune):
    teach(commune.laptop)
    data = export_for_server(commune.laptop).data
    flipped = bytearray(data)
    flipped[len(data) // 2 + 40] ^= 0x20
    assert refused_without_change(commune.server, bytes(flipped)).reason == bundle_file.TAMPERED
    assert refused_without_change(commune.server, data[: len(data) - 10]).reason == bundle_file.CUT_SHORT
    assert learner_names(commune.server) == []


def test_an_unregistered_or_revoked_laptop_changes_nothing(commune, tmp_path):
    teach(commune.laptop)
    data = export_for_server(commune.laptop).data
    revoke(commune.server, commune.laptop_uid)
    assert refused_without_change(commune.server, data).reason == bundle_file.NOT_REGISTERED
    # another commune's server never registered this laptop
    url = f"sqlite:///{tmp_path / 'elsewhere.db'}"
    upgrade_to_head(url)
    elsewhere = connect(url)
    this_site(elsewhere)  # its own id, made on first use
    assert refused_without_change(elsewhere, data).reason == bundle_file.NOT_REGISTERED
    elsewhere.kw["bind"].dispose()


def test_a_bundle_for_another_commune_changes_nothing(commune):
    """Signed with the laptop's own key, but naming another commune: refused."""
    teach(commune.laptop)
    made = export_for_server(commune.laptop)
    fields = {name: value for name, value in made.header.items()
              if name not in ("format", "counts", "payload_bytes", "payload_sha256", "signature")}
    fields["commune_uid"] = "55555555-5555-4555-8555-555555555555"
    payload = bundle_file.read_bundle(made.data, lambda uid: bundle_file.Sender(server_partner(commune.laptop).key,
                                                                                 None),
                                      this_site_uid=made.header["to_site_uid"], schema=made.header["schema"],
                                      max_bytes=10**8).payload
    foreign = bundle_file.write_bundle(fields, payload, server_partner(commune.laptop).key)
    assert refused_without_change(commune.server, foreign).reason == bundle_file.OTHER_COMMUNE


def test_an_older_schema_changes_nothing(commune, monkeypatch):
    teach(commune.laptop)
    monkeypatch.setattr("progress.sync.exchange.schema_revision", lambda: "0011")
    data = export_for_server(commune.laptop).data
    monkeypatch.undo()
    refused = refused_without_change(commune.server, data)
    assert refused.reason == bundle_file.OTHER_SCHEMA and "0011" in refused.message


def test_export_needs_a_registration(laptop):
    with pytest.raises(PartnerError, match="chưa được đăng ký"):
        export_for_server(laptop)


def test_a_registration_for_another_laptop_is_refused(commune, tmp_path):
    url = f"sqlite:///{tmp_path / 'third.db'}"
    upgrade_to_head(url)
    third = connect(url)
    with pytest.raises(PartnerError, match="dành cho máy khác"):
        join_server(third, commune.registration)
    assert server_partner(third) is None
    third.kw["bind"].dispose()


def test_the_server_sends_only_the_groups_assigned_to_the_laptop(commune):
    create_learner(commune.server, commune.group_id, "Hà Thị Mai", "1234")
    elsewhere = create_group(commune.server, "Thôn khác")
    create_learner(commune.server, elsewhere.id, "Người thôn khác", "1234")
    import_bundle(commune.laptop, export_for_laptop(commune.server, commune.laptop_uid).data)
    assert learner_names(commune.laptop) == ["Hà Thị Mai"]
    assert [g.name for g in list_groups(commune.laptop)] == [GROUP]


def test_a_server_that_lost_a_bundle_makes_the_laptop_send_from_where_it_holds_data(commune):
    """The server restored from an older backup no longer holds the laptop's first bundle:
    the next bundle (starting later) does not move its mark, it tells the laptop so, and
    the laptop's next export starts from the beginning again, filling the gap."""
    from sqlalchemy import update

    from progress.sync.tables import SyncPartner

    teach(commune.laptop)
    first = export_for_server(commune.laptop)
    import_bundle(commune.server, first.data)
    import_bundle(commune.laptop, export_for_laptop(commune.server, commune.laptop_uid).data)
    assert export_for_server(commune.laptop).header["since"] == first.header["until"]

    with commune.server.begin() as session:  # the restore: the server's mark as before the first bundle
        session.execute(update(SyncPartner).where(SyncPartner.uid == commune.laptop_uid).values(acked_until=None))
    later = export_for_server(commune.laptop)
    assert import_bundle(commune.server, later.data).acked_until is None  # a gap before it: the mark stays
    import_bundle(commune.laptop, export_for_laptop(commune.server, commune.laptop_uid).data)
    assert export_for_server(commune.laptop).header["since"] is None


def test_an_import_that_fails_after_the_merge_leaves_nothing_behind(commune, monkeypatch):
    """The merge, the bundle's receipt and its history line are one transaction: a failure
    at the last step (the history line) undoes the merged rows too, and the same file
    can be imported again afterwards."""
    from progress.sync import exchange

    teach(commune.laptop)
    data = export_for_server(commune.laptop).data
    before = row_counts(commune.server)

    def power_cut(session, **fields):
        raise RuntimeError("power cut")

    monkeypatch.setattr(exchange, "record_history", power_cut)
    with pytest.raises(RuntimeError):
        import_bundle(commune.server, data)
    assert row_counts(commune.server) == before
    monkeypatch.undo()
    assert not import_bundle(commune.server, data).already_received
    assert learner_names(commune.server) == ["Lò Văn Lâm", "Đinh Thị Hoa"]
