"""Two lanes of break-budget questions on the machine's two cores, with a repeatable answer.

At a hard budget the break search needs two different things: a proof that the budget is
impossible and a schedule one break above it (forum-13crafb at 5 breaks: 4.6 s for the proof,
5.4 s for the 6-break schedule). Asked one after the other they cost their sum; here each lane
(a generator of questions) runs in its own thread and they cost about the longer of the two.

Running side by side must not make the schedule depend on which thread happened to be faster.
Every question is capped in CP-SAT's deterministic time, so on its own it always gives the same
answer; each lane keeps a *virtual clock*, the deterministic time its questions used. The runner
stops a question only when its answer can no longer matter, by rules that do not look at the
wall clock:

1. a question whose budget is already proven impossible (by any lane) could not find anything;
2. a question that starts, on its lane's virtual clock, after an optimal schedule was found on
   another lane's (ties: the lower lane wins) could only find a schedule that loses the
   tie-break — optimal schedules are ordered by (breaks, virtual time, lane);
3. when lane 0 settles the budget with one of its first (``phase1``) questions, everything lane
   1 did is discarded: the level was easy and lane 1's work was speculative. Lane 1 cannot stop
   those first questions, so whether they settle it does not depend on lane 1.

Within a lane budgets never increase, so once a question is stopped by rule 1 or 2 all later
ones are too, and no clock after a stopped question is ever used.

Work. With an ``allowance`` (dt per lane) every question is capped at what its lane has left,
and a lane with nothing left gets "UNKNOWN" without asking, so no lane spends more than the
allowance. ``LanesOutcome.charged`` is the work the search is charged for the level, and it
must be the same on every run: a question that finishes just as the other lane's answer makes
it pointless is taken in on one run and stopped on another, so charging every answer taken in
would depend on the threads' timing (it did: 2.04 against 2.15 dt on forumt-14crafd). Each
lane is therefore charged its virtual clock up to the first question that is pointless *in
hindsight* — by rules 1-3 applied with the final outcome — and nothing after: those questions
were never stopped (the rules only grow stricter as answers arrive), so their answers are
the same on every run. The price: the question that proved the level (pointless in hindsight,
its budget being proven impossible) and a discarded lane 1 are not charged, so ``work_dt``
(everything spent) can exceed the work budget; every single question stays capped by it.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Generator
from dataclasses import dataclass, field, replace

from amity.engine.scheduling.exact.cpsat_model import ExactOptions
from amity.engine.scheduling.exact.stage import Cancel, StageResult


@dataclass(frozen=True)
class Question:
    """'Is there a schedule with at most ``budget`` breaks?' — or, with ``may_break``, a guess."""

    budget: int
    max_dtime: float
    hint: dict[str, str] | None = None
    may_break: frozenset[str] | None = None
    options: ExactOptions | None = None
    # Lane 0 only: settling the level with such a question discards lane 1 (rule 3).
    phase1: bool = False

    @property
    def proves(self) -> bool:
        """An impossible answer is a proof (a guess restricts who may break: no proof)."""
        return self.may_break is None


Lane = Generator[Question, StageResult, None]
Ask = Callable[[Question, Cancel], StageResult]

CANCELLED = "CANCELLED"


@dataclass
class Found:
    result: StageResult
    lane: int
    clock: float

    def rank(self) -> tuple[int, float, int]:
        return (self.result.value, self.clock, self.lane)


@dataclass
class LanesOutcome:
    """What the lanes established: the highest budget proven impossible and the best schedule."""

    infeasible_upto: int
    found: Found | None
    lane1_discarded: bool
    results: list[list[tuple[Question, StageResult]]] = field(default_factory=list)

    charged: float = 0.0


class _Runner:
    def __init__(self, level: int, ask: Ask, n_lanes: int, allowance: float | None) -> None:
        self.level = level
        self.ask = ask
        self.allowance = allowance
        self.lock = threading.Lock()
        # ``level`` is the proven lower bound: every budget below it is impossible.
        self.infeasible_upto = level - 1
        self.found: list[Found] = []
        self.discarded = False
        self.results: list[list[tuple[Question, StageResult]]] = [[] for _ in range(n_lanes)]
        # The start of each answer taken in on its lane's virtual clock.
        self.starts: list[list[float]] = [[] for _ in range(n_lanes)]
        # Each lane's question in progress: the question, its start on the lane's clock and
        # the handle that stops it.
        self.running: list[tuple[Question, float, Cancel] | None] = [None] * n_lanes
        self.errors: list[BaseException] = []

    def _optimal(self) -> Found | None:
        best = [f for f in self.found if f.result.value <= self.infeasible_upto + 1]
        return min(best, key=Found.rank) if best else None

    def _stopped(self, lane: int, q: Question, clock: float) -> bool:
        """Rules 1-3 for a question of ``lane`` starting at ``clock`` (under the lock)."""
        if self.errors or (lane == 1 and self.discarded):
            return True
        if q.phase1 and lane == 0:
            return False
        if q.budget <= self.infeasible_upto:
            return True
        best = self._optimal()
        return best is not None and (best.clock, best.lane) < (clock, lane)

    def _record(self, lane: int, q: Question, r: StageResult, clock: float) -> None:
        """Take in a finished question's answer and stop what it made pointless."""
        self.results[lane].append((q, r))
        self.starts[lane].append(clock)
        if lane == 1 and self.discarded:
            return
        settles = False
        if r.status == "INFEASIBLE" and q.proves:
            settles = q.budget >= self.level
            self.infeasible_upto = max(self.infeasible_upto, q.budget)
        elif r.found:
            self.found.append(Found(r, lane, clock + r.dtime))
            settles = r.value <= self.level
        if lane == 0 and q.phase1 and settles:
            self.discarded = True
            self.found = [f for f in self.found if f.lane == 0]
            # Lane 1's proofs are dropped too: recompute from lane 0's own answers.
            self.infeasible_upto = max(
                [self.level - 1]
                + [
                    qq.budget
                    for qq, rr in self.results[0]
                    if rr.status == "INFEASIBLE" and qq.proves
                ]
            )
        for other, current in enumerate(self.running):
            if other != lane and current is not None:
                question, start, cancel = current
                if self._stopped(other, question, start):
                    cancel.cancel()

    def run_lane(self, lane: int, gen: Lane) -> None:
        clock = 0.0
        budget = None
        try:
            q = next(gen)
            while True:
                if budget is not None and q.budget > budget:
                    # The rules rely on it: a stopped question's later ones are stopped too.
                    raise ValueError(
                        f"lane {lane}: budgets must not increase ({budget} -> {q.budget})"
                    )
                budget = q.budget
                cancel = Cancel()
                with self.lock:
                    stopped = self._stopped(lane, q, clock)
                    if not stopped:
                        self.running[lane] = (q, clock, cancel)
                left = None if self.allowance is None else self.allowance - clock
                if stopped:
                    r = StageResult({}, {}, 0, 0.0, False, CANCELLED, 0.0)
                elif left is not None and left <= 1e-6:
                    # The lane's work is spent: no answer, the same on every run.
                    with self.lock:
                        self.running[lane] = None
                    r = StageResult({}, {}, 0, 0.0, False, "UNKNOWN", 0.0)
                else:
                    if left is not None and q.max_dtime > left:
                        q = replace(q, max_dtime=left)
                    r = self.ask(q, cancel)
                    with self.lock:
                        self.running[lane] = None
                        if r.status != CANCELLED:
                            self._record(lane, q, r, clock)
                clock += r.dtime
                q = gen.send(r)
        except StopIteration:
            pass
        except BaseException as exc:  # re-raised by run_lanes in the calling thread
            with self.lock:
                self.errors.append(exc)
                for current in self.running:
                    if current is not None:
                        current[2].cancel()


