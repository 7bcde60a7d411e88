"""Class mode under load: simulated phones follow the trainer over Streamlit's websocket.

Run from the project folder with the project's virtualenv (about 3 minutes by default):

    .venv/bin/python bench/class_follow.py                 # N = 30, then 60 phones
    .venv/bin/python bench/class_follow.py --phones 30 --lesson wifi-va-du-lieu-di-dong
    .venv/bin/python bench/class_follow.py --database-url postgresql+psycopg://postgres@127.0.0.1:5432/bench

For each class size N, on a fresh server:
0. Setup (bench/served_app.py): the project (minus .git, data, tests, bench) is copied
   to a temporary folder and served from there by ``python manage.py serve --host
   127.0.0.1 --port <free>``, on a fresh SQLite db in that folder (or the database of
   --database-url: migrated to head, then only added to). A group, a trainer, and a
   class started with ``progress.classes.running.start_class`` for --lesson (default:
   the first ordinary lesson whose quiz has a question answered with one numbered tap),
   plus the lessons after it until the class has --steps + 1 step slides.
1. Warm-up, not measured: one phone opens the class page, joins, and must see the
   first step's text (a check that this driver recognises the page).
2. Join: N phones open ``/lop-hoc?lop=<class id>&so=<join number>`` over the
   websocket, spread over --join-spread seconds (people scan the QR code at different
   moments, which is also what spreads their poll timers), and tap "Vào lớp (khách)"
   (key ``class_join_guest``: one tap, a guest). From then on each phone behaves as an
   idle browser tab (bench/st_protocol.py ``Session.follow``): the server's
   ``auto_rerun`` message (the fragment's ``run_every``) starts a client-side timer
   that sends a fragment rerun every ``class_mode.follow_seconds`` (the app's setting,
   or --follow-seconds), exactly as Streamlit's frontend schedules it.
3. Idle: --idle seconds of polling while the class stands still.
4. Follow: the presenter (a thread of this script with its own database connection,
   as a presenter page in another app process would) calls
   ``progress.classes.running.move_to`` through --steps step slides, then the first
   numbered-tap question of the lesson as the live question, --move-every seconds
   apart. Follow delay, per move and phone = from move_to's commit (taken in the
   presenter's thread as it returns) until that phone receives an element showing
   the new slide (the step's text, or the question's prompt). A phone that has not
   shown a slide by the next move (or --move-every after the last) counts as lost;
   the percentiles count lost ones as infinitely late.
5. Answer: every phone taps one numbered answer (a seeded random choice), spread
   over --answer-spread seconds; "answers" = rows ``live_answers`` finds afterwards,
   against the phones that joined.

Columns: joined = phones through the join tap; join p50/max = open + tap time; idle
CPU% = server CPU over phase 3 in % of one core; follow p50/p95/max = follow delay
over every (move, phone); lost = (move, phone) pairs never shown; answers = stored /
expected; CPU% = server CPU over phases 3+4 (idle polling and moves), % of one core;
RSS = peak resident memory of the server (MiB); runs/s = script runs the phones saw
finish per second in phases 3+4 (mostly fragment polls); ms/run = server CPU per run;
KB/run = websocket bytes a phone receives per run; answer p50/p95 = tap latency of
the answer (send -> next script_finished); drv CPU% = this script; other% = every
other process on the machine (a busy shared machine skews all numbers).
Not simulated: HTTP downloads (JS bundle, pictures, audio). Numbers only: nothing here
asserts a timing. Exit status: 0 every phone joined, followed and answered, 1 some did
not, 2 setup error.
"""

from __future__ import annotations

import argparse
import asyncio
import math
import os
import random
import re
import secrets
import statistics
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import psutil
import streamlit

sys.dont_write_bytecode = True
sys.path.insert(0, str(Path(__file__).resolve().parent))  # bench/, also when not run as a script
from load_classroom import Meter, pct  # noqa: E402
from served_app import PROJECT, AppCopy, BenchError, Server, run_on_a_copy  # noqa: E402
from st_protocol import DriverError, Session  # noqa: E402

