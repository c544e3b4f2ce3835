"""An integer-indexed view of a `Problem` for the large-fair solvers (greedy, bound, LNS).

Large fairs have tens of thousands of meetings, so the solvers work on dense integer ids and
precomputed per-meeting candidate slots rather than on the string-keyed dataclasses.

Two simplifications are exact, not heuristic, and every solver relies on them:

* Tables: a meeting whose participant has a home table must sit there; any other meeting may
  take any table that is free in its slot. So a slot's meetings fit on the tables iff the home
  tables in use are distinct and the slot holds at most ``n_tables`` meetings; the concrete
  floating tables are chosen at the end.
* Interpreters: interpreters with the same languages and availability are interchangeable, so
  they are grouped into *interpreter types*; a slot's interpreted meetings can be served iff
  each meeting gets a capable type and no type is used by more meetings than it has members
  available in that slot.
"""

from __future__ import annotations

from dataclasses import dataclass

from amity.engine.scheduling.model import Participant, Problem

NO_TABLE = -1


@dataclass(frozen=True)
class InterpreterType:
    """Interchangeable interpreters: same languages, same availability."""

    languages: frozenset[str]
    members: tuple[int, ...]
    # Slot index -> True when the members are available then (all members share availability).
    available: tuple[bool, ...]


@dataclass
class CompactProblem:
    """Dense ids and precomputed feasibility for one `Problem`."""

    problem: Problem
    n_slots: int
    n_tables: int
    slot_block: list[int]
    # Slots of each block in chronological order (slots are listed chronologically).
    block_slots: list[list[int]]
    # Position of a slot within its block, for break counting with bit masks.
    slot_pos: list[int]
    meeting_parts: list[tuple[int, ...]]
    priority: list[int]
    required: list[bool]
    fixed_slot: list[int | None]
    # Home table of the meeting (index) or NO_TABLE for a floating meeting.
    home_table: list[int]
    # Meeting index -> capable interpreter types, or None when no interpreter is needed.
    interp_types: list[tuple[int, ...] | None]
    types: list[InterpreterType]
    # Candidate slots per meeting: every rule that concerns the meeting alone holds there.
    candidates: list[list[int]]
    # Slots where everyone is available (session and fixed slot honoured), before interpreters
    # and home tables are considered: what `explain_unscheduled` calls a common free slot.
    open_slots: list[list[int]]
    # Candidate slots ignoring a home-table clash, for the same explanations.
    interpreted_slots: list[list[int]]
    max_meetings: list[int]
    part_meetings: list[list[int]]

    @property
    def n_meetings(self) -> int:
        return len(self.meeting_parts)

    @property
    def n_participants(self) -> int:
        return len(self.max_meetings)


def needs_interpreter(language_sets: list[frozenset[str]]) -> bool:
    """True when the participants share no language; as in `objective.needs_interpreter`, a
    participant who declares no languages needs no interpreter."""
    if any(not langs for langs in language_sets):
        return False
    return not frozenset.intersection(*language_sets)