def run_lanes(
    level: int, lanes: list[Lane], ask: Ask, allowance: float | None = None
) -> LanesOutcome:
    """Run the lanes (at most two) side by side at the search's lower bound ``level``, each
    within ``allowance`` dt when one is given."""
    runner = _Runner(level, ask, len(lanes), allowance)
    threads = [
        threading.Thread(target=runner.run_lane, args=(i, gen), daemon=True)
        for i, gen in enumerate(lanes)
    ]
    for t in threads:
        t.start()
    # CP-SAT releases the interpreter lock while it searches, so the lanes use both cores.
    for t in threads:
        while t.is_alive():
            t.join(timeout=0.02)
            # CP-SAT ignores a stop requested just before its search begins: repeat it.
            with runner.lock:
                cancels = [current[2] for current in runner.running if current is not None]
            for c in cancels:
                c.poke()
    if runner.errors:
        raise runner.errors[0]
    best = min(runner.found, key=Found.rank) if runner.found else None
    return LanesOutcome(
        runner.infeasible_upto, best, runner.discarded, runner.results, _charge(runner)
    )


def _charge(runner: _Runner) -> float:
    """Each lane's virtual clock up to its first question pointless in hindsight (docstring)."""
    best = runner._optimal()
    total = 0.0
    for lane, answers in enumerate(runner.results):
        if lane == 1 and runner.discarded:
            continue
        for (q, r), start in zip(answers, runner.starts[lane], strict=True):
            protected = lane == 0 and q.phase1
            late = best is not None and (best.clock, best.lane) < (start, lane)
            if not protected and (q.budget <= runner.infeasible_upto or late):
                break
            total += r.dtime
    return total
