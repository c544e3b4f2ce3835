"""The schedule's objective values and the reason each left-out meeting was left out.

These functions are shared by every solver (exact and large-fair) so that all of them report
the objective the same way. The independent check lives in ``validate.py``.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence

from amity.engine.scheduling.model import (
    Assignment,
    Meeting,
    Objective,
    Problem,
    Unscheduled,
    UnscheduledReason,
)


def count_breaks(busy_positions: Iterable[int]) -> int:
    """Number of maximal runs of free positions strictly between busy positions.

    ``busy_positions`` are indices of slots within one block, so a gap between two of them
    is exactly one break however long it is.
    """
    ordered = sorted(set(busy_positions))
    return sum(1 for a, b in itertools.pairwise(ordered) if b > a + 1)


def block_positions(problem: Problem) -> dict[str, tuple[str, int]]:
    """Map each slot id to (block, index of the slot within its block, chronological)."""
    seen: dict[str, int] = defaultdict(int)
    positions: dict[str, tuple[str, int]] = {}
    for slot in problem.slots:
        positions[slot.id] = (slot.block, seen[slot.block])
        seen[slot.block] += 1
    return positions


def participant_breaks(problem: Problem, assignments: Sequence[Assignment]) -> dict[str, int]:
    """Breaks per participant (every participant appears, with 0 if it has no break)."""
    positions = block_positions(problem)
    meetings = {m.id: m for m in problem.meetings}
    busy: dict[tuple[str, str], list[int]] = defaultdict(list)
    for a in assignments:
        block, index = positions[a.slot]
        for pid in meetings[a.meeting].participants:
            busy[(pid, block)].append(index)
    breaks = {p.id: 0 for p in problem.participants}
    for (pid, _block), indices in busy.items():
        breaks[pid] += count_breaks(indices)
    return breaks


def participant_table_changes(
    problem: Problem, assignments: Sequence[Assignment]
) -> dict[str, int]:
    """How often each participant must move to another table between consecutive meetings."""
    order = {s.id: i for i, s in enumerate(problem.slots)}
    meetings = {m.id: m for m in problem.meetings}
    tables: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for a in assignments:
        for pid in meetings[a.meeting].participants:
            tables[pid].append((order[a.slot], a.table))
    changes = {p.id: 0 for p in problem.participants}
    for pid, seq in tables.items():
        seq.sort()
        changes[pid] = sum(1 for x, y in itertools.pairwise(seq) if x[1] != y[1])
    return changes


def break_spread(breaks: Mapping[str, int]) -> int:
    """Largest difference between two participants' break counts (0 with < 2 participants)."""
    if not breaks:
        return 0
    return max(breaks.values()) - min(breaks.values())


def compute_objective(problem: Problem, assignments: Sequence[Assignment]) -> Objective:
    """The four objective values of a set of assignments (assumed to satisfy the rules)."""
    meetings = {m.id: m for m in problem.meetings}
    breaks = participant_breaks(problem, assignments)
    return Objective(
        priority=sum(meetings[a.meeting].priority for a in assignments),
        breaks=sum(breaks.values()),
        break_spread=break_spread(breaks),
        table_changes=sum(participant_table_changes(problem, assignments).values()),
    )


def needs_interpreter(problem: Problem, meeting: Meeting) -> bool:
    """True when the participants share no language.

    A participant that declares no languages is taken to need no interpreter (the JAIR
    instances and many registrations carry no language data).
    """
    by_id = {p.id: p for p in problem.participants}
    return _share_no_language([by_id[pid].languages for pid in meeting.participants])


def _share_no_language(language_sets: Sequence[frozenset[str]]) -> bool:
    if any(not langs for langs in language_sets):
        return False
    return not frozenset.intersection(*language_sets)


def candidate_slots(problem: Problem, meeting: Meeting) -> list[str]:
    """Slots the meeting may use on its own: everyone available, session and fixed slot honoured."""
    by_id = {p.id: p for p in problem.participants}
    result = []
    for slot in problem.slots:
        if meeting.slot is not None and slot.id != meeting.slot:
            continue
        if meeting.session is not None and slot.session != meeting.session:
            continue
        if all(
            by_id[pid].available is None or slot.id in by_id[pid].available
            for pid in meeting.participants
        ):
            result.append(slot.id)
    return result


def suitable_interpreters(problem: Problem, meeting: Meeting, slot_id: str) -> list[str]:
    """Interpreters who speak a language of every participant and are available in the slot."""
    by_id = {p.id: p for p in problem.participants}
    return [
        i.id
        for i in problem.interpreters
        if (i.available is None or slot_id in i.available)
        and all(i.languages & by_id[pid].languages for pid in meeting.participants)
    ]


def explain_unscheduled(problem: Problem, assignments: Sequence[Assignment]) -> list[Unscheduled]:
    """Why each meeting without an assignment was left out, checked in this order.

    1. no common free slot — no slot where every participant is available (session, fixed slot);
    2. no interpreter — it needs one and none could serve it in any of those slots;
    3. max meetings — a participant already has its maximum number of meetings;
    4. lost to higher priority — in every possible slot a participant is busy with another
       meeting (the solver preferred those meetings);
    5. capacity — otherwise: the participants had a common free slot but tables (or the home
       table, or the interpreters) were all taken.

    Every solver (exact and large-fair) reports through this one function. The look-ups are
    built once, so the cost is linear in the left-out meetings times the slots: calling
    `candidate_slots` per meeting would rebuild them each time (hours at 10,000 participants).
    """
    by_id = {p.id: p for p in problem.participants}
    meetings = {m.id: m for m in problem.meetings}
    busy: set[tuple[str, str]] = set()
    count: dict[str, int] = defaultdict(int)
    for a in assignments:
        for pid in meetings[a.meeting].participants:
            busy.add((pid, a.slot))
            count[pid] += 1
    scheduled = {a.meeting for a in assignments}
    result = []
    for meeting in problem.meetings:
        if meeting.id in scheduled:
            continue
        people = [by_id[pid] for pid in meeting.participants]
        open_slots = [
            slot.id
            for slot in problem.slots
            if (meeting.slot is None or slot.id == meeting.slot)
            and (meeting.session is None or slot.session == meeting.session)
            and all(p.available is None or slot.id in p.available for p in people)
        ]
        slots = open_slots
        if _share_no_language([p.languages for p in people]):
            capable = [
                i for i in problem.interpreters if all(i.languages & p.languages for p in people)
            ]
            slots = [
                s for s in slots if any(i.available is None or s in i.available for i in capable)
            ]
        if not open_slots:
            reason = UnscheduledReason.NO_COMMON_FREE_SLOT
        elif not slots:
            reason = UnscheduledReason.NO_INTERPRETER
        elif any(p.max_meetings is not None and count[p.id] >= p.max_meetings for p in people):
            reason = UnscheduledReason.MAX_MEETINGS
        elif all(any((pid, s) in busy for pid in meeting.participants) for s in slots):
            reason = UnscheduledReason.LOST_TO_HIGHER_PRIORITY
        else:
            reason = UnscheduledReason.CAPACITY
        result.append(Unscheduled(meeting=meeting.id, reason=reason))
    return result
