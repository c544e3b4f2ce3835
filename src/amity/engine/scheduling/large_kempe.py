"""Break reduction by Kempe-chain moves: swap a chain of meetings between two slots of a block.

Moving meeting m from slot s to slot t of the same block is blocked when one of its
participants already meets someone at t; that meeting then moves to s, which may block
another participant at s, and so on. The chain (a connected set of meetings in s and t
linked by shared participants) swaps slots as a whole, so no participant is ever double
booked, the set of scheduled meetings (hence the priority) does not change, and only the
tables, home tables, interpreters and candidate slots need re-checking. A move is kept when
it reduces the breaks of the participants involved (or, as a plateau move, leaves them
unchanged with a small seeded probability, which lets the search drift out of local optima).
"""

from __future__ import annotations

import random
import time

from amity.engine.scheduling.compact import CompactProblem, block_breaks
from amity.engine.scheduling.occupancy import UNPLACED, Occupancy

MAX_CHAIN = 24
PLATEAU_PROBABILITY = 0.2


class KempeSearch:
    """Hill climbing on breaks with Kempe-chain moves inside blocks."""

    def __init__(self, occ: Occupancy, rng: random.Random) -> None:
        self.occ = occ
        self.cp: CompactProblem = occ.cp
        self.rng = rng
        self.candidate_sets = [frozenset(c) for c in self.cp.candidates]
        self.moves_tried = 0
        self.moves_kept = 0

    def _meeting_at(self, p: int, s: int) -> int | None:
        for o in self.cp.part_meetings[p]:
            if self.occ.slot_of[o] == s:
                return o
        return None

    def _chain(self, m: int, s: int, t: int) -> list[int] | None:
        """Meetings that must swap between s and t if m moves from s to t (None: too long)."""
        chain = [m]
        seen = {m}
        i = 0
        while i < len(chain):
            o = chain[i]
            i += 1
            other = t if self.occ.slot_of[o] == s else s
            if other not in self.candidate_sets[o]:
                return None
            for p in self.cp.meeting_parts[o]:
                blocker = self._meeting_at(p, other)
                if blocker is not None and blocker not in seen:
                    seen.add(blocker)
                    chain.append(blocker)
                    if len(chain) > MAX_CHAIN:
                        return None
        return chain

    def try_move(self, m: int, t: int) -> bool:
        """Swap m's Kempe chain between its slot and t if that lowers the breaks."""
        occ, cp = self.occ, self.cp
        s = occ.slot_of[m]
        if s in (t, UNPLACED):
            return False
        chain = self._chain(m, s, t)
        if chain is None:
            return False
        self.moves_tried += 1
        b = cp.slot_block[s]
        people = {p for o in chain for p in cp.meeting_parts[o]}
        before = sum(block_breaks(occ.masks[p][b]) for p in people)
        old = [(o, occ.slot_of[o], occ.type_of[o]) for o in chain]
        for o in chain:
            occ.remove(o)
        placed = []
        ok = True
        for o, slot, _ in old:
            target = t if slot == s else s
            k = occ.fits(o, target)
            if k is None:
                ok = False
                break
            occ.place(o, target, k)
            placed.append(o)
        if ok:
            after = sum(block_breaks(occ.masks[p][b]) for p in people)
            if after < before or (after == before and self.rng.random() < PLATEAU_PROBABILITY):
                self.moves_kept += after < before
                return after < before
        for o in placed:
            occ.remove(o)
        for o, slot, k in old:
            occ.place(o, slot, k)
        return False

    def insert(self, m: int, slots: list[int]) -> bool:
        """Place unplaced m in one of `slots` (one block), swapping a Kempe chain to make room.

        The edge-colouring augmentation: with slot a free for one participant and b free for
        the other, the chain from the second participant's meeting in a is swapped between a
        and b, after which a is free for both (always so when meetings form a bipartite
        graph, as home-visitor meetings do).
        """
        occ, cp = self.occ, self.cp
        if occ.slot_of[m] != UNPLACED:
            return False
        usable = [s for s in slots if s in self.candidate_sets[m]]
        for a in usable:
            k = occ.fits(m, a)
            if k is not None:
                occ.place(m, a, k)
                return True
        for a in usable:
            blockers = [self._meeting_at(p, a) for p in cp.meeting_parts[m]]
            busy = [o for o in blockers if o is not None]
            if len(busy) != 1:
                continue
            for b in slots:
                if b == a:
                    continue
                chain = self._chain(busy[0], a, b)
                if chain is None:
                    continue
                old = [(o, occ.slot_of[o], occ.type_of[o]) for o in chain]
                for o in chain:
                    occ.remove(o)
                placed = []
                ok = True
                for o, slot, _ in old:
                    k = occ.fits(o, b if slot == a else a)
                    if k is None:
                        ok = False
                        break
                    occ.place(o, b if slot == a else a, k)
                    placed.append(o)
                if ok:
                    k = occ.fits(m, a)
                    if k is not None:
                        occ.place(m, a, k)
                        return True
                for o in placed:
                    occ.remove(o)
                for o, slot, k in old:
                    occ.place(o, slot, k)
        return False

    def run(self, max_moves: int, deadline: float) -> int:
        """Passes over participants with breaks until no move helps or the budget is spent.

        Returns the number of improving moves. The budget counts evaluated moves, so the
        result does not depend on the machine's speed unless the deadline is reached first.
        """
        occ, cp = self.occ, self.cp
        improved = 0
        stale = 0
        while self.moves_tried < max_moves and time.perf_counter() < deadline and stale < 6:
            targets = [
                (p, b)
                for p in range(cp.n_participants)
                for b in range(len(cp.block_slots))
                if block_breaks(occ.masks[p][b])
            ]
            self.rng.shuffle(targets)
            before = improved
            for p, b in targets:
                if self.moves_tried >= max_moves or time.perf_counter() >= deadline:
                    break
                slots = cp.block_slots[b]
                for m in [o for o in cp.part_meetings[p] if occ.slot_of[o] in slots]:
                    if not block_breaks(occ.masks[p][b]):
                        break
                    for t in slots:
                        if occ.slot_of[m] != t and self.try_move(m, t):
                            improved += 1
            # Plateau moves change the landscape, so a pass without gain is retried a few times.
            stale = stale + 1 if improved == before else 0
        return improved