CLASS_PAGE = "lop-hoc"  # url_path of ui/learner/class_follow.py (access/class_links.py)
JOIN_KEY = "class_join_guest"
ONE_TAP_KINDS = ("single_choice", "true_false", "image_choice")  # answered by one numbered button
GOAL = (30, 2.0, 15.0)  # issue 11: p95 <= 2 s at <= 15% of one core for 30 phones


def words(text: str) -> str:
    return " ".join(text.split())


def answer_keys(question) -> list[str]:  # type: ignore[no-untyped-def]
    """The keys of a one-tap question's numbered buttons (ui/question_kinds)."""
    if question.kind == "single_choice":
        return [f"opt_{question.id}_{o.id}" for o in question.options]
    if question.kind == "image_choice":
        return [f"img_{question.id}_{o.id}" for o in question.options]
    return [f"tf_{question.id}_true", f"tf_{question.id}_false"]


# ---- setup ------------------------------------------------------------------------
@dataclass
class Move:
    position: int
    needle: str  # the words the phone must show
    live_question: tuple[str, str] | None = None
    committed: float = math.nan  # time.monotonic() when move_to returned


@dataclass
class ClassSetup:
    db_url: str
    class_id: int
    join_code: str
    lesson_ids: tuple[str, ...]
    first_needle: str
    moves: list[Move]
    question: object  # quizzes.models.Question of the live question
    question_position: int


def open_database(url: str):  # type: ignore[no-untyped-def]
    from progress.database import connect, upgrade_to_head

    upgrade_to_head(url)
    return connect(url)


def choose_lessons(catalog, lesson_id: str | None, steps: int):  # type: ignore[no-untyped-def]
    """The first lesson (with a one-tap question in its quiz) and the lessons after it
    until there are steps + 1 step slides."""
    order = [lesson for lesson in catalog.lessons_in_order() if lesson.kind == "lesson"]

    def tappable(lesson) -> bool:  # type: ignore[no-untyped-def]
        quiz = catalog.quiz_for(lesson.id)
        return quiz is not None and any(q.kind in ONE_TAP_KINDS for q in quiz.questions)

    first = catalog.lessons.get(lesson_id) if lesson_id else next((x for x in order if tappable(x)), None)
    if first is None or not tappable(first):
        raise BenchError(f"lesson {lesson_id!r} not found or its quiz has no {'/'.join(ONE_TAP_KINDS)} question; "
                         f"choose one of {[x.id for x in order if tappable(x)]}")
    chosen = [first]
    rest = [x for x in order if x.id != first.id]
    while sum(len(x.steps) for x in chosen) < steps + 1 and rest:
        chosen.append(rest.pop(0))
    return chosen


def prepare_class(app: AppCopy, db_url: str, n: int, lesson_id: str | None, steps: int) -> ClassSetup:
    """A group, a trainer and an open class; the presenter's moves, each with what the phones must show."""
    from catalog.class_plan import class_plan
    from catalog.loading import load_catalog
    from progress.classes.running import start_class
    from progress.groups import create_group
    from progress.trainers import create_trainer
    from quizzes.option_order import class_seed

    catalog = load_catalog(app.app_dir / "lessons" / "content", app.app_dir / "quizzes" / "content")
    lessons = choose_lessons(catalog, lesson_id, steps)
    db = open_database(db_url)
    group = create_group(db, f"Lớp thử theo dõi: {n} điện thoại ({secrets.token_hex(2)})")
    trainer = create_trainer(db, f"bench.{secrets.token_hex(4)}", "Tập huấn viên thử", "mat-khau-bench-1", [group.id])
    state = start_class(db, trainer.id, group.id, [x.id for x in lessons], place="Nhà văn hóa thôn (thử tải)")
    db.kw["bind"].dispose()
    plan = class_plan(catalog, state.lesson_ids, class_seed(state.class_id))
    step_positions = [i for i, slide in enumerate(plan.slides) if slide.step is not None]
    if len(step_positions) < steps + 1:
        raise BenchError(f"the catalogue has only {len(step_positions)} step slides; use --steps "
                         f"{len(step_positions) - 1} or fewer")
    moves = [Move(i, words(plan.slides[i].step.text)) for i in step_positions[1:steps + 1]]
    q_position, question = next((i, s.question) for i, s in enumerate(plan.slides)
                                if s.question is not None and s.question.kind in ONE_TAP_KINDS)
    moves.append(Move(q_position, words(question.prompt), (plan.slides[q_position].lesson.id, question.id)))
    first = words(plan.slides[0].step.text)
    needles = [first] + [m.needle for m in moves]
    clashing = [(a, b) for i, a in enumerate(needles) for b in needles[i + 1:] if a in b or b in a]
    if clashing:
        raise BenchError(f"two slides show the same words, so a phone's arrival cannot be told apart: {clashing[0]}")
    return ClassSetup(db_url, state.class_id, state.join_code, state.lesson_ids, first, moves, question, q_position)


