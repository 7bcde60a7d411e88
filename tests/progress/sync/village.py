"""A village laptop's data made with the app's own functions (areas, a group in a team,
a trainer, learners, progress, quiz attempts, review items, a recording, a class run in
the app and one entered by hand), and a content hash of every row that travels."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass

from progress.areas import create_commune, create_province, create_team, place_group
from progress.classes.attendance import join_as_guest, join_as_learner
from progress.classes.by_hand import HandEntry, record_by_hand
from progress.classes.live import answer_live_question
from progress.classes.running import end_class, move_to, start_class
from progress.database import Database
from progress.groups import create_group
from progress.learners import LearnerInfo, create_learner, record_consent
from progress.recordings import RecordingInfo, save_recording
from progress.scope import scope_of
from progress.sync.collect import collect_payload
from progress.sync.merge import apply_payload
from progress.sync.summary import SyncSummary
from progress.tracking import record_attempt, save_step
from progress.trainers import create_trainer
from tests.progress.graded import right, wrong


@dataclass(frozen=True)
class Village:
    group_id: int
    trainer_id: int
    learners: list[LearnerInfo]


def make_village(db: Database, group: str = "Thôn Bờ He", trainer: str = "lan.tv",
                 names: tuple[str, ...] = ("Đinh Thị Hoa", "Lò Văn Lâm", "Vàng Thị Nga")) -> Village:
    province = create_province(db, "Lào Cai")
    commune = create_commune(db, province.id, "Xã Bản Lầu")
    team = create_team(db, commune.id, "Tổ số 1")
    made = create_group(db, group)
    place_group(db, made.id, team.id)
    account = create_trainer(db, trainer, "Chị Lan", "mat-khau-dai-du-123", [made.id])
    learners = [create_learner(db, made.id, name, "1234") for name in names]
    record_consent(db, learners[0].id)
    for learner in learners[:2]:
        save_step(db, learner.id, "bai-1", 3, 40.0)
    record_attempt(db, learners[0].id, "bai-1", [right("q-mot"), wrong("q-hai")], 50, False, 80)
    record_attempt(db, learners[0].id, "bai-1", [right("q-mot"), right("q-hai")], 100, True, 80)
    record_attempt(db, learners[1].id, "bai-1", [wrong("q-mot"), right("q-hai")], 50, False, 80)
    save_recording(db, RecordingInfo("bai-1", "b1", "vi", "v1", f"rec-{group[-2:]}.mp3", 900, 5), account.id,
                   b"mp3 of " + group.encode())
    _class_in_the_app(db, account.id, made.id, learners)
    entry = HandEntry(made.id, dt.date(2026, 3, 2), dt.time(8, 30), "Nhà văn hoá", ("bai-1",),
                      (learners[0].id, learners[2].id), 2, "Học ngoài sân", (account.id,))
    record_by_hand(db, scope_of(db, account.id), entry, {"bai-1"}, now=dt.datetime(2026, 3, 3, tzinfo=dt.UTC))
    return Village(made.id, account.id, learners)


def _class_in_the_app(db: Database, trainer_id: int, group_id: int, learners: list[LearnerInfo]) -> None:
    state = start_class(db, trainer_id, group_id, ["bai-1"], place="Nhà văn hoá thôn")
    hoa = join_as_learner(db, state.class_id, learners[0].id).participant
    guest = join_as_guest(db, state.class_id).participant
    live = move_to(db, state.class_id, 5, ("bai-1", "q-mot")).live_question
    assert live is not None
    answer_live_question(db, state.class_id, live.id, hoa.id, right("q-mot"))
    answer_live_question(db, state.class_id, live.id, guest.id, wrong("q-mot"))
    end_class(db, state.class_id)


def everything(db: Database) -> dict[str, object]:
    return collect_payload(db, since=None, group_ids=None, include_trainers=True)


def content_hash(db: Database) -> str:
    """A hash of every row that travels, keyed by uid (ids and order do not count)."""
    payload = everything(db)
    rows = {name: sorted(items, key=lambda item: item.get("uid") or json.dumps(item, sort_keys=True))
            for name, items in payload["kinds"].items()}  # type: ignore[attr-defined]
    deletions = sorted(payload["deletions"], key=lambda d: (d["kind"], d["uid"]))  # type: ignore[call-overload]
    text = json.dumps({"kinds": rows, "deletions": deletions}, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()


def counts(db: Database) -> dict[str, int]:
    payload = everything(db)
    found = {name: len(items) for name, items in payload["kinds"].items()}  # type: ignore[attr-defined]
    found["quiz_answers"] = sum(len(a["answers"]) for a in payload["kinds"]["quiz_attempts"])  # type: ignore[index]
    classes = payload["kinds"]["class_sessions"]  # type: ignore[index]
    found["class_participants"] = sum(len(c["participants"]) for c in classes)
    found["class_answers"] = sum(len(q["answers"]) for c in classes for q in c["questions"])
    found["deletions"] = len(payload["deletions"])  # type: ignore[arg-type]
    return found


def send(source: Database, target: Database, origin: str = "laptop-uid", since: dt.datetime | None = None,
         last_import: dt.datetime | None = None, origin_name: str = "Laptop thôn Bờ He") -> SyncSummary:
    """Everything ``source`` holds, applied to ``target`` (what a bundle carries)."""
    payload = collect_payload(source, since=since, group_ids=None, include_trainers=True)
    return apply_payload(target, json.loads(json.dumps(payload)), origin_site_uid=origin,
                         partner_last_import=last_import, origin_name=origin_name, trust_accounts=True)
