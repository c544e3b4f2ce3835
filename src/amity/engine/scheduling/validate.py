"""An independent checker of a schedule against the rules of the problem.

Written directly from the rules (issue 3), deliberately sharing no code with the solvers or
with ``objective.py``: the tests compare the two, so a bug in one shows up as a disagreement.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

from amity.engine.scheduling.model import Assignment, Meeting, Objective, Problem, Schedule


@dataclass(frozen=True)
class Violation:
    """One broken rule: its name (e.g. ``participant_double_booked``) and the ids involved."""

    rule: str
    ids: tuple[str, ...]
    message: str


@dataclass
class ValidationReport:
    violations: list[Violation] = field(default_factory=list)
    # The objective recomputed from the assignments alone (None only if ids were unknown).
    objective: Objective | None = None

    @property
    def ok(self) -> bool:
        return not self.violations


def validate(problem: Problem, schedule: Schedule) -> ValidationReport:
    """Check every rule; return the violations and the recomputed objective."""
    checker = _Checker(problem)
    for a in checker.known(schedule.assignments):
        checker.check(a)
    checker.check_totals(schedule)
    checker.report.objective = checker.objective()
    return checker.report


class _Checker:
    """The rules, one method per group; ``report`` collects what broke."""

    def __init__(self, problem: Problem) -> None:
        self.problem = problem
        self.report = ValidationReport()
        self.slots = {s.id: s for s in problem.slots}
        self.tables = {t.id for t in problem.tables}
        self.people = {p.id: p for p in problem.participants}
        self.meetings = {m.id: m for m in problem.meetings}
        self.interpreters = {i.id: i for i in problem.interpreters}
        self.slot_index = {s.id: i for i, s in enumerate(problem.slots)}
        self.seen: set[str] = set()
        self.person_slot: dict[tuple[str, str], str] = {}
        self.table_slot: dict[tuple[str, str], str] = {}
        self.interp_slot: dict[tuple[str, str], str] = {}
        self.per_person: dict[str, list[tuple[int, str, str]]] = {pid: [] for pid in self.people}

    def fail(self, rule: str, message: str, *ids: str) -> None:
        self.report.violations.append(Violation(rule=rule, ids=tuple(ids), message=message))

    def known(self, assignments: list[Assignment]) -> list[Assignment]:
        """The assignments whose ids all exist: an unknown id makes every other check
        meaningless for that assignment, so it is reported and skipped."""
        good = []
        for a in assignments:
            unknown = [
                (kind, value)
                for kind, value, known in (
                    ("meeting", a.meeting, self.meetings),
                    ("slot", a.slot, self.slots),
                    ("table", a.table, self.tables),
                )
                if value not in known
            ]
            if a.interpreter is not None and a.interpreter not in self.interpreters:
                unknown.append(("interpreter", a.interpreter))
            for kind, value in unknown:
                self.fail(
                    "unknown_id", f"assignment of {a.meeting} names unknown {kind} {value}", value
                )
            if not unknown:
                good.append(a)
        return good

    def check(self, a: Assignment) -> None:
        m = self.meetings[a.meeting]
        if a.meeting in self.seen:
            self.fail(
                "meeting_scheduled_twice", f"meeting {a.meeting} is scheduled twice", a.meeting
            )
        self.seen.add(a.meeting)
        if m.slot is not None and m.slot != a.slot:
            self.fail(
                "fixed_slot", f"meeting {a.meeting} is fixed to {m.slot}, not {a.slot}", a.meeting
            )
        if m.session is not None and self.slots[a.slot].session != m.session:
            self.fail(
                "session",
                f"meeting {a.meeting} must be in session {m.session}, slot {a.slot} is not",
                a.meeting,
                a.slot,
            )
        for pid in m.participants:
            self._check_participant(pid, a)
        other = self.table_slot.get((a.table, a.slot))
        if other is not None:
            self.fail(
                "table_double_booked",
                f"table {a.table} hosts {other} and {a.meeting} in {a.slot}",
                a.table,
                a.slot,
            )
        self.table_slot[(a.table, a.slot)] = a.meeting
        self._check_interpreter(m, a)

    def _check_participant(self, pid: str, a: Assignment) -> None:
        p = self.people[pid]
        if p.available is not None and a.slot not in p.available:
            self.fail(
                "participant_unavailable",
                f"{pid} is not available in {a.slot} (meeting {a.meeting})",
                pid,
                a.slot,
            )
        other = self.person_slot.get((pid, a.slot))
        if other is not None:
            self.fail(
                "participant_double_booked",
                f"{pid} has meetings {other} and {a.meeting} in {a.slot}",
                pid,
                a.slot,
            )
        self.person_slot[(pid, a.slot)] = a.meeting
        if p.home_table is not None and a.table != p.home_table:
            self.fail(
                "home_table",
                f"{pid} meets only at {p.home_table}, meeting {a.meeting} is at {a.table}",
                pid,
                a.meeting,
            )
        self.per_person[pid].append((self.slot_index[a.slot], self.slots[a.slot].block, a.table))

    def _check_interpreter(self, m: Meeting, a: Assignment) -> None:
        language_sets = [self.people[pid].languages for pid in m.participants]
        shared = set(language_sets[0]).intersection(*language_sets[1:])
        if a.interpreter is None:
            if all(language_sets) and not shared:
                self.fail(
                    "interpreter_missing",
                    f"meeting {a.meeting}: participants share no language and have no interpreter",
                    a.meeting,
                )
            return
        i = self.interpreters[a.interpreter]
        if i.available is not None and a.slot not in i.available:
            self.fail(
                "interpreter_unavailable",
                f"interpreter {i.id} is not available in {a.slot}",
                i.id,
                a.slot,
            )
        for pid in m.participants:
            if not (i.languages & self.people[pid].languages):
                self.fail(
                    "interpreter_language",
                    f"interpreter {i.id} speaks no language of {pid} (meeting {a.meeting})",
                    i.id,
                    pid,
                )
        other = self.interp_slot.get((i.id, a.slot))
        if other is not None:
            self.fail(
                "interpreter_double_booked",
                f"interpreter {i.id} serves {other} and {a.meeting} in {a.slot}",
                i.id,
                a.slot,
            )
        self.interp_slot[(i.id, a.slot)] = a.meeting

    def check_totals(self, schedule: Schedule) -> None:
        """Meeting caps, required meetings, and every meeting scheduled or explained."""
        for pid, p in self.people.items():
            if p.max_meetings is not None and len(self.per_person[pid]) > p.max_meetings:
                self.fail(
                    "max_meetings",
                    f"{pid} has {len(self.per_person[pid])} meetings, more than {p.max_meetings}",
                    pid,
                )
        for m in self.problem.meetings:
            if m.required and m.id not in self.seen:
                self.fail("required_missing", f"required meeting {m.id} is not scheduled", m.id)
        listed = [u.meeting for u in schedule.unscheduled]
        for mid in sorted(set(self.meetings) - self.seen - set(listed)):
            self.fail(
                "unscheduled_unexplained", f"meeting {mid} is neither scheduled nor explained", mid
            )
        for mid in listed:
            if mid in self.seen:
                self.fail(
                    "unscheduled_but_scheduled", f"meeting {mid} is scheduled and unscheduled", mid
                )

    def _breaks(self, entries: list[tuple[int, str, str]]) -> int:
        """A break is a maximal run of free slots between two meetings of the same
        participant inside one block (the definition, recomputed)."""
        count = 0
        for block in {b for _, b, _ in entries}:
            mine = [i for i, b, _ in entries if b == block]
            for i1, i2 in itertools.pairwise(mine):
                if any(self.problem.slots[k].block == block for k in range(i1 + 1, i2)):
                    count += 1
        return count

    def objective(self) -> Objective:
        breaks: dict[str, int] = {}
        changes = 0
        for pid, entries in self.per_person.items():
            entries.sort()
            changes += sum(1 for x, y in itertools.pairwise(entries) if x[2] != y[2])
            breaks[pid] = self._breaks(entries)
        spread = max(breaks.values()) - min(breaks.values()) if breaks else 0
        fairness = self.problem.fairness
        if fairness is not None and spread > fairness.max_break_spread:
            hi = max(breaks, key=lambda k: breaks[k])
            lo = min(breaks, key=lambda k: breaks[k])
            self.fail(
                "fairness",
                f"{hi} has {breaks[hi]} breaks and {lo} has {breaks[lo]}, "
                f"more than the allowed spread {fairness.max_break_spread}",
                hi,
                lo,
            )
        return Objective(
            priority=sum(self.meetings[mid].priority for mid in self.seen),
            breaks=sum(breaks.values()),
            break_spread=spread,
            table_changes=changes,
        )
