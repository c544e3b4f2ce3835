"""A mutable partial schedule over a `CompactProblem`, with O(1) feasibility checks.

Greedy construction, repair and local search all place and remove single meetings; this keeps
the per-participant, per-slot, per-table and per-interpreter-type counters those moves need,
and turns the final state into concrete `Assignment`s (tables and interpreters by name).
"""

from __future__ import annotations

from amity.engine.scheduling.compact.problem import NO_TABLE, CompactProblem, block_breaks
from amity.engine.scheduling.model import Assignment

UNPLACED = -1
NO_INTERPRETER = -1


class Occupancy:
    """Which meetings sit in which slot, and what each slot has left."""

    def __init__(self, cp: CompactProblem) -> None:
        self.cp = cp
        n_blocks = len(cp.block_slots)
        self.slot_of = [UNPLACED] * cp.n_meetings
        self.type_of = [NO_INTERPRETER] * cp.n_meetings
        self.busy = [0] * cp.n_participants
        self.count = [0] * cp.n_participants
        # Occupied positions per participant and block, as bit masks (bit = position in block).
        self.masks = [[0] * n_blocks for _ in range(cp.n_participants)]
        self.tables_used = [0] * cp.n_slots
        self.meetings_at: list[set[int]] = [set() for _ in range(cp.n_slots)]
        self.home_used: list[set[int]] = [set() for _ in range(cp.n_slots)]
        self.type_used = [[0] * len(cp.types) for _ in range(cp.n_slots)]
        self.type_cap = [
            [len(t.members) if t.available[s] else 0 for t in cp.types] for s in range(cp.n_slots)
        ]
        # Specialised interpreter types are used first so generalists stay free for the rest.
        demand = [0] * len(cp.types)
        for capable in cp.interp_types:
            for k in capable or ():
                demand[k] += 1
        self._type_rank = demand

    def interpreter_for(self, m: int, s: int) -> int | None:
        """The interpreter type to use for meeting m in slot s; NO_INTERPRETER if none needed,
        None if every capable type is fully booked."""
        capable = self.cp.interp_types[m]
        if capable is None:
            return NO_INTERPRETER
        used, cap = self.type_used[s], self.type_cap[s]
        best = None
        for k in capable:
            if used[k] < cap[k] and (best is None or self._type_rank[k] < self._type_rank[best]):
                best = k
        return best

    def fits(self, m: int, s: int) -> int | None:
        """Interpreter type (or NO_INTERPRETER) if meeting m can go in candidate slot s now."""
        cp = self.cp
        bit = 1 << s
        for p in cp.meeting_parts[m]:
            if self.busy[p] & bit or self.count[p] >= cp.max_meetings[p]:
                return None
        if self.tables_used[s] >= cp.n_tables:
            return None
        table = cp.home_table[m]
        if table != NO_TABLE and table in self.home_used[s]:
            return None
        return self.interpreter_for(m, s)

    def place(self, m: int, s: int, k: int) -> None:
        cp = self.cp
        self.slot_of[m] = s
        self.type_of[m] = k
        bit = 1 << s
        b, pos = cp.slot_block[s], 1 << cp.slot_pos[s]
        for p in cp.meeting_parts[m]:
            self.busy[p] |= bit
            self.count[p] += 1
            self.masks[p][b] |= pos
        self.tables_used[s] += 1
        self.meetings_at[s].add(m)
        if cp.home_table[m] != NO_TABLE:
            self.home_used[s].add(cp.home_table[m])
        if k != NO_INTERPRETER:
            self.type_used[s][k] += 1

    def remove(self, m: int) -> None:
        cp = self.cp
        s, k = self.slot_of[m], self.type_of[m]
        if s == UNPLACED:
            return
        bit = 1 << s
        b, pos = cp.slot_block[s], 1 << cp.slot_pos[s]
        for p in cp.meeting_parts[m]:
            self.busy[p] &= ~bit
            self.count[p] -= 1
            self.masks[p][b] &= ~pos
        self.tables_used[s] -= 1
        self.meetings_at[s].discard(m)
        if cp.home_table[m] != NO_TABLE:
            self.home_used[s].discard(cp.home_table[m])
        if k != NO_INTERPRETER:
            self.type_used[s][k] -= 1
        self.slot_of[m] = UNPLACED
        self.type_of[m] = NO_INTERPRETER

    def added_breaks(self, m: int, s: int) -> tuple[int, int]:
        """(breaks added by putting m in s, minus the number of participants it sits next to)."""
        cp = self.cp
        b, pos = cp.slot_block[s], 1 << cp.slot_pos[s]
        added = 0
        touching = 0
        for p in cp.meeting_parts[m]:
            mask = self.masks[p][b]
            added += block_breaks(mask | pos) - block_breaks(mask)
            if mask & ((pos << 1) | (pos >> 1)):
                touching += 1
        return added, -touching

    def total_priority(self) -> int:
        return sum(self.cp.priority[m] for m, s in enumerate(self.slot_of) if s != UNPLACED)

    def total_breaks(self) -> int:
        return sum(block_breaks(mask) for masks in self.masks for mask in masks)

    def copy_from(self, other: Occupancy) -> None:
        """Replace this state by another one's placements (same problem)."""
        for m in range(self.cp.n_meetings):
            self.remove(m)
        for m, s in enumerate(other.slot_of):
            if s != UNPLACED:
                self.place(m, s, other.type_of[m])

    def assignments(self) -> list[Assignment]:
        """Concrete assignments; floating meetings keep a participant's previous table if free."""
        cp = self.cp
        problem = cp.problem
        by_slot: list[list[int]] = [[] for _ in range(cp.n_slots)]
        for m, s in enumerate(self.slot_of):
            if s != UNPLACED:
                by_slot[s].append(m)
        last_table: dict[int, int] = {}
        result: list[Assignment] = []
        for s, meetings in enumerate(by_slot):
            taken = {cp.home_table[m] for m in meetings if cp.home_table[m] != NO_TABLE}
            free = [t for t in range(cp.n_tables) if t not in taken]
            free_set = set(free)
            next_free = 0
            interp_next = [0] * len(cp.types)
            for m in meetings:
                table = cp.home_table[m]
                if table == NO_TABLE:
                    table = -1
                    for p in cp.meeting_parts[m]:
                        previous = last_table.get(p)
                        if previous is not None and previous in free_set:
                            table = previous
                            break
                    if table == -1:
                        while free[next_free] not in free_set:
                            next_free += 1
                        table = free[next_free]
                    free_set.discard(table)
                for p in cp.meeting_parts[m]:
                    last_table[p] = table
                interpreter = None
                k = self.type_of[m]
                if k != NO_INTERPRETER:
                    member = cp.types[k].members[interp_next[k]]
                    interp_next[k] += 1
                    interpreter = problem.interpreters[member].id
                result.append(
                    Assignment(
                        meeting=problem.meetings[m].id,
                        slot=problem.slots[s].id,
                        table=problem.tables[table].id,
                        interpreter=interpreter,
                    )
                )
        return result
