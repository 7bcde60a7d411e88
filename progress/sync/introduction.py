"""A laptop's *introduction file*: its id and name in a small file the trainer carries
to the commune on the USB stick, so the admin registers the laptop by uploading it
instead of copying a 36-letter id by hand. It holds no key and proves nothing: the
registration file the admin makes from it is what the laptop needs (progress/sync/partners.py)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from progress.database import Database
from progress.names import without_accents
from progress.sync.identity import this_site
from progress.sync.partners import PartnerError, clean_site_uid

INTRODUCTION_KIND = "bdhvs-sync-laptop"
MAX_BYTES = 4096


@dataclass(frozen=True)
class Introduction:
    uid: str
    name: str


def introduction_file(db: Database) -> bytes:
    site = this_site(db)
    return json.dumps({"kind": INTRODUCTION_KIND, "uid": site.uid, "name": site.name},
                      ensure_ascii=False, indent=1).encode("utf-8")


def introduction_file_name(db: Database) -> str:
    words = re.sub(r"[^0-9a-z]+", "-", without_accents(this_site(db).name)).strip("-")
    return f"gioi-thieu-may-{words or 'thon'}.json"


def read_introduction(data: bytes) -> Introduction:
    """The laptop an introduction file names; PartnerError (plain Vietnamese) otherwise."""
    found = None
    if len(data) <= MAX_BYTES:
        try:
            found = json.loads(data.decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            found = None
    if not isinstance(found, dict) or found.get("kind") != INTRODUCTION_KIND:
        raise PartnerError("Tệp này không phải tệp giới thiệu máy. Trên máy ở thôn, mở trang “Xuất dữ liệu để "
                           "nộp lên xã” và bấm “Tải tệp giới thiệu máy này”.")
    name = " ".join(str(found.get("name") or "").split())[:120]
    return Introduction(clean_site_uid(str(found.get("uid") or "")), name)