# ---- phones -------------------------------------------------------------------------
@dataclass
class Watch:
    """The slide being waited for: set just before the presenter's move."""

    index: int = -1
    needle: str = ""


@dataclass
class Phone:
    session: Session
    number: int
    watch: Watch
    join_s: float | None = None
    error: str | None = None
    seen: dict[int, float] = field(default_factory=dict)  # move index -> arrival time (monotonic)
    shown: list[str] = field(default_factory=list)  # element texts, only while collecting
    collect: bool = False
    tapped: bool = False

    def __post_init__(self) -> None:
        self.session.on_element = self._element

    def _element(self, arrived: float, text: str) -> None:
        if self.collect:
            self.shown.append(text)
        watch = self.watch
        if watch.needle and watch.index not in self.seen and watch.needle in text:
            self.seen[watch.index] = arrived

    async def join(self, setup: ClassSetup, delay: float) -> None:
        await asyncio.sleep(delay)
        started = time.perf_counter()
        try:
            await self.session.open(CLASS_PAGE, f"lop={setup.class_id}&so={setup.join_code}")
            await self.session.tap(JOIN_KEY)
            if not self.session.auto_reruns:
                raise DriverError(f"{self.session.name}: joined, but the page set no st.fragment(run_every=...) "
                                  f"to poll with; screen: {self.session.texts[:4]}")
            self.session.follow()
        except (DriverError, OSError) as exc:
            self.error = str(exc)
            return
        self.join_s = time.perf_counter() - started

    async def answer(self, key: str, delay: float) -> float | None:
        if self.error:
            return None
        await asyncio.sleep(delay)
        try:
            latency = await self.session.tap(key)
        except DriverError as exc:
            self.error = str(exc)
            return None
        self.tapped = True
        return latency


def move_in_thread(db, class_id: int, move: Move) -> float:  # type: ignore[no-untyped-def]
    """The presenter's move; returns the monotonic time right after its commit."""
    from progress.classes.running import move_to

    move_to(db, class_id, move.position, live_question=move.live_question)
    return time.monotonic()


