"""The commune server's "Nhận dữ liệu" page: a village laptop's file is received and the
page lists what was added per kind; a tampered file is refused in its own words and
changes nothing; the same file again is "already received" and adds nothing. On a
laptop, the registration file from the commune joins it to the server."""

from __future__ import annotations

from sqlalchemy import func, select

from progress.database import Database
from progress.groups import create_group, list_groups
from progress.learners import create_learner, list_learners, update_learner
from progress.models import Learner, LearnerGroup
from progress.sync.bundle_file import MESSAGES, TAMPERED
from progress.sync.exchange import export_for_server
from progress.sync.identity import this_site
from progress.sync.partners import register_laptop, server_partner
from tests.ui.flows import button_by_label, texts
from tests.ui.sync_partners import LAPTOP, SERVER, laptop_with_learners, no_raw_error, server_for
from tests.ui.test_trainer_flow import trainer_signs_in
from ui.plain_text import as_text

PAGE = "ui/trainer/sync_import.py"


def counts(db: Database) -> tuple[int, int]:
    with db() as session:
        return (session.scalar(select(func.count()).select_from(Learner)) or 0,
                session.scalar(select(func.count()).select_from(LearnerGroup)) or 0)


def receive(at, data: bytes, name: str = "du-lieu-lang-re.bdhvs"):  # type: ignore[no-untyped-def]
    at.file_uploader[0].set_value((name, data, "application/octet-stream")).run()
    no_raw_error(at)
    assert "Chưa có gì thay đổi cho đến khi bấm" in texts(at)
    button_by_label(at, "Nhận dữ liệu").click().run()
    no_raw_error(at)
    return at


def test_a_laptops_file_is_received_and_summed_up_and_a_second_time_adds_nothing(new_app, app_env, tmp_path):
    laptop = laptop_with_learners(app_env, tmp_path)
    data = export_for_server(laptop, by_account="tapsu").data
    before = counts(app_env)
    at = trainer_signs_in(new_app()).switch_page(PAGE).run()
    no_raw_error(at)
    assert "Nhận dữ liệu" in texts(at)

    at = receive(at, data)
    assert f"Đã nhận dữ liệu từ {as_text(LAPTOP)}." in texts(at)
    plain = texts(at).replace("\\", "")
    assert "- Học viên: 2 thêm mới\n" in plain and "- Nhóm: 1 thêm mới\n" in plain
    assert counts(app_env) == (before[0] + 2, before[1] + 1)
    assert "Làng Rê" in [group.name for group in list_groups(app_env)]
    assert at.file_uploader[0].value is None  # the uploader is empty again: no double receipt by mistake
    history = at.dataframe[0].value
    assert list(history["Việc"])[0] == "📥 Nhận tệp" and list(history["Với máy"])[0] == LAPTOP

    at = receive(at, data)
    assert "Tệp này đã được nhận ngày" in texts(at).replace("\\", "")
    assert counts(app_env) == (before[0] + 2, before[1] + 1)


def test_a_tampered_file_is_refused_in_its_own_words_and_changes_nothing(new_app, app_env, tmp_path):
    laptop = laptop_with_learners(app_env, tmp_path)
    data = bytearray(export_for_server(laptop).data)
    data[-40] ^= 0x55  # one byte of the packed data changed after the export
    before = counts(app_env)
    at = receive(trainer_signs_in(new_app()).switch_page(PAGE).run(), bytes(data))
    assert as_text(MESSAGES[TAMPERED]) in texts(at)
    assert "Không có gì thay đổi trên máy này." in texts(at)
    assert counts(app_env) == before
    assert "Làng Rê" not in [group.name for group in list_groups(app_env)]
    history = at.dataframe[0].value
    assert list(history["Kết quả"])[0].startswith("Bị từ chối: " + MESSAGES[TAMPERED][:30])

    at = receive(at, b"Hello, this is not a bundle at all\n")
    assert "không phải tệp dữ liệu đồng bộ" in texts(at).replace("\\", "") and counts(app_env) == before


def test_a_laptop_joins_its_commune_server_with_the_registration_file(new_app, app_env, tmp_path):
    server = server_for(laptop=app_env, folder=tmp_path)  # registered, joined: now join again from the page
    registration = register_laptop(server, this_site(app_env).uid, "Laptop thôn Bờ He mới", 1, [])
    at = receive(trainer_signs_in(new_app()).switch_page(PAGE).run(), registration, "dang-ky-may.json")
    assert f"Máy này đã đăng ký với {as_text(SERVER)}." in texts(at)
    partner = server_partner(app_env)
    assert partner is not None and partner.name == SERVER

    other = register_laptop(server, "0b1e5a3c-0000-4000-8000-000000000001", "Máy khác", 1, [])
    at = receive(at, other, "dang-ky-may-khac.json")
    assert "dành cho máy khác" in texts(at).replace("\\", "") and "Không có gì thay đổi trên máy này." in texts(at)


def test_the_next_file_from_the_same_laptop_adds_what_is_new(new_app, app_env, tmp_path):
    laptop = laptop_with_learners(app_env, tmp_path)
    at = receive(trainer_signs_in(new_app()).switch_page(PAGE).run(), export_for_server(laptop).data)
    group = next(g for g in list_groups(laptop) if g.name == "Làng Rê")
    create_learner(laptop, group.id, "Hồ Thị Mai", "7310")
    blao = next(learner for learner in list_learners(laptop, group.id) if learner.display_name == "Y Blao")
    update_learner(laptop, blao.id, display_name="Y Blao Niê")  # the trainer corrected a name on the laptop
    at = receive(at, export_for_server(laptop).data, "du-lieu-lan-hai.bdhvs")
    plain = texts(at).replace("\\", "")
    assert f"Đã nhận dữ liệu từ {LAPTOP}." in plain and "- Học viên: 1 thêm mới, 1 cập nhật, 1 bỏ qua\n" in plain
    server_group = next(g for g in list_groups(app_env) if g.name == "Làng Rê")
    assert {"Hồ Thị Mai", "Y Blao Niê"} <= {learner.display_name for learner in list_learners(app_env, server_group.id)}


def test_a_laptop_s_group_named_like_one_here_arrives_as_its_own_group_and_the_page_says_so(
        new_app, app_env, tmp_path):
    laptop = laptop_with_learners(app_env, tmp_path)
    create_group(app_env, "Làng Rê")  # another village's group of the same name, already here
    at = receive(trainer_signs_in(new_app()).switch_page(PAGE).run(), export_for_server(laptop).data)
    assert as_text(f"Nhóm “Làng Rê” từ máy “{LAPTOP}” trùng tên một nhóm ở đây: "
                   f"lưu thành “Làng Rê ({LAPTOP})”.") in texts(at)
    assert {"Làng Rê", f"Làng Rê ({LAPTOP})"} <= {group.name for group in list_groups(app_env)}
