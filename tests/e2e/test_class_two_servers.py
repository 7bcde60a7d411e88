"""Two app processes on one database (issue 11, ../shared/DEPLOY_NOTES.md): a class
lives in the database, so phones served by two different processes join it, follow
the trainer's moves and answer its live question, and each process sees the other's
writes. On SQLite and, when TEST_DATABASE_URL is set (CI), on PostgreSQL.

The phones are websocket sessions speaking Streamlit's browser protocol
(bench/st_protocol.py), polling on the fragment's ``run_every`` timer as the browser
does; no Chromium needed. The trainer's moves are written to the database with
``progress.classes.running.move_to`` from this test's process, as the presenter's page
in yet another process would. Only generous deadlines, no timing checks.
"""

from __future__ import annotations

import asyncio
import time

import pytest

from bench.st_protocol import Session
from catalog.class_plan import class_plan
from catalog.loading import load_catalog
from progress.classes.attendance import attendance
from progress.classes.live import live_answers
from progress.classes.running import end_class, move_to, start_class
from progress.classes.state import read_class
from progress.database import Database, connect
from progress.groups import create_group
from progress.trainers import create_trainer
from quizzes.kinds.single_choice import SingleChoice
from quizzes.option_order import class_seed
from tests.conftest import FIXTURE_CONTENT
from tests.e2e.conftest import TwoServers

pytestmark = pytest.mark.e2e

LESSON = "bai-mau"  # tests/fixtures/content: five steps, then a quiz opening with a single_choice question
DEADLINE = 30.0  # seconds: a phone polls every second here; this only bounds a failure


class Phone:
    """A phone in the class: every text it was shown, in order, as it arrived."""

    def __init__(self, port: int, name: str) -> None:
        self.session = Session(port, name, timeout=DEADLINE)
        self.shown: list[str] = []
        self.session.on_element = lambda _arrived, text: self.shown.append(text)

    async def join(self, class_id: int, join_code: str) -> None:
        await self.session.open("lop-hoc", f"lop={class_id}&so={join_code}")
        await self.session.tap("class_join_guest")
        self.session.follow()

    async def sees(self, words: str) -> None:
        """Wait until an element showing ``words`` arrives (after any seen so far)."""
        start = len(self.shown)
        deadline = time.monotonic() + DEADLINE
        while not any(words in text for text in self.shown[start:]):
            assert not self.session.errors, f"{self.session.name}: {self.session.errors}"
            assert time.monotonic() < deadline, (f"{self.session.name} never showed {words!r}; "
                                                 f"last shown: {self.shown[-6:]}")
            await asyncio.sleep(0.1)


async def wait_until(check, what: str) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + DEADLINE
    while not check():
        assert time.monotonic() < deadline, f"never: {what}"
        await asyncio.sleep(0.2)


def open_class(db: Database) -> tuple[int, str]:
    """A class of the fixture lesson, started as the presenter's page starts one: its id and join number."""
    group = create_group(db, "Thôn Hai Máy Chủ")
    trainer = create_trainer(db, "hai.may.chu", "Anh Hai", "mat-khau-dai-1", [group.id])
    state = start_class(db, trainer.id, group.id, [LESSON], place="Nhà văn hóa thôn")
    return state.class_id, state.join_code


def test_phones_on_two_servers_follow_one_class_and_answer(two_servers: TwoServers) -> None:
    db = connect(two_servers.database_url)
    class_id, join_code = open_class(db)
    plan = class_plan(load_catalog(FIXTURE_CONTENT / "lessons", FIXTURE_CONTENT / "quizzes"), [LESSON],
                      class_seed(class_id))
    steps = [slide.step.text for slide in plan.slides if slide.step is not None]
    q_position, question = next((i, s.question) for i, s in enumerate(plan.slides)
                                if isinstance(s.question, SingleChoice))
    first, last = (f"opt_{question.id}_{option.id}" for option in (question.options[0], question.options[-1]))

    async def class_across_two_servers(port_a: int, port_b: int) -> None:
        on_a, on_b = Phone(port_a, "phone on A"), Phone(port_b, "phone on B")
        try:
            await on_a.join(class_id, join_code)
            await on_b.join(class_id, join_code)
            for phone in (on_a, on_b):  # the first step, on both
                assert any(steps[0] in text for text in phone.shown), phone.shown[-8:]
            # joined through two processes: two guests, numbered without a clash
            assert attendance(db, class_id).guests == 2

            for position in (1, 2):  # the trainer moves on: both phones follow
                move_to(db, class_id, position)
                await asyncio.gather(on_a.sees(steps[position]), on_b.sees(steps[position]))

            move_to(db, class_id, q_position, live_question=(LESSON, question.id))
            await asyncio.gather(on_a.sees(question.prompt), on_b.sees(question.prompt))
            await wait_until(lambda: on_a.session.find(first) and on_b.session.find(last),
                             "both phones show the numbered answers")
            await on_b.session.tap(last)
            await on_a.session.tap(first)
            state = read_class(db, class_id)
            live = state.live_question if state else None
            assert live is not None
            await wait_until(lambda: live_answers(db, live.id).count == 2, "both answers stored")
            assert sorted(live_answers(db, live.id).answers) == sorted([question.options[0].id,
                                                                        question.options[-1].id])
            end_class(db, class_id)
        finally:
            await asyncio.gather(on_a.session.close(), on_b.session.close())

    asyncio.run(class_across_two_servers(two_servers.port_a, two_servers.port_b))
    db.kw["bind"].dispose()
