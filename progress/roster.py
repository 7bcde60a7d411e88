"""Learners in bulk: a roster file checked into a preview, then added in one transaction.

``preview_roster`` reads the file (progress/roster_file.py) and sorts its rows into
rows to add (a 4-digit code made up where the file has none, a picture chosen where it
names none), rows with errors ("Dòng 7: mã phải có đúng 4 chữ số") and duplicates (the
same name twice in the file, or a name the group already has). Names compare as the
same person after NFC, collapsed spaces and case: "Đinh Thị Hoa" typed with combining
marks, or "đinh thị  hoa", is Đinh Thị Hoa. Nothing is stored until ``import_roster``,
which adds every row to add, or none (a name added meanwhile, by another trainer, stops
the whole import)."""

from __future__ import annotations

import secrets
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from progress.account_error import AccountError
from progress.database import Database
from progress.learners import AVATARS, CODE_HASHER, CODE_PATTERN, LearnerInfo
from progress.models import Learner, LearnerGroup
from progress.names import MAX_LEARNER_NAME_LENGTH, normalise_name, without_accents
from progress.roster_file import RosterLine, read_roster_file

MAX_ROWS = 500  # learners in one file
MAX_NAME_LENGTH = MAX_LEARNER_NAME_LENGTH  # characters (the column holds 120)
HEADER_SEARCH_LINES = 10  # the header may sit under a title line or two

NAME_HEADERS = frozenset({"ho va ten", "ho ten", "ten", "ten hoc vien", "ho va ten hoc vien"})
CODE_HEADERS = frozenset({"ma", "ma so", "ma 4 so", "ma vao hoc"})
PICTURE_HEADERS = frozenset({"hinh", "hinh dai dien", "anh", "hinh anh"})


@dataclass(frozen=True)
class RosterRow:
    """A learner to add, as the trainer will see them on the preview."""

    line: int
    name: str  # NFC, single spaces
    code: str  # 4 digits
    avatar: str  # one of progress.learners.AVATARS
    code_made: bool = False  # made up here: the trainer writes it on the learner's card
    avatar_made: bool = False  # chosen here: the file named no picture


@dataclass(frozen=True)
class RosterProblem:
    """A row left out, and why, in plain Vietnamese with its line number."""

    line: int
    name: str
    reason: str  # "mã phải có đúng 4 chữ số."

    @property
    def message(self) -> str:
        return f"Dòng {self.line}: {self.reason}"


@dataclass(frozen=True)
class RosterPreview:
    group_id: int
    to_add: tuple[RosterRow, ...]
    errors: tuple[RosterProblem, ...]
    duplicates: tuple[RosterProblem, ...]


def name_key(name: str) -> str:
    """Two names with the same key are the same person (NFC, single spaces, any case)."""
    return normalise_name(name).casefold()


def _folded(text: str) -> str:
    """A header or picture name without accents, case or extra spaces: "Họ và tên" → "ho va ten"."""
    return " ".join("".join(c if c.isalnum() else " " for c in without_accents(text)).split())


def make_code() -> str:
    return f"{secrets.randbelow(10_000):04d}"


def picture_lookup(avatar_names: Mapping[str, str]) -> dict[str, str]:
    """What a trainer may write in the "Hình" column → the picture: the emoji itself
    (with or without its variation selector), its name ("con trâu"), or its name without
    the first word ("trâu"), accents and case ignored. A word that fits two pictures is left out."""
    found: dict[str, set[str]] = {}
    for avatar in AVATARS:
        keys = {avatar, avatar.replace("\ufe0f", "")}
        spoken = _folded(avatar_names.get(avatar, ""))
        if spoken:
            keys.add(spoken)
            if " " in spoken:
                keys.add(spoken.split(" ", 1)[1])
        for key in keys:
            found.setdefault(key, set()).add(avatar)
    return {key: next(iter(avatars)) for key, avatars in found.items() if len(avatars) == 1}


def _header(lines: list[RosterLine]) -> tuple[int, dict[str, int]]:
    """Index of the header line in ``lines`` and the column of each field found."""
    for index, line in enumerate(lines[:HEADER_SEARCH_LINES]):
        folded = [_folded(cell) for cell in line.cells]
        if any(cell in NAME_HEADERS for cell in folded):
            columns: dict[str, int] = {}
            for column, cell in enumerate(folded):
                for field, names in (("name", NAME_HEADERS), ("code", CODE_HEADERS), ("picture", PICTURE_HEADERS)):
                    if cell in names and field not in columns:
                        columns[field] = column
            return index, columns
    raise AccountError("Không thấy cột “Họ và tên” ở dòng tiêu đề. Dòng đầu của bảng cần ghi: "
                       "Họ và tên, Mã, Hình. Tải mẫu danh sách để xem cách ghi.")


def _cell(line: RosterLine, column: int | None) -> str:
    return line.cells[column] if column is not None and column < len(line.cells) else ""


def _code_problem(code: str) -> str:
    if code.isdigit() and len(code) < 4:
        return ("mã phải có đúng 4 chữ số (Excel hay bỏ số 0 ở đầu: "
                "đặt cột Mã là “Văn bản” (Text) rồi gõ lại, hoặc để trống để ứng dụng tạo mã)")
    return "mã phải có đúng 4 chữ số"


