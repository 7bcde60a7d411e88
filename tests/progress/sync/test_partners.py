"""Registering a village laptop on the commune server and joining it from the laptop:
the key both keep, the commune with the server's ids on the laptop, registering again
and revoking."""

import json

import pytest

from progress.areas import area_tree, create_commune, create_province
from progress.groups import create_group
from progress.sync.identity import this_site
from progress.sync.partners import (
    PartnerError,
    is_registration,
    join_server,
    laptop_partner,
    list_laptops,
    register_laptop,
    revoke,
    server_partner,
)


@pytest.fixture
def commune_id(db):
    return create_commune(db, create_province(db, "Quảng Ngãi").id, "Xã mẫu").id


def test_register_then_join_share_one_key_and_the_commune(db, laptop, commune_id):
    group = create_group(db, "Thôn Bờ He")
    uid = this_site(laptop).uid
    data = register_laptop(db, uid.upper(), "  Laptop   thôn Bờ He ", commune_id, [group.id], url="https://xa.vn")
    assert is_registration(data)
    registration = json.loads(data)
    assert registration["laptop"] == {"uid": uid, "name": "Laptop thôn Bờ He"}
    assert registration["server"]["uid"] == this_site(db).uid

    [registered] = list_laptops(db)
    assert registered.group_names == ("Thôn Bờ He",) and registered.commune_name == "Xã mẫu"
    server = join_server(laptop, data)
    assert server.key == registered.key and server.url == "https://xa.vn"
    assert server.commune_uid == registered.commune_uid  # the laptop names the commune as the server does
    assert [p.name for p in area_tree(laptop)] == ["Quảng Ngãi"]
    assert server_partner(laptop).uid == this_site(db).uid


def test_registering_again_makes_a_new_key_and_revoking_refuses_the_laptop(db, laptop, commune_id):
    uid = this_site(laptop).uid
    first = json.loads(register_laptop(db, uid, "Laptop", commune_id, []))
    second = json.loads(register_laptop(db, uid, "Laptop", commune_id, []))
    assert first["key_hex"] != second["key_hex"] and len(list_laptops(db)) == 1
    assert laptop_partner(db, uid).key.hex() == second["key_hex"]
    revoke(db, uid)
    assert laptop_partner(db, uid) is None and list_laptops(db)[0].revoked_at is not None
    register_laptop(db, uid, "Laptop", commune_id, [])
    assert laptop_partner(db, uid) is not None


def test_refusals_are_plain(db, laptop, commune_id):
    with pytest.raises(PartnerError, match="Mã máy không đúng"):
        register_laptop(db, "not-an-id", "Laptop", commune_id, [])
    with pytest.raises(PartnerError, match="chính máy chủ này"):
        register_laptop(db, this_site(db).uid, "Laptop", commune_id, [])
    with pytest.raises(PartnerError, match="Hãy đặt tên"):
        register_laptop(db, this_site(laptop).uid, "  ", commune_id, [])
    with pytest.raises(PartnerError, match="không phải tệp đăng ký"):
        join_server(laptop, b"BDHVS-SYNC 1\n{}")
    with pytest.raises(PartnerError, match="Không có máy này"):
        revoke(db, this_site(laptop).uid)
    assert list_laptops(db) == [] and server_partner(laptop) is None
