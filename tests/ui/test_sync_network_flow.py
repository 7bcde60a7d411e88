"""The network buttons of the sync pages on a laptop whose commune server has an address:
"Gửi lên xã qua mạng" sends the laptop's data (the server's summary is shown, the
learners are on the server) and "Lấy dữ liệu từ xã qua mạng" brings the groups the
server assigned to the laptop. The server is the sync routes on a loopback port
(tests/progress/sync/loopback.py) on its own database."""

from __future__ import annotations

import pytest

from access import sync_route
from progress.areas import create_commune, create_province
from progress.demo import DEMO_COMMUNE, DEMO_GROUP
from progress.groups import create_group, list_groups
from progress.learners import create_learner, list_learners
from progress.sync import http_client
from progress.sync.identity import rename_site, this_site
from progress.sync.partners import join_server, register_laptop
from settings import Settings
from tests.progress.sync.loopback import sync_server
from tests.ui.flows import button_by_label, texts
from tests.ui.sync_partners import SERVER, no_raw_error, other_database
from tests.ui.test_trainer_flow import trainer_signs_in


@pytest.fixture
def server_on_the_network(app_env, tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    """A commune server answering on loopback, with the app's database (the laptop)
    registered with its address; the server has a group "Làng Rê" assigned to the laptop."""
    server = other_database(tmp_path, "server.db")
    rename_site(server, SERVER)
    commune = create_commune(server, create_province(server, "Quảng Ngãi").id, DEMO_COMMUNE)
    group = create_group(server, "Làng Rê")
    create_learner(server, group.id, "Y Blao", "0420")
    monkeypatch.setattr(sync_route, "_database", lambda: server)
    monkeypatch.setattr(sync_route, "_settings", lambda: Settings())
    monkeypatch.setattr(sync_route, "data_folder", lambda: tmp_path / "server-data")
    monkeypatch.setattr(http_client, "_downloads", lambda: tmp_path / "laptop-data")
    with sync_server() as port:
        join_server(app_env, register_laptop(server, this_site(app_env).uid, "Laptop thôn Bờ He", commune.id,
                                             [group.id], url=f"http://127.0.0.1:{port}"))
        yield server
    server.kw["bind"].dispose()


def test_push_then_pull_over_the_network(new_app, app_env, server_on_the_network):
    server = server_on_the_network
    demo = next(g for g in list_groups(app_env) if g.name == DEMO_GROUP)
    create_learner(app_env, demo.id, "A Lăng Thị Hiền", "5821")  # a real learner: the demo group travels now
    at = trainer_signs_in(new_app()).switch_page("ui/trainer/sync_export.py").run()
    no_raw_error(at)
    button_by_label(at, "Gửi lên xã qua mạng").click().run()
    no_raw_error(at)
    plain = texts(at).replace("\\", "")
    assert "Đã gửi lên xã. Xã đã nhận:" in plain and "- Học viên: 5 thêm mới\n" in plain
    demo = next(g for g in list_groups(server) if g.name == DEMO_GROUP)
    assert len(list_learners(server, next(g for g in list_groups(server) if g.name == DEMO_GROUP).id)) == 5
    history = at.dataframe[0].value
    assert list(history["Việc"])[0] == "🌐 Gửi qua mạng"

    at = at.switch_page("ui/trainer/sync_import.py").run()
    button_by_label(at, "Lấy dữ liệu từ xã qua mạng").click().run()
    no_raw_error(at)
    plain = texts(at).replace("\\", "")
    assert "Đã lấy dữ liệu từ xã:" in plain and "- Học viên: 1 thêm mới" in plain
    here = next(g for g in list_groups(app_env) if g.name == "Làng Rê")
    assert [learner.display_name for learner in list_learners(app_env, here.id)] == ["Y Blao"]