async def run_class(n: int, server: Server, setup: ClassSetup, args, deadline: float) -> dict:  # type: ignore[no-untyped-def]
    from progress.classes.live import live_answers
    from progress.classes.running import end_class
    from progress.classes.state import read_class
    from progress.database import connect

    def left(need: float) -> None:
        if deadline - time.monotonic() < need:
            raise BenchError(f"the time budget (--max-seconds {args.max_seconds:g}) ran out at N={n}")

    watch = Watch()
    # 1. warm-up phone: compiles the page, and proves the driver sees the first step
    warm = Phone(Session(server.port, "warm-up", args.tap_timeout), 0, watch, collect=True)
    await warm.join(setup, 0)
    if warm.error:
        raise BenchError(f"the warm-up phone could not join, so this driver cannot play the class page: {warm.error}")
    await asyncio.sleep(max(warm.session.auto_reruns.values()) + 0.5)  # one poll
    interval = max(warm.session.auto_reruns.values())
    polled = warm.session.auto_reruns_sent
    await warm.session.close()
    if not any(setup.first_needle in text for text in warm.shown):
        raise BenchError(f"the class page does not show the first step's words {setup.first_needle[:60]!r}; "
                         f"it showed {warm.shown[:8]}")
    if polled < 1:
        raise BenchError("the warm-up phone sent no fragment rerun in one poll interval")

    # 2. join
    left(args.join_spread + args.idle + (len(setup.moves) + 1) * args.move_every + args.answer_spread + 20)
    phones = [Phone(Session(server.port, f"Điện thoại {i:03d}", args.tap_timeout), i, watch) for i in range(1, n + 1)]
    try:
        with Meter([server.proc.pid]) as join_meter:
            await asyncio.gather(*(p.join(setup, args.join_spread * (i / n)) for i, p in enumerate(phones)))
        server.check_running(f"N={n} join")
        joined = [p for p in phones if not p.error]
        def totals() -> tuple[int, int, int]:
            return (sum(p.session.runs_finished for p in joined), sum(p.session.received_bytes for p in joined),
                    sum(p.session.full_runs for p in joined))

        runs0, bytes0, full0 = totals()
        presenter_db = connect(setup.db_url)
        # 3 + 4. idle polling, then the presenter's moves
        with Meter([server.proc.pid]) as follow_meter:
            with Meter([server.proc.pid]) as idle_meter:
                await asyncio.sleep(args.idle)
            idle_runs, idle_bytes, _ = (a - b for a, b in zip(totals(), (runs0, bytes0, full0), strict=True))
            for index, move in enumerate(setup.moves):
                watch.needle, watch.index = "", index
                watch.needle = move.needle
                move.committed = await asyncio.to_thread(move_in_thread, presenter_db, setup.class_id, move)
                await asyncio.sleep(max(0.0, move.committed + args.move_every - time.monotonic()))
            watch.needle = ""
        runs, got, full_runs = (a - b for a, b in zip(totals(), (runs0, bytes0, full0), strict=True))
        server.check_running(f"N={n} follow")
        # 5. answer the live question
        state = read_class(presenter_db, setup.class_id)
        if state is None or state.live_question is None:
            raise BenchError("the class has no live question after the presenter's last move")
        keys = answer_keys(setup.question)
        rng = random.Random(n)
        with Meter([server.proc.pid]) as answer_meter:
            lats = await asyncio.gather(*(p.answer(rng.choice(keys), rng.uniform(0, args.answer_spread))
                                          for p in joined))
            await asyncio.sleep(1.0)  # let the last runs finish
        stored = live_answers(presenter_db, state.live_question.id).count
        end_class(presenter_db, setup.class_id)
        presenter_db.kw["bind"].dispose()
    finally:
        await asyncio.gather(*(p.session.close() for p in phones))

    delays = [max(0.0, p.seen[i] - m.committed) if i in p.seen else math.inf
              for i, m in enumerate(setup.moves) for p in joined]
    joins = [p.join_s for p in joined if p.join_s is not None]
    answered = [x for x in lats if x is not None]
    return dict(
        n=n, joined=len(joined), join=(statistics.median(joins), max(joins)) if joins else (math.nan, math.nan),
        interval=interval, idle_cpu=idle_meter.server_cpu, delays=delays,
        lost=sum(1 for d in delays if d == math.inf), pairs=len(delays),
        stored=stored, tapped=sum(p.tapped for p in joined), cpu=follow_meter.server_cpu,
        rss=max(follow_meter.peak, answer_meter.peak, join_meter.peak) / 2**20,
        runs=runs / follow_meter.wall, ms_run=1000 * follow_meter.server_cpu / 100 * follow_meter.wall / max(runs, 1),
        kb_run=got / max(runs, 1) / 1024, full_runs=full_runs, idle_runs=idle_runs / idle_meter.wall,
        idle_ms_run=1000 * idle_meter.server_cpu / 100 * idle_meter.wall / max(idle_runs, 1),
        idle_kb_run=idle_bytes / max(idle_runs, 1) / 1024, answer=(pct(answered, .5), pct(answered, .95)),
        drv=follow_meter.driver_cpu, other=follow_meter.other_cpu, join_cpu=join_meter.server_cpu,
        errors=[p.error for p in phones if p.error],
        per_move=[(m.position, pct([d for d in delays[i * len(joined):(i + 1) * len(joined)]], .95))
                  for i, m in enumerate(setup.moves)])


