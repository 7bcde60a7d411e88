"""The admin page's "Máy tính ở thôn" on the commune server: a laptop registered by its
id (a wrong id refused in words) gives a registration file the laptop joins with; the
laptop is listed; a file of its groups is made for it; revoked, its files are refused."""

from __future__ import annotations

import pytest

from progress.demo import DEMO_ADMIN, DEMO_GROUP
from progress.sync.bundle_file import MESSAGES, NOT_REGISTERED, BundleRefused
from progress.sync.exchange import export_for_server, import_bundle
from progress.sync.identity import rename_site, this_site
from progress.sync.partners import join_server, list_laptops
from tests.ui.flows import button_by_label, texts
from tests.ui.sync_partners import no_raw_error, other_database
from tests.ui.test_trainer_flow import trainer_signs_in

NAME = "Laptop thôn Bờ He"


def admin_page(new_app):  # type: ignore[no-untyped-def]
    at = trainer_signs_in(new_app(), username=DEMO_ADMIN[0], password=DEMO_ADMIN[2])
    return at.switch_page("ui/trainer/admin.py").run()


def laptops_table(at):  # type: ignore[no-untyped-def]
    tables = [frame.value for frame in at.dataframe if "Mã máy" in frame.value.columns]
    assert tables, "no table of laptops"
    return tables[0]


def test_register_a_laptop_join_it_send_it_its_groups_and_revoke_it(new_app, app_env, tmp_path,
                                                                    downloads):
    laptop = other_database(tmp_path, "laptop.db")
    rename_site(laptop, NAME)
    at = admin_page(new_app)
    no_raw_error(at)
    assert "Máy tính ở thôn" in texts(at) and "Chưa có máy nào đăng ký." in texts(at)

    at.text_input(key="admin_laptop_uid").input("mot-hai-ba")
    at.text_input(key="admin_laptop_name").input(NAME)
    button_by_label(at, "Đăng ký và tạo tệp đăng ký").click().run()
    no_raw_error(at)
    assert "Mã máy không đúng" in texts(at) and not list_laptops(app_env)

    at.text_input(key="admin_laptop_uid").input(f"  {this_site(laptop).uid.upper()} ")  # as copied by hand
    at.multiselect(key="admin_laptop_groups").select(next(iter(at.multiselect(key="admin_laptop_groups").options)))
    button_by_label(at, "Đăng ký và tạo tệp đăng ký").click().run()
    no_raw_error(at)
    assert f"Đã đăng ký {NAME}" in texts(at).replace("\\", "")
    registration = [data for data, name in downloads if name == "dang-ky-may.json"][-1]
    partner = join_server(laptop, registration)
    assert partner.uid == this_site(app_env).uid
    table = laptops_table(at)
    assert list(table["Máy"]) == [NAME] and list(table["Trạng thái"]) == ["Đang dùng"]
    assert list(table["Nhóm"]) == [DEMO_GROUP]

    button_by_label(at, "Tạo tệp gửi máy này").click().run()
    no_raw_error(at)
    for_laptop = [data for data, name in downloads if name.endswith(".bdhvs")][-1]
    assert not import_bundle(laptop, for_laptop).already_received

    at.checkbox(key="admin_laptop_revoke_sure").check().run()
    at.button(key="admin_laptop_revoke").click().run()
    no_raw_error(at)
    assert f"Đã thu hồi {NAME}" in texts(at).replace("\\", "")
    assert list(laptops_table(at)["Trạng thái"]) == ["Đã thu hồi"]
    with pytest.raises(BundleRefused) as refused:
        import_bundle(app_env, export_for_server(laptop).data)
    assert str(refused.value) == MESSAGES[NOT_REGISTERED]


def test_the_admin_renames_this_installation(new_app, app_env):
    at = admin_page(new_app)
    at.text_input(key="admin_site_name_text").input("   ")
    button_by_label(at, "Lưu tên máy").click().run()
    assert "Tên máy không được để trống." in texts(at)
    at.text_input(key="admin_site_name_text").input("Máy chủ xã Ba Tơ")
    button_by_label(at, "Lưu tên máy").click().run()
    no_raw_error(at)
    assert this_site(app_env).name == "Máy chủ xã Ba Tơ"
    assert "Tên máy này bây giờ là Máy chủ xã Ba Tơ." in texts(at).replace("\\", "")


def test_a_laptop_registered_from_its_introduction_file(new_app, app_env, tmp_path, downloads):
    """The trainer carries the laptop's introduction file on the USB stick; the admin
    uploads it instead of copying the 36-letter id by hand."""
    from progress.sync.introduction import introduction_file

    laptop = other_database(tmp_path, "laptop.db")
    rename_site(laptop, NAME)
    at = admin_page(new_app)
    uploader = next(u for u in at.file_uploader if "giới thiệu" in u.label)
    uploader.set_value(("dang-ky-may.json", b'{"kind": "something else"}', "application/json")).run()
    no_raw_error(at)
    assert "Tệp này không phải tệp giới thiệu máy" in texts(at)

    uploader = next(u for u in at.file_uploader if "giới thiệu" in u.label)
    uploader.set_value(("gioi-thieu.json", introduction_file(laptop), "application/json")).run()
    no_raw_error(at)
    assert at.text_input(key="admin_laptop_uid").value == this_site(laptop).uid
    assert at.text_input(key="admin_laptop_name").value == NAME
    button_by_label(at, "Đăng ký và tạo tệp đăng ký").click().run()
    no_raw_error(at)
    registration = [data for data, name in downloads if name == "dang-ky-may.json"][-1]
    assert join_server(laptop, registration).uid == this_site(app_env).uid
    assert [partner.name for partner in list_laptops(app_env)] == [NAME]