def check_roster(
    group_id: int, lines: list[RosterLine], existing: Iterable[tuple[str, str]], avatar_names: Mapping[str, str],
) -> RosterPreview:
    """Sort the file's lines into rows to add, errors and duplicates. ``existing`` is the
    group's learners as (name, picture); ``avatar_names`` names each picture (media.ui_phrases)."""
    header_index, columns = _header(lines)
    rows = lines[header_index + 1:]
    if not rows:
        raise AccountError("Tệp chỉ có dòng tiêu đề, chưa có tên học viên nào.")
    if len(rows) > MAX_ROWS:
        raise AccountError(f"Danh sách có hơn {MAX_ROWS} người. Chia thành nhiều tệp, "
                           f"mỗi tệp tối đa {MAX_ROWS} người, rồi tải lên từng tệp.")
    existing = list(existing)
    in_group = {name_key(name) for name, _ in existing}
    pictures = picture_lookup(avatar_names)
    first_line: dict[str, int] = {}
    ready: list[RosterRow] = []
    errors: list[RosterProblem] = []
    duplicates: list[RosterProblem] = []
    for line in rows:
        name = normalise_name(_cell(line, columns.get("name")))
        code = "".join(_cell(line, columns.get("code")).split())
        picture = _cell(line, columns.get("picture"))
        key = name_key(name)
        if name and key in first_line:
            duplicates.append(RosterProblem(line.number, name, f"{name} trùng tên với dòng {first_line[key]}. "
                                            "Nếu là hai người, thêm tên đệm hoặc tên thôn."))
            continue
        if name:
            first_line[key] = line.number
        if name and key in in_group:
            duplicates.append(RosterProblem(line.number, name, f"{name} đã có trong nhóm."))
            continue
        problems = []
        if not name:
            problems.append("thiếu họ và tên")
        elif len(name) > MAX_NAME_LENGTH:
            problems.append(f"tên dài quá {MAX_NAME_LENGTH} ký tự")
        elif "?" in name or "\ufffd" in name:
            problems.append("tên có dấu “?”: có thể tệp bị lưu sai bảng mã, trong Excel hãy lưu thành “CSV UTF-8”")
        if code and not CODE_PATTERN.match(code):
            problems.append(_code_problem(code))
        avatar = ""
        if picture:
            avatar = pictures.get(picture.strip(), "") or pictures.get(_folded(picture), "")
            if not avatar:
                problems.append(f"không có hình “{picture}” trong danh sách hình; để trống để ứng dụng tự chọn")
        if problems:
            errors.append(RosterProblem(line.number, name, f"{'; '.join(problems)}."))
            continue
        ready.append(RosterRow(line.number, name, code or make_code(), avatar, code_made=not code))
    return RosterPreview(group_id, tuple(_with_pictures(ready, [avatar for _, avatar in existing])),
                         tuple(errors), tuple(duplicates))


def _with_pictures(rows: list[RosterRow], group_avatars: list[str]) -> list[RosterRow]:
    """Rows without a picture get the one least used in the group so far (a learner who
    cannot read finds their card by it), in the order of AVATARS."""
    used = Counter(avatar for avatar in group_avatars if avatar in AVATARS)
    used.update(row.avatar for row in rows if row.avatar)
    chosen = []
    for row in rows:
        if row.avatar:
            chosen.append(row)
            continue
        avatar = min(AVATARS, key=lambda picture: used[picture])  # min keeps the first of equals
        used[avatar] += 1
        chosen.append(RosterRow(row.line, row.name, row.code, avatar, row.code_made, avatar_made=True))
    return chosen


def preview_roster(
    db: Database, group_id: int, filename: str, data: bytes, avatar_names: Mapping[str, str],
) -> RosterPreview:
    """Read and check a roster file against the group's learners; nothing is stored."""
    lines = read_roster_file(filename, data)
    with db() as session:
        if session.get(LearnerGroup, group_id) is None:
            raise AccountError("Không tìm thấy nhóm này.")
        existing = session.execute(select(Learner.display_name, Learner.avatar).where(Learner.group_id == group_id))
        members = [(name, avatar or "") for name, avatar in existing]
    return check_roster(group_id, lines, members, avatar_names)


def import_roster(db: Database, group_id: int, preview: RosterPreview) -> list[LearnerInfo]:
    """Add every row of the preview to the group in one transaction, or none of them."""
    if preview.group_id != group_id:
        raise AccountError("Danh sách này được xem trước cho nhóm khác. Tải tệp lên lại.")
    if not preview.to_add:
        raise AccountError("Không có học viên nào để thêm.")
    for row in preview.to_add:
        name = normalise_name(row.name)
        if not name or len(name) > MAX_NAME_LENGTH or not CODE_PATTERN.match(row.code) or row.avatar not in AVATARS:
            raise AccountError(f"Dòng {row.line} chưa đúng. Tải tệp lên lại; chưa ai được thêm.")
    hashes = [CODE_HASHER.hash(row.code) for row in preview.to_add]  # before the transaction: ~5 ms each
    try:
        with db.begin() as session:
            if session.get(LearnerGroup, group_id) is None:
                raise AccountError("Không tìm thấy nhóm này.")
            names = session.scalars(select(Learner.display_name).where(Learner.group_id == group_id))
            there = {name_key(name) for name in names}
            clashes = [row.name for row in preview.to_add if name_key(row.name) in there]
            if clashes:
                raise AccountError(f"Trong lúc xem trước, nhóm đã có thêm {', '.join(clashes)}. "
                                   "Tải tệp lên lại để xem lại; chưa ai được thêm.")
            learners = [Learner(group_id=group_id, display_name=normalise_name(row.name), code_hash=code_hash,
                                avatar=row.avatar) for row, code_hash in zip(preview.to_add, hashes, strict=True)]
            session.add_all(learners)
            session.flush()
            return [LearnerInfo(learner.id, group_id, learner.display_name, False, avatar=learner.avatar)
                    for learner in learners]
    except IntegrityError:  # another trainer added one of these names at the same moment
        raise AccountError("Cùng lúc đó nhóm đã có thêm người trùng tên. Tải tệp lên lại để xem lại; "
                           "chưa ai được thêm.") from None