# ---- report -------------------------------------------------------------------------
def seconds(x: float) -> str:
    return "lost" if x == math.inf else f"{x:.2f}"


def print_table(rows: list[dict]) -> None:
    head = (f"{'N':>3} {'joined':>7} {'join p50/max s':>15} {'idle CPU%':>9}  {'follow p50 / p95 / max s':<25}"
            f"{'lost':>6} {'answers':>8} {'CPU%':>6} {'RSS MiB':>8} {'runs/s':>7} {'ms/run':>7} {'KB/run':>7}"
            f" {'answer p50/p95 s':>17} {'drv CPU%':>8} {'other%':>7}")
    print(head + "\n" + "-" * len(head))
    for r in rows:
        d = r["delays"]
        follow = f"{seconds(pct(d, .5))} / {seconds(pct(d, .95))} / {seconds(max(d, default=math.nan))}"
        print(f"{r['n']:>3} {r['joined']:>3}/{r['n']:<3} {r['join'][0]:>7.2f}/{r['join'][1]:<7.2f} "
              f"{r['idle_cpu']:>9.1f}  {follow:<25}{r['lost']:>6} {r['stored']:>3}/{r['joined']:<4} "
              f"{r['cpu']:>6.1f} {r['rss']:>8.0f} "
              f"{r['runs']:>7.1f} {r['ms_run']:>7.1f} {r['kb_run']:>7.2f} "
              f"{r['answer'][0]:>8.2f}/{r['answer'][1]:<8.2f} {r['drv']:>8.0f} {r['other']:>7.0f}")


def print_report(rows: list[dict], log_path: Path | None) -> None:
    if rows:
        print("\nResults (follow delay = move_to's commit -> the phone receives the new slide's words; "
              "see the docstring for columns)\n")
        print_table(rows)
        for r in rows:
            per_move = ", ".join(f"{pos}:{seconds(p95)}" for pos, p95 in r["per_move"])
            print(f"  N={r['n']}: poll every {r['interval']:g} s; idle polling: {r['idle_runs']:.1f} runs/s, "
                  f"{r['idle_ms_run']:.1f} ms CPU and {r['idle_kb_run']:.2f} KB per run; {r['full_runs']} whole-page "
                  f"runs while following; server CPU while {r['n']} phones joined {r['join_cpu']:.0f}%; "
                  f"{r['tapped']} answer taps sent")
            print(f"  N={r['n']}: p95 per move (slide position: s) {per_move}")
            for err in r["errors"][:3]:
                print(f"  N={r['n']} error: {err}")
        n_goal, p95_goal, cpu_goal = GOAL
        for r in rows:
            if r["n"] == n_goal:
                p95 = pct(r["delays"], .95)
                met = p95 <= p95_goal and r["cpu"] <= cpu_goal
                print(f"\nIssue 11 goal for {n_goal} phones (p95 <= {p95_goal:g} s at <= {cpu_goal:g}% of one core): "
                      f"p95 {seconds(p95)} s at {r['cpu']:.1f}% -> {'met' if met else 'NOT met'}")
    if log_path is not None and log_path.is_file():
        lines = log_path.read_text("utf-8", "replace").splitlines()
        bad = [line for line in lines if re.search(r"traceback|error|warning|exception|locked", line, re.I)]
        print(f"\nServer log: {len(lines)} lines, {len(bad)} with errors/warnings" + (":" if bad else "."))
        for line in bad[:10]:
            print("    " + line[:200])


