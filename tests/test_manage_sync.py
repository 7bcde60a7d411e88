"""The sync commands as an admin runs them: register a laptop on the commune server, join
from the laptop, carry bundles both ways on a "USB stick" (a folder), a refused file,
the history. Two SQLite databases, switched with BDHVS_DATABASE__URL."""

import pytest

import manage
from progress.database import connect, upgrade_to_head
from progress.sync.identity import this_site
from tests.progress.sync.sync_sites import learner_names, teach


@pytest.fixture
def sites(tmp_path, monkeypatch):
    urls = {}
    for name in ("server", "laptop"):
        urls[name] = f"sqlite:///{tmp_path / (name + '.db')}"
        upgrade_to_head(urls[name])

    def on(name: str):
        monkeypatch.setenv("BDHVS_DATABASE__URL", urls[name])
        return connect(urls[name])

    return on


def run(*argv: str) -> int:
    return manage.main(list(argv))


def test_register_join_export_import_both_ways(sites, tmp_path, capsys):
    stick = tmp_path / "usb"
    stick.mkdir()
    laptop = sites("laptop")
    assert run("sync-identity", "--name", "Laptop thôn Bờ He") == 0
    laptop_uid = this_site(laptop).uid
    assert laptop_uid in capsys.readouterr().out
    teach(laptop)

    server = sites("server")
    for argv in (("add-province", "Quảng Ngãi"), ("add-commune", "Xã mẫu", "--province", "Quảng Ngãi")):
        assert run(*argv) == 0
    assert run("sync-register-laptop", laptop_uid, "--name", "Laptop thôn Bờ He", "--commune", "Xã mẫu",
               "--out", str(stick / "dang-ky.json")) == 0
    assert run("sync-laptops") == 0
    assert "Laptop thôn Bờ He  (Xã mẫu" in capsys.readouterr().out

    sites("laptop")
    assert run("sync-join", str(stick / "dang-ky.json")) == 0
    assert "now sends to" in capsys.readouterr().out
    assert run("sync-export", "--out", str(stick)) == 0
    [bundle] = stick.glob("*.bdhvs")
    assert "learners 2" in capsys.readouterr().out

    sites("server")
    assert run("sync-import", str(bundle)) == 0
    assert learner_names(server) == ["Lò Văn Lâm", "Đinh Thị Hoa"]
    assert run("sync-import", str(bundle)) == 0
    assert "đã được nhận" in capsys.readouterr().out
    assert run("sync-export", "--for-laptop", laptop_uid, "--out", str(stick / "ve-thon.bdhvs")) == 0

    sites("laptop")
    assert run("sync-import", str(stick / "ve-thon.bdhvs")) == 0
    assert run("sync-history") == 0
    out = capsys.readouterr().out
    assert out.count(" export ") == 1 and out.count(" import ") == 1, out
    assert out.count(" UTC  ") == 2, out  # a developer tool keeps UTC, and says so
    assert learner_names(laptop) == ["Lò Văn Lâm", "Đinh Thị Hoa"]


def test_a_refused_file_exits_1_with_its_plain_message(sites, tmp_path, capsys):
    server = sites("server")
    bad = tmp_path / "hong.bdhvs"
    bad.write_bytes(b"BDHVS-SYNC 1\n{\"format\": 1")
    assert run("sync-import", str(bad)) == 1
    assert "Refused: Tệp này bị thiếu" in capsys.readouterr().err
    assert run("sync-export", "--out", str(tmp_path)) == 1
    assert "chưa được đăng ký" in capsys.readouterr().err
    assert run("sync-revoke", this_site(server).uid) == 1
    assert run("sync-history") == 0
    assert "refused" in capsys.readouterr().out
