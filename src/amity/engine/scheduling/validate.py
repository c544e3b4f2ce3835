"""An independent checker of a schedule against the rules of the problem.

Written directly from the rules (issue 3), deliberately sharing no code with the solvers or
with ``objective.py``: the tests compare the two, so a bug in one shows up as a disagreement.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

from amity.engine.scheduling.model import Objective, Problem, Schedule


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
    report = ValidationReport()

    def fail(rule: str, message: str, *ids: str) -> None:
        report.violations.append(Violation(rule=rule, ids=tuple(ids), message=message))

    slots = {s.id: s for s in problem.slots}
    tables = {t.id for t in problem.tables}
    people = {p.id: p for p in problem.participants}
    meetings = {m.id: m for m in problem.meetings}
    interpreters = {i.id: i for i in problem.interpreters}

    # Unknown ids make every other check meaningless for that assignment: skip it.
    good = []
    for a in schedule.assignments:
        unknown = [
            (kind, value)
            for kind, value, known in (
                ("meeting", a.meeting, meetings),
                ("slot", a.slot, slots),
                ("table", a.table, tables),
            )
            if value not in known
        ]
        if a.interpreter is not None and a.interpreter not in interpreters:
            unknown.append(("interpreter", a.interpreter))
        for kind, value in unknown:
            fail("unknown_id", f"assignment of {a.meeting} names unknown {kind} {value}", value)
        if not unknown:
            good.append(a)

    seen_meetings: set[str] = set()
    person_slot: dict[tuple[str, str], str] = {}
    table_slot: dict[tuple[str, str], str] = {}
    interp_slot: dict[tuple[str, str], str] = {}
    per_person: dict[str, list[tuple[int, str, str]]] = {pid: [] for pid in people}
    slot_index = {s.id: i for i, s in enumerate(problem.slots)}

    for a in good:
        m = meetings[a.meeting]
        if a.meeting in seen_meetings:
            fail("meeting_scheduled_twice", f"meeting {a.meeting} is scheduled twice", a.meeting)
        seen_meetings.add(a.meeting)
        slot = slots[a.slot]
        if m.slot is not None and m.slot != a.slot:
            fail("fixed_slot", f"meeting {a.meeting} is fixed to {m.slot}, not {a.slot}", a.meeting)
        if m.session is not None and slot.session != m.session:
            fail(
                "session",
                f"meeting {a.meeting} must be in session {m.session}, slot {a.slot} is not",
                a.meeting,
                a.slot,
            )
        for pid in m.participants:
            p = people[pid]
            if p.available is not None and a.slot not in p.available:
                fail(
                    "participant_unavailable",
                    f"{pid} is not available in {a.slot} (meeting {a.meeting})",
                    pid,
                    a.slot,
                )
            other = person_slot.get((pid, a.slot))
            if other is not None:
                fail(
                    "participant_double_booked",
                    f"{pid} has meetings {other} and {a.meeting} in {a.slot}",
                    pid,
                    a.slot,
                )
            person_slot[(pid, a.slot)] = a.meeting
            if p.home_table is not None and a.table != p.home_table:
                fail(
                    "home_table",
                    f"{pid} meets only at {p.home_table}, meeting {a.meeting} is at {a.table}",
                    pid,
                    a.meeting,
                )
            per_person[pid].append((slot_index[a.slot], slot.block, a.table))
        other = table_slot.get((a.table, a.slot))
        if other is not None:
            fail(
                "table_double_booked",
                f"table {a.table} hosts {other} and {a.meeting} in {a.slot}",
                a.table,
                a.slot,
            )
        table_slot[(a.table, a.slot)] = a.meeting

        language_sets = [people[pid].languages for pid in m.participants]
        shared = set(language_sets[0]).intersection(*language_sets[1:])
        needs = all(language_sets) and not shared
        if a.interpreter is None:
            if needs:
                fail(
                    "interpreter_missing",
                    f"meeting {a.meeting}: participants share no language and have no interpreter",
                    a.meeting,
                )
        else:
            i = interpreters[a.interpreter]
            if i.available is not None and a.slot not in i.available:
                fail(
                    "interpreter_unavailable",
                    f"interpreter {i.id} is not available in {a.slot}",
                    i.id,
                    a.slot,
                )
            for pid in m.participants:
                if not (i.languages & people[pid].languages):
                    fail(
                        "interpreter_language",
                        f"interpreter {i.id} speaks no language of {pid} (meeting {a.meeting})",
                        i.id,
                        pid,
                    )
            other = interp_slot.get((i.id, a.slot))
            if other is not None:
                fail(
                    "interpreter_double_booked",
                    f"interpreter {i.id} serves {other} and {a.meeting} in {a.slot}",
                    i.id,
                    a.slot,
                )
            interp_slot[(i.id, a.slot)] = a.meeting

    for pid, p in people.items():
        if p.max_meetings is not None and len(per_person[pid]) > p.max_meetings:
            fail(
                "max_meetings",
                f"{pid} has {len(per_person[pid])} meetings, more than {p.max_meetings}",
                pid,
            )
    for m in problem.meetings:
        if m.required and m.id not in seen_meetings:
            fail("required_missing", f"required meeting {m.id} is not scheduled", m.id)

    listed = [u.meeting for u in schedule.unscheduled]
    for mid in sorted(set(meetings) - seen_meetings - set(listed)):
        fail("unscheduled_unexplained", f"meeting {mid} is neither scheduled nor explained", mid)
    for mid in listed:
        if mid in seen_meetings:
            fail("unscheduled_but_scheduled", f"meeting {mid} is scheduled and unscheduled", mid)

    # The objective, recomputed from the definition: a break is a maximal run of free slots
    # between two meetings of the same participant inside one block.
    breaks: dict[str, int] = {}
    changes = 0
    for pid, entries in per_person.items():
        entries.sort()
        changes += sum(1 for x, y in itertools.pairwise(entries) if x[2] != y[2])
        count = 0
        for block in {b for _, b, _ in entries}:
            mine = [i for i, b, _ in entries if b == block]
            for i1, i2 in itertools.pairwise(mine):
                if any(problem.slots[k].block == block for k in range(i1 + 1, i2)):
                    count += 1
        breaks[pid] = count
    priority = sum(meetings[mid].priority for mid in seen_meetings)
    spread = max(breaks.values()) - min(breaks.values()) if breaks else 0
    report.objective = Objective(
        priority=priority,
        breaks=sum(breaks.values()),
        break_spread=spread,
        table_changes=changes,
    )
    if problem.fairness is not None and spread > problem.fairness.max_break_spread:
        hi = max(breaks, key=lambda k: breaks[k])
        lo = min(breaks, key=lambda k: breaks[k])
        fail(
            "fairness",
            f"{hi} has {breaks[hi]} breaks and {lo} has {breaks[lo]}, "
            f"more than the allowed spread {problem.fairness.max_break_spread}",
            hi,
            lo,
        )
    return report