# ---- main ---------------------------------------------------------------------------
def run_all(app: AppCopy, args, sizes: list[int], deadline: float, rows: list[dict]) -> None:  # type: ignore[no-untyped-def]
    db_url = args.database_url or app.db_url
    env = {"BDHVS_DATABASE__URL": db_url}
    if args.follow_seconds:
        env["BDHVS_CLASS_MODE__FOLLOW_SECONDS"] = f"{args.follow_seconds:g}"
    try:
        setups = [prepare_class(app, db_url, n, args.lesson, args.steps) for n in sizes]
    except (ImportError, TypeError, ValueError, AttributeError, StopIteration) as exc:
        raise BenchError(f"preparing the class failed ({exc!r}); did the API of progress/classes or "
                         "catalog/class_plan change? Update prepare_class()") from exc
    shown_url = re.sub(r"//[^@/]*@", "//…@", db_url)  # no password in the output
    settings = [
        ("app snapshot", f"{args.source} -> {app.app_dir}"),
        ("server", f"{Path(sys.executable).name} manage.py serve --host 127.0.0.1 --port <free> (fresh per N)"),
        ("versions", f"Python {sys.version.split()[0]}, Streamlit {streamlit.__version__}, "
                     f"{psutil.cpu_count()} CPUs, {psutil.virtual_memory().total / 2**30:.1f} GiB RAM"),
        ("database", shown_url),
        ("machine load", f"1/5/15-min load average {'/'.join(f'{x:.1f}' for x in os.getloadavg())} at start"),
        ("class", f"lessons {', '.join(setups[0].lesson_ids)}; {len(setups[0].moves) - 1} step moves, then "
                  f"question {setups[0].question.id} ({setups[0].question.kind}) at slide "
                  f"{setups[0].question_position}"),
        ("run", f"N={sizes}; join spread {args.join_spread:g} s; idle {args.idle:g} s; move every "
                f"{args.move_every:g} s; answers spread {args.answer_spread:g} s; follow_seconds "
                f"{args.follow_seconds or 'from config.yaml'}")]
    print("Settings\n" + "\n".join(f"  {k:<13} {v}" for k, v in settings), flush=True)
    for n, setup in zip(sizes, setups, strict=True):
        with Server(app, timeout=min(60.0, max(5.0, deadline - time.monotonic())), env=env) as server:
            print(f"N={n}: server pid {server.proc.pid} on port {server.port}, class {setup.class_id} "
                  f"(join number {setup.join_code}); running...", flush=True)
            rows.append(asyncio.run(run_class(n, server, setup, args, deadline)))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--phones", default="30,60", help="class sizes, comma-separated (default 30,60)")
    parser.add_argument("--lesson", default=None, help="first lesson of the class (default: the first ordinary "
                                                       "lesson whose quiz has a one-tap question)")
    parser.add_argument("--steps", type=int, default=10, help="step moves before the live question (default 10)")
    parser.add_argument("--move-every", type=float, default=4.0, help="seconds between the presenter's moves")
    parser.add_argument("--idle", type=float, default=10.0, help="seconds of polling before the first move")
    parser.add_argument("--join-spread", type=float, default=10.0, help="phones join over this many seconds")
    parser.add_argument("--answer-spread", type=float, default=5.0, help="phones answer over this many seconds")
    parser.add_argument("--follow-seconds", type=float, default=None,
                        help="override class_mode.follow_seconds on the server (default: config.yaml's)")
    parser.add_argument("--database-url", default="",
                        help="serve this database (e.g. PostgreSQL) instead of a fresh SQLite file; it is "
                             "migrated to head and only added to")
    parser.add_argument("--source", type=Path, default=PROJECT, help="the checkout to copy and serve "
                                                                     "(default: this one)")
    parser.add_argument("--tap-timeout", type=float, default=30.0, help="seconds one tap may take")
    parser.add_argument("--max-seconds", type=float, default=600.0, help="budget for the whole run")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder (snapshot, db, log)")
    args = parser.parse_args()
    sizes = [int(x) for x in args.phones.split(",") if x.strip().isdigit() and 1 <= int(x) <= 500]
    if not sizes or len(sizes) != len(args.phones.split(",")):
        parser.error("--phones must be comma-separated class sizes between 1 and 500")
    if args.steps < 1:
        parser.error("--steps must be at least 1")
    deadline = time.monotonic() + args.max_seconds
    rows: list[dict] = []
    stopped = run_on_a_copy("bench-class-follow-", lambda app: run_all(app, args, sizes, deadline, rows),
                            lambda log: print_report(rows, log), keep=args.keep, source=args.source.resolve())
    if stopped is not None:
        return stopped
    ok = rows and all(not r["errors"] and not r["lost"] and r["stored"] == r["joined"] == r["n"] for r in rows)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
