"""Groups never match by name across installations: two villages may each call their
group "Nhóm 1" (or both keep the demo group "Thôn Bờ He"), and if the commune server
made them one group, their learners of the same name would then become one person
(learners match by name inside their group). A group whose name another group here
already has is stored as "<name> (<sending installation>)", and the summary says so."""

from sqlalchemy import select

from progress.demo import DEMO_GROUP, seed_demo
from progress.groups import create_group, list_groups
from progress.learners import create_learner, list_learners
from progress.models import LearnerGroup
from progress.names import MAX_NAME_LENGTH
from progress.sync.group_names import candidate
from progress.sync.identity import rename_site
from progress.sync.tables import SyncAlias
from tests.progress.sync.village import make_village, send

RENAMED = "Thôn Bờ He (Laptop thôn Bờ He)"
NOTE = f"Nhóm “Thôn Bờ He” từ máy “Laptop thôn Bờ He” trùng tên một nhóm ở đây: lưu thành “{RENAMED}”."


def _groups(db):
    return {g.name: sorted(i.display_name for i in list_learners(db, g.id)) for g in list_groups(db)}


def _rename(db, old, new):
    with db.begin() as session:  # as a trainer's edit does: updated_at moves
        group = session.scalars(select(LearnerGroup).where(LearnerGroup.name == old)).one()
        group.name = new


def test_two_villages_groups_of_the_same_name_stay_two_and_so_do_their_learners(laptop, server):
    create_group(server, "Thôn Bờ He")  # another village's group, already at the commune
    create_learner(server, list_groups(server)[0].id, "Đinh Thị Hoa", "1234")  # a different Hoa
    make_village(laptop)
    summary = send(laptop, server)
    assert summary.counts["groups"].added == 1 and summary.notes == [NOTE]
    assert NOTE in summary.lines()
    assert _groups(server) == {"Thôn Bờ He": ["Đinh Thị Hoa"],
                               RENAMED: ["Lò Văn Lâm", "Vàng Thị Nga", "Đinh Thị Hoa"]}
    with server() as session:
        assert session.scalars(select(SyncAlias.kind).where(SyncAlias.kind.in_(["groups", "learners"]))).all() == []
    again = send(laptop, server)
    assert not again.changed_anything and again.notes == []  # the renamed group is found by its uid


def test_the_renamed_form_is_kept_when_the_group_changes_again_and_another_is_free(laptop, server):
    create_group(server, "Thôn Bờ He")
    create_group(server, RENAMED)  # even that is taken
    make_village(laptop)
    first = send(laptop, server)
    assert first.notes == [NOTE.replace(f"“{RENAMED}”", f"“{RENAMED} 2”")]
    with laptop.begin() as session:  # a later change of the laptop's group: not its name
        group = session.scalars(select(LearnerGroup)).one()
        group.team_id = None
    second = send(laptop, server)
    assert second.counts["groups"].updated == 1 and second.notes == []
    assert sorted(_groups(server)) == ["Thôn Bờ He", RENAMED, f"{RENAMED} 2"]


def test_a_rename_to_a_name_a_group_here_has_is_stored_renamed_never_an_error(laptop, server):
    make_village(laptop)
    send(laptop, server)
    create_group(server, "Nhóm xã")
    _rename(laptop, "Thôn Bờ He", "Nhóm xã")
    summary = send(laptop, server)
    assert summary.counts["groups"].updated == 1
    assert summary.notes == ["Nhóm “Nhóm xã” từ máy “Laptop thôn Bờ He” trùng tên một nhóm ở đây: "
                             "lưu thành “Nhóm xã (Laptop thôn Bờ He)”."]
    assert sorted(_groups(server)) == ["Nhóm xã", "Nhóm xã (Laptop thôn Bờ He)"]
    _rename(laptop, "Nhóm xã", "Thôn Bờ He mới")  # a free name is taken as it is
    assert send(laptop, server).notes == []
    assert sorted(_groups(server)) == ["Nhóm xã", "Thôn Bờ He mới"]


def test_two_groups_that_swap_names_in_one_payload_are_applied_without_an_error(laptop, server):
    for name in ("Nhóm A", "Nhóm B"):
        create_group(laptop, name)
    send(laptop, server)
    _rename(laptop, "Nhóm A", "Nhóm tạm")
    _rename(laptop, "Nhóm B", "Nhóm A")
    _rename(laptop, "Nhóm tạm", "Nhóm B")
    summary = send(laptop, server)  # the first to move finds its new name still taken here
    assert sorted(_groups(server)) == ["Nhóm A", "Nhóm B (Laptop thôn Bờ He)"]
    assert summary.counts["groups"].updated == 2


def test_a_long_name_is_cut_to_fit_the_column_keeping_the_installation_s_name():
    name = "Nhóm " + "rất dài " * 20
    stored = candidate(name, "Laptop thôn Gò", 3)
    assert len(stored) <= MAX_NAME_LENGTH and stored.endswith(" (Laptop thôn Gò) 3")
    assert candidate("Nhóm 1", "") == "Nhóm 1 (máy khác)"


def test_a_demo_laptop_s_demo_group_stays_home_until_a_real_learner_joins_it(laptop, server):
    # every installation seeds the same demo group with the same four practice learners:
    # they are not the commune's numbers, so the group as seeded does not travel; once a
    # trainer adds a real learner it is a real group, kept apart from the server's own
    for db in (laptop, server):
        seed_demo(db)
    summary = send(laptop, server, origin_name="Laptop thôn Gò")
    assert summary.counts.get("learners") is None and summary.notes == []
    assert sorted(_groups(server)) == [DEMO_GROUP]

    create_learner(laptop, list_groups(laptop)[0].id, "Y Blao", "0420")
    summary = send(laptop, server, origin_name="Laptop thôn Gò")
    renamed = f"{DEMO_GROUP} (Laptop thôn Gò)"
    assert summary.notes == [f"Nhóm “{DEMO_GROUP}” từ máy “Laptop thôn Gò” trùng tên một nhóm ở đây: "
                             f"lưu thành “{renamed}”."]
    groups = _groups(server)
    assert sorted(groups) == [DEMO_GROUP, renamed] and "Y Blao" in groups[renamed]
    assert summary.counts["learners"].added == len(groups[renamed]) == 5
    assert summary.counts["provinces"].added == summary.counts["teams"].added == 0  # one area tree


def test_a_laptop_s_group_back_from_the_server_under_its_stored_name_is_no_change(laptop, server):
    rename_site(laptop, "Laptop thôn Bờ He")
    create_group(server, "Thôn Bờ He")
    make_village(laptop)
    send(laptop, server)
    back = send(server, laptop, origin="server-uid", origin_name="Máy chủ xã")
    assert back.counts["groups"].updated == back.counts["groups"].conflicts == 0
    assert back.notes == ["Nhóm “Thôn Bờ He” từ máy “Máy chủ xã” trùng tên một nhóm ở đây: "
                          "lưu thành “Thôn Bờ He (Máy chủ xã)”."]
    assert sorted(_groups(laptop)) == ["Thôn Bờ He", "Thôn Bờ He (Máy chủ xã)"]
