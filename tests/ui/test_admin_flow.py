"""The admin page: the area tree, groups placed in teams, accounts with roles, a locked
account opened again; a sign-in from an address held back; and a trainer's own name and
co-trainer on the dashboard."""

from __future__ import annotations

from progress.areas import find_team, group_places
from progress.days import local_time
from progress.demo import DEMO_ADMIN
from progress.groups import list_groups
from progress.password_guard import check_trainer_password, locked_accounts, trainer_is_locked
from progress.staff_roles import list_staff
from progress.trainers import create_trainer, verify_trainer
from tests.ui.flows import button_by_label, texts
from tests.ui.test_trainer_flow import trainer_signs_in


def admin_page(new_app):  # type: ignore[no-untyped-def]
    at = trainer_signs_in(new_app(), username=DEMO_ADMIN[0], password=DEMO_ADMIN[2])
    assert "Quản trị" in [link.label for link in at.get("page_link")]
    return at.switch_page("ui/trainer/admin.py").run()


def test_admin_builds_the_tree_places_a_group_and_adds_accounts(new_app, app_env):
    at = admin_page(new_app)
    assert "Quảng Ngãi" in texts(at) and "Tổ công nghệ số mẫu (1 nhóm)" in texts(at)
    at.text_input(key="admin_team_name").input("Tổ 2")
    button_by_label(at, "Thêm tổ").click().run()
    assert "Đã thêm tổ Tổ 2." in texts(at)
    at.text_input(key="admin_team_name").input("tổ 2")
    button_by_label(at, "Thêm tổ").click().run()
    assert "đã có tổ" in texts(at) and not at.exception
    at.selectbox(key="admin_place_team").set_value(find_team(app_env, "Tổ 2").id)
    button_by_label(at, "Lưu").click().run()
    assert group_places(app_env)[0].team_name == "Tổ 2"

    at.text_input(key="admin_new_username").input("canboxa")
    at.text_input(key="admin_new_name").input("Cán bộ xã")
    at.text_input(key="admin_new_password").input("mat-khau-du-dai")
    at.selectbox(key="admin_new_role").set_value("commune_officer").run()
    assert at.selectbox(key="admin_new_commune_id").label == "Xã / phường"
    button_by_label(at, "Tạo tài khoản").click().run()
    assert "Đã tạo tài khoản canboxa (Cán bộ Đoàn xã)." in texts(at)
    staff = {info.username: info for info in list_staff(app_env)}
    assert staff["canboxa"].area_name == "Xã mẫu"
    at.selectbox(key="admin_role_username").set_value("canboxa")
    at.selectbox(key="admin_role_role").set_value("trainer").run()
    button_by_label(at, "Đổi vai trò").click().run()
    assert "Cán bộ xã bây giờ là Tập huấn viên." in texts(at)


def test_a_trainer_reaching_the_admin_page_is_refused(new_app):
    at = trainer_signs_in(new_app())
    assert "Quản trị" not in [link.label for link in at.get("page_link")]
    try:
        at.switch_page("ui/trainer/admin.py")
    except ValueError:
        return  # not even registered
    raise AssertionError("the admin page is registered for a trainer")


def test_a_trainer_corrects_their_name_and_adds_a_co_trainer(new_app, app_env):
    create_trainer(app_env, "nam", "Đinh Văn Nam", "mat-khau-du-dai", [])
    at = trainer_signs_in(new_app())
    at.text_input(key="own_name_new").input("Đinh Thị Tập")
    button_by_label(at, "Lưu tên").click().run()
    assert "Đã lưu tên mới: Đinh Thị Tập." in texts(at)
    at.text_input(key="co_trainer_username").input("khong-co-ai")
    button_by_label(at, "Thêm người cùng phụ trách").click().run()
    assert "Không có tài khoản" in texts(at) and not at.exception
    at.text_input(key="co_trainer_username").input("nam")
    button_by_label(at, "Thêm người cùng phụ trách").click().run()
    assert "Đinh Văn Nam cùng phụ trách nhóm Thôn Bờ He từ bây giờ." in texts(at)
    nam = verify_trainer(app_env, "nam", "mat-khau-du-dai")
    assert nam.group_ids == (list_groups(app_env)[0].id,)


def test_the_admin_sees_a_locked_account_and_opens_it(new_app, app_env):
    create_trainer(app_env, "nam", "Đinh Văn Nam", "mat-khau-du-dai", [])
    for _ in range(5):
        check_trainer_password(app_env, "nam", "sai", max_failures=5, lock_minutes=15)
    assert trainer_is_locked(app_env, "nam")
    at = admin_page(new_app)
    until = local_time(locked_accounts(app_env)[0].locked_until).strftime("%H:%M")
    assert f"Đinh Văn Nam (nam): 🔒 Đang khóa đến {until}" in texts(at)
    at.button(key="admin_unlock_nam").click().run()
    assert "Đã mở khóa tài khoản Đinh Văn Nam: đăng nhập lại được rồi." in texts(at) and not at.exception
    assert not trainer_is_locked(app_env, "nam")
    assert "Đang khóa" not in texts(at) and not [b for b in at.button if b.key == "admin_unlock_nam"]
    assert verify_trainer(app_env, "nam", "mat-khau-du-dai") is not None


def test_a_signin_from_a_held_back_address_is_refused_in_words(new_app, app_env):
    from progress.address_guard import AddressLimits, claim_address_try

    for _ in range(20):  # the default limit, spent from this laptop (127.0.0.1) on other names
        claim_address_try(app_env, "127.0.0.1", AddressLimits(20, 15))
    at = trainer_signs_in(new_app(), username=DEMO_ADMIN[0], password=DEMO_ADMIN[2])
    assert "Máy này đã nhập sai mật khẩu nhiều lần" in texts(at) and "127.0.0.1" in texts(at)
    assert "Quản trị" not in [link.label for link in at.get("page_link")] and not at.exception
