"""A laptop's introduction file names it (id and name) and nothing else; anything
else is refused in words."""

from __future__ import annotations

import json

import pytest

from progress.sync.identity import rename_site, this_site
from progress.sync.introduction import introduction_file, introduction_file_name, read_introduction
from progress.sync.partners import PartnerError


def test_an_introduction_file_reads_back_as_its_laptop(db):  # type: ignore[no-untyped-def]
    rename_site(db, "Laptop thôn Bờ He")
    found = read_introduction(introduction_file(db))
    assert (found.uid, found.name) == (this_site(db).uid, "Laptop thôn Bờ He")
    assert introduction_file_name(db) == "gioi-thieu-may-laptop-thon-bo-he.json"
    assert "key" not in json.loads(introduction_file(db))


@pytest.mark.parametrize("data, words", [
    (b"\x89PNG not json", "không phải tệp giới thiệu máy"),
    (json.dumps({"kind": "bdhvs-sync-registration"}).encode(), "không phải tệp giới thiệu máy"),
    (json.dumps({"kind": "bdhvs-sync-laptop", "uid": "mot-hai", "name": "X"}).encode(), "Mã máy không đúng"),
    (b"{" + b" " * 5000 + b"}", "không phải tệp giới thiệu máy"),
])
def test_anything_else_is_refused_in_words(data, words):  # type: ignore[no-untyped-def]
    with pytest.raises(PartnerError, match=words):
        read_introduction(data)
