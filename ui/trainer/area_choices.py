"""The area tree as the admin page's pickers list it: each commune and team named with
the places above it ("Tổ 1 · Xã mẫu · Quảng Ngãi")."""

from __future__ import annotations

from dataclasses import dataclass

from progress.areas import ProvinceNode


@dataclass(frozen=True)
class AreaChoices:
    provinces: dict[int, str]
    communes: dict[int, str]
    teams: dict[int, str]


def area_choices(tree: list[ProvinceNode]) -> AreaChoices:
    provinces = {p.id: p.name for p in tree}
    communes = {c.id: f"{c.name} · {p.name}" for p in tree for c in p.communes}
    teams = {t.id: f"{t.name} · {c.name} · {p.name}" for p in tree for c in p.communes for t in c.teams}
    return AreaChoices(provinces, communes, teams)
