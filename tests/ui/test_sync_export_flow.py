"""A village laptop's "Xuất dữ liệu để nộp lên xã" page: before registering it shows the
laptop's id and how to register; once registered, "Tạo tệp để nộp" gives a .bdhvs
download that the commune server accepts (the demo group and its learners arrive); a
read-only account cannot export."""

from __future__ import annotations

from progress.demo import DEMO_GROUP, DEMO_LEARNERS
from progress.groups import list_groups
from progress.learners import create_learner, list_learners
from progress.sync import collect
from progress.sync.exchange import import_bundle
from progress.sync.identity import this_site
from tests.ui.flows import button_by_label, texts
from tests.ui.sync_partners import (
    SERVER,
    laptop_with_learners,
    no_raw_error,
    server_for,
)
from tests.ui.test_trainer_flow import trainer_signs_in
from ui.plain_text import as_text

REAL_LEARNER = "A Lăng Thị Hiền"
PAGE = "ui/trainer/sync_export.py"


def test_an_unregistered_laptop_shows_its_id_and_how_to_register(new_app, app_env):
    at = trainer_signs_in(new_app())
    assert "Xuất dữ liệu để nộp lên xã" in [link.label for link in at.get("page_link")]
    at = at.switch_page(PAGE).run()
    no_raw_error(at)
    assert f"`{this_site(app_env).uid}`" in texts(at)
    assert "Máy này chưa đăng ký với xã" in texts(at) and "Máy tính ở thôn" in texts(at)
    assert not [b for b in at.button if b.key == "sync_export_make"]


def test_the_file_made_on_the_page_is_accepted_by_the_commune_server(new_app, app_env, tmp_path, downloads,
                                                                     monkeypatch):
    server = server_for(app_env, tmp_path)
    at = trainer_signs_in(new_app()).switch_page(PAGE).run()
    assert "Không có gì mới" in texts(at)  # the demo group as seeded is practice: it does not travel
    assert f"Nhóm mẫu “{DEMO_GROUP}” với các học viên mẫu chỉ để tập dùng thử nên không được nộp" in texts(at)
    demo = next(g for g in list_groups(app_env) if g.name == DEMO_GROUP)
    create_learner(app_env, demo.id, REAL_LEARNER, "0420")  # a real learner: now a real group
    built = []
    real_payload = collect._Collector.payload
    monkeypatch.setattr(collect._Collector, "payload", lambda self: built.append(1) or real_payload(self))
    at = trainer_signs_in(new_app()).switch_page(PAGE).run()
    no_raw_error(at)
    assert f"Nộp cho: **{as_text(SERVER)}**" in texts(at)
    assert "tệp sẽ chứa toàn bộ dữ liệu của máy này" in texts(at)
    assert "Chưa nộp:** Học viên: 5" in texts(at).replace("\\", "")  # rows changed; their groups go along
    at.checkbox(key="sync_export_everything").check().run()
    assert not downloads and not built  # nothing made, and no bundle built, by looking (each rerun counts)

    at.checkbox(key="sync_export_everything").uncheck().run()
    button_by_label(at, "Tạo tệp để nộp").click().run()
    no_raw_error(at)
    assert built == [1]
    assert "Trong tệp có:\n- Học viên: 5\n- Nhóm: 1" in texts(at).replace("\\", "")
    made = [(data, name) for data, name in downloads if name.endswith(".bdhvs")]
    assert made, "no .bdhvs file offered"
    data, name = made[-1]
    assert name.startswith("du-lieu-") and data.startswith(b"BDHVS-SYNC 1\n")
    assert at.download_button(key="sync_export_download").label.startswith("💾 Tải tệp về máy")

    result = import_bundle(server, data)
    assert not result.already_received
    group = next(g for g in list_groups(server) if g.name == DEMO_GROUP)
    assert sorted(learner.display_name for learner in list_learners(server, group.id)) == sorted(
        [REAL_LEARNER, *(name for name, _ in DEMO_LEARNERS)])
    history = at.dataframe[0].value
    assert list(history["Việc"])[0] == "📤 Xuất tệp" and list(history["Với máy"])[0] == SERVER


def test_on_the_commune_server_the_page_says_where_laptops_get_their_data(new_app, app_env, tmp_path):
    laptop_with_learners(app_env, tmp_path)  # registered here: this is a commune server
    at = trainer_signs_in(new_app()).switch_page(PAGE).run()
    no_raw_error(at)
    assert "Máy này là máy chủ của xã" in texts(at) and "Máy này chưa đăng ký với xã" not in texts(at)


def test_a_read_only_account_cannot_export(new_app, app_env):
    from progress.areas import find_commune
    from progress.demo import DEMO_COMMUNE
    from progress.staff_roles import StaffArea
    from progress.trainers import create_trainer

    create_trainer(app_env, "canboxa", "Cán bộ xã", "mat-khau-du-dai", [], "commune_officer",
                   StaffArea(commune_id=find_commune(app_env, DEMO_COMMUNE).id))
    at = trainer_signs_in(new_app(), username="canboxa", password="mat-khau-du-dai")
    assert "Xuất dữ liệu để nộp lên xã" not in [link.label for link in at.get("page_link")]