def compact(problem: Problem) -> CompactProblem:
    """Index the problem and compute every meeting's candidate slots."""
    slot_index = {slot.id: i for i, slot in enumerate(problem.slots)}
    table_index = {table.id: i for i, table in enumerate(problem.tables)}
    part_index = {p.id: i for i, p in enumerate(problem.participants)}
    n_slots = len(problem.slots)

    slot_block, block_slots, slot_pos = _blocks(problem)

    all_slots = frozenset(range(n_slots))
    part_avail: list[frozenset[int]] = []
    for p in problem.participants:
        if p.available is None:
            part_avail.append(all_slots)
        else:
            part_avail.append(frozenset(slot_index[x] for x in p.available if x in slot_index))

    types = _interpreter_types(problem, slot_index, n_slots)

    meeting_parts: list[tuple[int, ...]] = []
    candidates: list[list[int]] = []
    open_slots: list[list[int]] = []
    interpreted_slots: list[list[int]] = []
    home_table: list[int] = []
    interp_types: list[tuple[int, ...] | None] = []
    part_meetings: list[list[int]] = [[] for _ in problem.participants]
    for m, meeting in enumerate(problem.meetings):
        parts = tuple(part_index[x] for x in meeting.participants)
        meeting_parts.append(parts)
        for p in parts:
            part_meetings[p].append(m)
        people = [problem.participants[p] for p in parts]
        homes = {table_index[x.home_table] for x in people if x.home_table is not None}
        # Two different home tables cannot both hold the meeting: no candidate slot at all.
        impossible = len(homes) > 1
        home_table.append(homes.pop() if len(homes) == 1 else NO_TABLE)
        capable = _capable_types(people, types)
        interp_types.append(capable)

        slots = set(all_slots)
        for p in parts:
            slots &= part_avail[p]
        if meeting.session is not None:
            slots = {s for s in slots if problem.slots[s].session == meeting.session}
        if meeting.slot is not None:
            slots &= {slot_index[meeting.slot]} if meeting.slot in slot_index else set()
        open_slots.append(sorted(slots))
        if capable is not None:
            slots = {s for s in slots if any(types[k].available[s] for k in capable)}
        interpreted_slots.append(sorted(slots))
        candidates.append([] if impossible else interpreted_slots[-1])

    return CompactProblem(
        problem=problem,
        n_slots=n_slots,
        n_tables=len(problem.tables),
        slot_block=slot_block,
        block_slots=block_slots,
        slot_pos=slot_pos,
        meeting_parts=meeting_parts,
        priority=[m.priority for m in problem.meetings],
        required=[m.required for m in problem.meetings],
        fixed_slot=[slot_index.get(m.slot) if m.slot else None for m in problem.meetings],
        home_table=home_table,
        interp_types=interp_types,
        types=types,
        candidates=candidates,
        open_slots=open_slots,
        interpreted_slots=interpreted_slots,
        max_meetings=[
            n_slots if p.max_meetings is None else p.max_meetings for p in problem.participants
        ],
        part_meetings=part_meetings,
    )


def _interpreter_types(
    problem: Problem, slot_index: dict[str, int], n_slots: int
) -> list[InterpreterType]:
    groups: dict[tuple[frozenset[str], tuple[bool, ...]], list[int]] = {}
    for i, interp in enumerate(problem.interpreters):
        if interp.available is None:
            avail = (True,) * n_slots
        else:
            chosen = {slot_index[x] for x in interp.available if x in slot_index}
            avail = tuple(s in chosen for s in range(n_slots))
        groups.setdefault((interp.languages, avail), []).append(i)
    types: list[InterpreterType] = []
    for (languages, avail), members in groups.items():
        types.append(InterpreterType(languages, tuple(members), avail))
    return types


def block_breaks(mask: int) -> int:
    """Breaks in one block given the bit mask of occupied positions: runs of meetings minus one."""
    if not mask:
        return 0
    return (mask & ~(mask << 1)).bit_count() - 1


def _blocks(problem: Problem) -> tuple[list[int], list[list[int]], list[int]]:
    """Each slot's block, each block's slots in order, each slot's position in its block."""
    block_ids: dict[str, int] = {}
    slot_block: list[int] = []
    block_slots: list[list[int]] = []
    slot_pos: list[int] = []
    for s, slot in enumerate(problem.slots):
        b = block_ids.setdefault(slot.block, len(block_ids))
        if b == len(block_slots):
            block_slots.append([])
        slot_block.append(b)
        slot_pos.append(len(block_slots[b]))
        block_slots[b].append(s)
    return slot_block, block_slots, slot_pos


def _capable_types(
    people: list[Participant], types: list[InterpreterType]
) -> tuple[int, ...] | None:
    """The interpreter types that can serve the meeting; None if it needs no interpreter."""
    if not needs_interpreter([x.languages for x in people]):
        return None
    return tuple(
        k for k, itype in enumerate(types) if all(itype.languages & x.languages for x in people)
    )
