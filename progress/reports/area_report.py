"""What a commune or province Youth Union counts, for a period and an area, by team and
by commune, with totals. Six grouped statements (progress/reports/area_counts.py),
whatever the number of groups.

How each number is counted:
- **period**: whole days in Vietnam time (UTC+7, no summer time), first and last day
  included; a moment counts when it falls inside.
- **classes held** (``classes``): classes of the area's groups that *ended* in the
  period, however they ended (the trainer, left idle, entered by hand).
- **attendances** (``attendances``, "lượt người dự"): over those classes, each class's
  head count when the trainer gave one, else the people who joined it (learners and
  guests) plus the people without an account entered by hand (``extra_guests``). One
  person at three classes is three attendances.
- **learners** (``active_learners``, "người học"): distinct learners of the area with
  any activity in the period: a lesson's progress saved (``lesson_progress.updated_at``),
  a quiz finished, or a class attended (one that ended in the period). A lesson's row
  keeps only its latest save, so a learner whose only work in an earlier period was
  later resumed counts in the later period only.
- **finished a module** (``modules_finished``, one number per module of the catalogue):
  learners for whom the moment the module was first complete — the latest of the
  first passing attempts of its current lessons — falls in the period. A learner is
  counted once per module, in the period they first completed it.
- **certificates**: one per module finished, so the sum of the module numbers (a
  certificate is the module with every lesson passed, certificates/).
- **learning hours** (``hours``): time on lesson steps (``seconds_spent``, each step
  capped) of the lesson rows last saved in the period. The time is kept per learner
  and lesson, not per day: a lesson's whole time counts in the period of its latest
  save. An approximation, exact when lessons are not resumed across periods.
- **groups** and **learners registered**: as they are now, for the area's groups.

A learner belongs to one group, a group to one team, a team to one commune, so a
commune's numbers are the sum of its teams' and the totals the sum of the communes'.
Groups not placed in a team yet count in a line of their own ("Chưa xếp tổ")."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass

from catalog.loading import Catalog
from lessons.models import Module
from progress.database import Database
from progress.days import day_bounds
from progress.names import name_sort_key
from progress.reports import area_counts
from progress.reports.area_counts import Bounds, TeamId, TeamPlace

NO_TEAM = "Chưa xếp tổ"
NO_COMMUNE = "Chưa thuộc xã"


@dataclass(frozen=True)
class ReportPeriod:
    """From ``first`` to ``last``, both days included."""

    first: dt.date
    last: dt.date

    def bounds(self) -> Bounds:
        return Bounds(*day_bounds(self.first, self.last))


@dataclass(frozen=True)
class AreaLine:
    """One team, one commune, or the totals."""

    name: str
    commune: str  # the commune of a team line; the name again on a commune line
    groups: int = 0
    learners: int = 0
    classes: int = 0
    attendances: int = 0
    active_learners: int = 0
    modules_finished: tuple[int, ...] = ()  # in the order of AreaReport.modules
    seconds: int = 0

    @property
    def certificates(self) -> int:
        return sum(self.modules_finished)

    @property
    def hours(self) -> float:
        return self.seconds / 3600

    def __add__(self, other: AreaLine) -> AreaLine:
        return AreaLine(
            self.name, self.commune, self.groups + other.groups, self.learners + other.learners,
            self.classes + other.classes, self.attendances + other.attendances,
            self.active_learners + other.active_learners,
            tuple(a + b for a, b in zip(self.modules_finished, other.modules_finished, strict=True)),
            self.seconds + other.seconds)


@dataclass(frozen=True)
class AreaReport:
    period: ReportPeriod
    modules: tuple[Module, ...]
    teams: tuple[AreaLine, ...]  # by commune, then team, in name order
    communes: tuple[AreaLine, ...]
    total: AreaLine


def _team_name(team_id: TeamId, places: dict[int, TeamPlace]) -> tuple[str, str]:
    place = places.get(team_id) if team_id is not None else None
    return (place.team, place.commune) if place else (NO_TEAM, NO_COMMUNE)


def area_report(
    db: Database, catalog: Catalog, group_ids: Collection[int], period: ReportPeriod,
    team_ids: Collection[int] = (),
) -> AreaReport:
    """The report for these groups (an account's ``Scope.group_ids``); ``team_ids``:
    teams to list even when they have no group yet (``Scope.team_ids``)."""
    modules = tuple(catalog.modules_with_lessons())
    module_lessons = {module.id: [lesson.id for lesson in catalog.lessons_of(module.id)] for module in modules}
    bounds = period.bounds()
    groups = list(group_ids)
    with db() as session:
        sizes = area_counts.groups_and_learners(session, groups) if groups else {}
        classes = area_counts.classes_held(session, groups, bounds) if groups else {}
        active = area_counts.active_learners(session, groups, bounds) if groups else {}
        seconds = area_counts.learning_seconds(session, groups, bounds) if groups else {}
        finished = area_counts.modules_finished(session, groups, bounds, module_lessons) if groups else {}
        team_keys: set[TeamId] = set(sizes) | set(team_ids)
        places = area_counts.team_places(session, {t for t in team_keys if t is not None})
    zeros = (0,) * len(modules)
    keyed: list[tuple[int | None, AreaLine]] = []
    for team_id in team_keys:
        name, commune = _team_name(team_id, places)
        keyed.append((places[team_id].commune_id if team_id in places else None, AreaLine(
            name, commune, *sizes.get(team_id, (0, 0)), *classes.get(team_id, (0, 0)), active.get(team_id, 0),
            tuple(finished.get((team_id, module.id), 0) for module in modules), seconds.get(team_id, 0))))
    keyed.sort(key=lambda pair: (pair[0] is None, name_sort_key(pair[1].commune),
                                 pair[1].name == NO_TEAM, name_sort_key(pair[1].name)))
    communes: dict[int | None, AreaLine] = {}
    total = AreaLine("Tổng cộng", "", modules_finished=zeros)
    for commune_id, line in keyed:
        start = communes.get(commune_id, AreaLine(line.commune, line.commune, modules_finished=zeros))
        communes[commune_id] = start + line
        total = total + line
    return AreaReport(period, modules, tuple(line for _, line in keyed), tuple(communes.values()), total)
