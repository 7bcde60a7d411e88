"""Load test: a classroom of simulated phones against a real server of this app.

Run from the project folder with the project's virtualenv (about 20 s by default):

    python bench/load_classroom.py          # N = 1, 10, 30; see --help for options
    python bench/load_classroom.py --learners 30 --processes 2   # two processes behind nginx

For each class size N, on a fresh server:
0. Setup (bench/served_app.py): the project (minus .git, data, tests, bench) is copied
   to a temporary folder and served from there by ``python manage.py serve --host
   127.0.0.1 --port <free>``: the app writes rendered narration into static/audio/, the
   working tree must stay untouched, and concurrent edits cannot change the code
   mid-run. A fresh SQLite db there holds one group per N: N learners (code 2468,
   consent given) + 1 warm-up one.
1. Warm-up, not measured: one learner does the whole flow (compiles pages, renders audio).
2. "sign-in": all N open the app at the same moment, tap group, tap name, submit the
   code. "to home" = time from that common start until the learner's home screen
   ("Chào <name>") has rendered; p50 and max over learners.
3. "lesson+quiz": once all are home, each opens the first lesson with a quiz (--lesson),
   taps "next" through every step, opens the quiz, answers every question right (a
   button, or one tap per correct checkbox then "answer"), taps "next question" after
   each, and checks the result screen shows a full score.

Each learner is a websocket client (bench/st_protocol.py) speaking Streamlit's browser
protocol. A tap = one rerun request; latency = from sending it to the script_finished
that ends it (st.rerun / st.switch_page chains included; widgets in an st.fragment ask
for fragment reruns, as in the browser). With --think 0 (default) learners tap again as
soon as the screen is ready: this measures capacity; a real class taps every few seconds
(--think S: wait 0.5-1.5 x S seconds, seeded per learner and tap, before each tap).

Columns: done = learners through the phase without error; taps = timed reruns;
p50/p95/max = per-tap latency; taps/s = taps / phase wall time; srv CPU% = CPU time of
the server process (+ espeak-ng children) / wall time, in % of one core (the scripts
share one interpreter, so ~100% = saturated; zlib/sqlite/argon2 can push it a little
above; phases under 0.5 s are noisy); with --processes N, summed over the N processes
and nginx (N x 100% = saturated);
RSS MiB = peak resident memory of the server (sampled every 0.1 s; with --processes N,
of the largest app process); drv CPU% = this
script's own CPU (near 100% would mean client-side queueing inflates latencies);
other% = every other process on the machine (a busy shared machine skews all numbers).
Not simulated: HTTP downloads (JS bundle, audio) and the cookie component's reply after
sign-in. Exit status: 0 every learner finished, 1 some failed, 2 setup error.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import re
import statistics
import sys
import threading
import time
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

import psutil
import streamlit

sys.dont_write_bytecode = True
sys.path.insert(0, str(Path(__file__).resolve().parent))  # bench/, also when not run as a script
from served_app import PROJECT, AppCopy, BenchError, ServedBehindNginx, Server, run_on_a_copy  # noqa: E402
from st_protocol import DriverError, Session  # noqa: E402

CODE = "2468"


# ---- setup ------------------------------------------------------------------------
def prepare_data(app: AppCopy, sizes: list[int], lesson_id: str | None, warm_ups: int = 1):
    """Create the schema, one group per class size, and read the lesson and quiz to play."""
    from catalog.loading import load_catalog
    from progress.groups import create_group
    from progress.learners import create_learner, record_consent

    catalog = load_catalog(app.app_dir / "lessons" / "content", app.app_dir / "quizzes" / "content")
    # a practice lesson needs taps on pretend screens, not "next": play an ordinary one
    playable = [
        lesson for lesson in catalog.lessons_in_order() if catalog.quiz_for(lesson.id) and lesson.kind == "lesson"
    ]
    lesson = catalog.lessons.get(lesson_id) if lesson_id else next(iter(playable), None)
    if lesson is None or catalog.quiz_for(lesson.id) is None:
        raise BenchError(f"lesson {lesson_id!r} not found or has no quiz; choose one of "
                         f"{[lesson.id for lesson in playable]}")
    db = app.database()
    classes = []
    for round_no, n in enumerate(sizes, 1):
        group = create_group(db, f"Lớp thử tải {round_no}: {n} học viên")
        # the first warm_ups are warm-up learners, one per app process
        names = [f"Khởi động {k}" for k in range(1, warm_ups + 1)] + [f"Học viên {i:03d}" for i in range(1, n + 1)]
        people = [(create_learner(db, group.id, name, CODE).id, name) for name in names]
        for learner_id, _ in people:
            record_consent(db, learner_id)
        classes.append((group.id, people))
    return lesson, catalog.quiz_for(lesson.id), classes


def quiz_plan(quiz) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    """The taps that answer every question correctly: ("tap"|"check", key)."""
    plan: list[tuple[str, str]] = []
    for index, q in enumerate(quiz.questions):
        if q.kind == "single_choice":
            plan.append(("tap", f"opt_{q.id}_{next(o.id for o in q.options if o.correct)}"))
        elif q.kind == "true_false":
            plan.append(("tap", f"tf_{q.id}_{'true' if q.answer else 'false'}"))
        elif q.kind == "multiple_choice":
            plan += [("check", f"chk_{q.id}_{o.id}") for o in q.options if o.correct]
            plan.append(("tap", f"submit_{q.id}"))
        elif q.kind == "image_choice":
            plan.append(("tap", f"img_{q.id}_{next(o.id for o in q.options if o.correct)}"))
        elif q.kind == "ordering":
            plan += [("tap", f"ord_{q.id}_{item.id}") for item in q.items]
            plan.append(("tap", f"submit_{q.id}"))
        else:
            raise BenchError(f"question {q.id} has an unknown kind {q.kind!r}")
        plan.append(("tap", f"next_{index}"))
    return plan


# ---- measuring -------------------------------------------------------------------
class Meter:
    """CPU (percent of one core, summed over the server's processes, nginx included) and
    peak RSS of the largest app process over a phase."""

    def __init__(self, pids: list[int]) -> None:
        self.procs, self.me = [psutil.Process(pid) for pid in pids], psutil.Process()
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _rss(self) -> int:
        def one(proc: psutil.Process) -> int:
            try:
                return proc.memory_info().rss + sum(c.memory_info().rss for c in proc.children(True))
            except psutil.Error:
                return 0
        return max(one(proc) for proc in self.procs)

    def _server_cpu(self) -> float:
        return sum(self._cpu(proc) for proc in self.procs)

    def _sample(self) -> None:
        while not self._stop.wait(0.1):
            self.peak = max(self.peak, self._rss())

    @staticmethod
    def _cpu(p: psutil.Process | None) -> float:
        if p is None:  # the whole machine, all CPUs
            t = psutil.cpu_times()
            return t.user + t.nice + t.system + t.irq + t.softirq + t.steal
        try:
            return sum(p.cpu_times()[:4])  # user, system, children_user, children_system
        except psutil.Error:  # the server is gone; run_class reports it
            return float("nan")

    def __enter__(self) -> Meter:
        self.t0, self.c0, self.d0, self.m0 = time.monotonic(), self._server_cpu(), self._cpu(self.me), self._cpu(None)
        self.peak = self._rss()
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:  # type: ignore[no-untyped-def]
        self._stop.set()
        self._thread.join()
        self.wall = max(time.monotonic() - self.t0, 1e-9)
        self.server_cpu = 100 * (self._server_cpu() - self.c0) / self.wall
        self.driver_cpu = 100 * (self._cpu(self.me) - self.d0) / self.wall
        machine = 100 * (self._cpu(None) - self.m0) / self.wall
        self.other_cpu = max(0.0, machine - self.server_cpu - self.driver_cpu)


# ---- learners -----------------------------------------------------------------------
@dataclass
class Learner:
    session: Session
    group_id: int
    learner_id: int
    name: str
    think: float
    to_home: float | None = None
    error: str | None = None
    failed_in: str = ""  # the phase where error happened
    lat: dict[str, list[float]] = field(default_factory=dict)  # phase -> tap latencies

    async def act(self, action: str, key: str) -> None:
        """One tap after the think time: "tap" a button, "check" a checkbox."""
        if self.think:  # jittered, so that the class does not tap in lockstep
            jitter = random.Random(f"{self.name}{len(self.session.latencies)}").uniform(.5, 1.5)
            await asyncio.sleep(self.think * jitter)
        s = self.session
        await (s.tap(key) if action == "tap" else s.check(key))

    async def sign_in(self, t0: float) -> None:
        s = self.session
        await s.open()
        keypad = [("tap", f"code_keypad_{digit}") for digit in CODE]  # the 4th digit signs in
        for action, key in (("tap", f"group_{self.group_id}"), ("tap", f"learner_{self.learner_id}"), *keypad):
            await self.act(action, key)
        if not any(t.startswith(f"Chào {self.name}") for t in s.texts) or s.find("sign_out") is None:
            raise DriverError(f"{self.name}: not on the home screen after sign-in; screen: {s.texts[:5]}")
        self.to_home = time.perf_counter() - t0

    async def lesson_and_quiz(self, lesson, plan) -> None:  # type: ignore[no-untyped-def]
        s = self.session
        await self.act("tap", f"lesson_{lesson.id}")
        for _ in range(len(lesson.steps) - 1):
            await self.act("tap", "next")
        if s.find("to_quiz") is None:
            raise DriverError(f"{self.name}: no 'to_quiz' button after {len(lesson.steps) - 1} 'next' taps "
                              f"(lesson of {len(lesson.steps)} steps)")
        for action, key in [("tap", "to_quiz"), *plan]:
            await self.act(action, key)
        if s.find("home_done") is None:
            raise DriverError(f"{self.name}: no result screen after the last question; screen: {s.texts[-4:]}")
        scores = [m.groups() for t in s.texts if (m := re.search(r"(\d+) / (\d+)", t))]
        if not scores or scores[-1][0] != scores[-1][1]:  # every answer was meant to be right
            raise DriverError(f"{self.name}: result screen does not show a full score: {s.texts[-4:]}")

    async def run(self, phase: str, coro) -> None:  # type: ignore[no-untyped-def]
        start = len(self.session.latencies)
        if self.error:  # failed in an earlier phase: sits this one out
            coro.close()
            return
        try:
            await coro
        except Exception as exc:  # noqa: BLE001 - any failure ends this learner, not the benchmark
            self.error = str(exc) if isinstance(exc, DriverError) else f"{self.name}: unexpected {exc!r}"
            self.failed_in = phase
        finally:
            self.lat[phase] = self.session.latencies[start:]


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[round(q * (len(ordered) - 1))] if ordered else float("nan")


async def run_phase(learners, phase, make, budget: float) -> None:  # type: ignore[no-untyped-def]
    """Start every learner's coroutine at once; cancel whoever is still going at the budget."""
    tasks = [asyncio.create_task(one.run(phase, make(one))) for one in learners]
    _, pending = await asyncio.wait(tasks, timeout=budget)
    for task in pending:
        task.cancel()
    await asyncio.gather(*pending, return_exceptions=True)
    for learner, task in zip(learners, tasks, strict=True):
        if task in pending and not learner.error:
            learner.error, learner.failed_in = f"{learner.name}: not finished within {budget:.0f} s", phase


async def run_class(n, server, group_id, people, lesson, plan, args, deadline, rows) -> None:  # type: ignore[no-untyped-def]
    """Warm-up, then both measured phases for class size n; appends one row per phase to rows."""
    def budget(cap: float = 1e9) -> float:
        left = min(cap, deadline - time.monotonic())
        if left < 5:
            raise BenchError(f"the time budget (--max-seconds {args.max_seconds:g}) ran out at N={n}")
        return left

    def learner(person) -> Learner:  # type: ignore[no-untyped-def]
        return Learner(Session(server.port, person[1], args.tap_timeout), group_id, person[0], person[1], args.think)

    async def whole_flow(learner_: Learner) -> None:
        await learner_.sign_in(time.perf_counter())
        await learner_.lesson_and_quiz(lesson, plan)

    # one warm-up learner straight to each app process (behind nginx a phone lands on any)
    warm_ups = len(server.backend_ports)
    started = time.perf_counter()
    for port, person in zip(server.backend_ports, people[:warm_ups], strict=True):
        warm = Learner(Session(port, person[1], args.tap_timeout), group_id, person[0], person[1], 0)
        await run_phase([warm], "warm-up", whole_flow, budget(90))
        await warm.session.close()
        if warm.error:
            raise BenchError(f"the warm-up learner failed, so the driver cannot play this app: {warm.error}")
    warm_s, t0 = time.perf_counter() - started, 0.0
    learners = [learner(p) for p in people[warm_ups:]]
    try:
        for phase, make in (("sign-in", lambda one: one.sign_in(t0)),  # noqa: B023 - late on purpose: t0 is set just before the phase runs
                            ("lesson+quiz", lambda one: one.lesson_and_quiz(lesson, plan))):
            with Meter(server.pids) as meter:
                t0 = time.perf_counter()
                await run_phase(learners, phase, make, budget())
            lats = [x for one in learners for x in one.lat.get(phase, [])]
            homes = [one.to_home for one in learners if one.to_home is not None]
            rows.append(dict(n=n, phase=phase, ok=sum(not one.error for one in learners), taps=len(lats),
                             p50=pct(lats, .5) * 1e3, p95=pct(lats, .95) * 1e3, max=max(lats, default=0) * 1e3,
                             rate=len(lats) / meter.wall, wall=meter.wall,
                             home=(statistics.median(homes), max(homes)) if phase == "sign-in" and homes else None,
                             cpu=meter.server_cpu, rss=meter.peak / 2**20, drv=meter.driver_cpu, other=meter.other_cpu,
                             errors=[one.error for one in learners if one.failed_in == phase], warm=warm_s))
            server.check_running(f"N={n} {phase}")
    finally:
        await asyncio.gather(*(one.session.close() for one in learners))


# ---- main ---------------------------------------------------------------------------
def print_table(rows: list[dict]) -> None:
    head = (f"{'N':>3} {'phase':<12}{'done':>6}{'taps':>6}{'p50 ms':>8}{'p95 ms':>8}{'max ms':>8}"
            f"{'taps/s':>8}{'wall s':>7}  {'to home p50/max s':<18}"
            f"{'srv CPU%':>9}{'RSS MiB':>8}{'drv CPU%':>9}{'other%':>7}")
    print(head + "\n" + "-" * len(head))
    for r in rows:
        home = f"{r['home'][0]:.2f} / {r['home'][1]:.2f}" if r["home"] else ""
        print(f"{r['n']:>3} {r['phase']:<12}{r['ok']:>3}/{r['n']:<2}{r['taps']:>6}{r['p50']:>8.0f}{r['p95']:>8.0f}"
              f"{r['max']:>8.0f}{r['rate']:>8.1f}{r['wall']:>7.1f}  {home:<18}{r['cpu']:>9.0f}{r['rss']:>8.0f}"
              f"{r['drv']:>9.0f}{r['other']:>7.0f}")


def run_all(app: AppCopy, args, sizes: list[int], deadline: float, rows: list[dict]) -> None:  # type: ignore[no-untyped-def]
    """Prepare the data, print the settings, then one fresh server and run_class per class size."""
    try:
        lesson, quiz, classes = prepare_data(app, sizes, args.lesson, args.processes)
    except (ImportError, TypeError, ValueError, AttributeError) as exc:  # BenchError is not among them
        raise BenchError(f"preparing content and database failed ({exc!r}); did the API of "
                         "progress/ or lessons/ change? Update prepare_data()") from exc
    plan = quiz_plan(quiz)
    st_config = app.app_dir / ".streamlit" / "config.toml"
    st_cfg = tomllib.loads(st_config.read_text("utf-8")) if st_config.is_file() else {}
    audio_dir = app.app_dir / "static" / "audio"
    settings = [
        ("app snapshot", f"{PROJECT} -> {app.app_dir}"),
        ("server", f"{Path(sys.executable).name} manage.py serve --host 127.0.0.1 --port <free> (fresh per N)"
                   + (f" x {args.processes} behind nginx (dev.py run's configuration)" if args.processes > 1 else "")),
        ("versions", f"Python {sys.version.split()[0]}, Streamlit {streamlit.__version__}, "
                     f"{psutil.cpu_count()} CPUs, {psutil.virtual_memory().total / 2**30:.1f} GiB RAM"),
        ("streamlit config", f"runner={st_cfg.get('runner', {})} server={st_cfg.get('server', {})}"),
        ("database", app.db_url),
        ("machine load", f"1/5/15-min load average {'/'.join(f'{x:.1f}' for x in os.getloadavg())} at start"),
        ("run", f"N={sizes}; think {args.think:g} s; tap timeout {args.tap_timeout:g} s; "
                f"budget {args.max_seconds:g} s"),
        ("lesson", f"{lesson.id}: {len(lesson.steps)} steps; quiz: {', '.join(q.kind for q in quiz.questions)}"),
        ("taps per learner", "sign-in 7 (load, group, name, 4 keypad digits); "
                             f"lesson+quiz {1 + len(lesson.steps) + len(plan)}"),
        ("audio cache", f"{len(list(audio_dir.glob('*')))} files in the snapshot before the run")]
    print("Settings\n" + "\n".join(f"  {k:<17} {v}" for k, v in settings), flush=True)
    for n, (group_id, people) in zip(sizes, classes, strict=True):
        timeout = min(60.0, max(5.0, deadline - time.monotonic()))
        served = Server(app, timeout) if args.processes == 1 else ServedBehindNginx(app, args.processes, timeout)
        with served as server:
            print(f"N={n}: server pids {server.pids} on port {server.port}; running...", flush=True)
            asyncio.run(run_class(n, server, group_id, people, lesson, plan, args, deadline, rows))
            print(f"N={n}: warm-up learner took {rows[-1]['warm']:.1f} s; "
                  f"audio cache now {len(list(audio_dir.glob('*')))} files", flush=True)


def print_report(rows: list[dict], log_path: Path | None) -> None:
    """The results table with the first errors of each phase, then a summary of the server log."""
    if rows:
        print("\nResults (latency per tap = send -> script_finished; see the docstring for columns)\n")
        print_table(rows)
        for row, err in [(r, e) for r in rows for e in r["errors"][:3]]:
            print(f"  N={row['n']} {row['phase']} error: {err}")
    if log_path is not None and log_path.is_file():
        lines = log_path.read_text("utf-8", "replace").splitlines()
        bad = [line for line in lines if re.search(r"traceback|error|warning|exception|locked", line, re.I)]
        print(f"\nServer log: {len(lines)} lines, {len(bad)} with errors/warnings" + (":" if bad else "."))
        for line in bad[:10]:
            print("    " + line[:200])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--learners", default="1,10,30", help="class sizes, comma-separated (default 1,10,30)")
    parser.add_argument("--lesson", default=None, help="lesson id (default: the first lesson with a quiz)")
    parser.add_argument("--think", type=float, default=0.0,
                        help="mean seconds a learner waits before each tap (uniform 0.5-1.5x)")
    parser.add_argument("--tap-timeout", type=float, default=30.0, help="seconds one tap may take")
    parser.add_argument("--max-seconds", type=float, default=280.0, help="budget for the whole run")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder (snapshot, db, log)")
    parser.add_argument("--processes", type=int, default=1,
                        help="app processes; above 1 they run behind nginx as dev.py run serves them (default 1)")
    args = parser.parse_args()
    sizes = [int(x) for x in args.learners.split(",") if x.strip().isdigit() and 1 <= int(x) <= 500]
    if not sizes or len(sizes) != len(args.learners.split(",")):
        parser.error("--learners must be comma-separated class sizes between 1 and 500")
    deadline = time.monotonic() + args.max_seconds
    rows: list[dict] = []
    stopped = run_on_a_copy("bench-classroom-", lambda app: run_all(app, args, sizes, deadline, rows),
                            lambda log: print_report(rows, log), keep=args.keep)
    if stopped is not None:
        return stopped
    return 0 if rows and not any(r["errors"] for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
