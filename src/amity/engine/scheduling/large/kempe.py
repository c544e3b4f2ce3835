"""Break reduction by Kempe-chain moves: swap a chain of meetings between two slots of a block.

Moving meeting m from slot s to slot t of the same block is blocked when one of its
participants already meets someone at t; that meeting then moves to s, which may block
another participant at s, and so on. The chain (a connected set of meetings in s and t
linked by shared participants) swaps slots as a whole, so no participant is ever double
booked, the set of scheduled meetings (hence the priority) does not change, and only the
tables, home tables, interpreters and candidate slots need re-checking.

A chain's participants have all their meetings in s and t inside the chain, so their two
positions just trade places: the change in breaks is computed from bit masks before anything
moves, and only moves worth making are applied (and checked for tables and interpreters).

The search is an iterated local search: a hill climb over the participants with breaks (a
worklist: a participant whose block changed is looked at again), then rounds of "kick one
participant's block with two random chain swaps (half the time a participant with a break),
climb again from the people touched, undo the round if the breaks went up".

With a fairness bound (``spread``), a `BreakLedger` keeps every participant's total breaks
and the *excess* over the cap (see `large_fairness.py`); moves are then judged by
(change in excess, change in breaks) lexicographically: a move that would break the bound is
rejected, one that repairs a violation is made even if it costs breaks elsewhere, and the
kicks go half the time to the meetings of participants above the cap while there are any.
"""

from __future__ import annotations

import random
import time

from amity.engine.scheduling.compact.occupancy import UNPLACED, Occupancy
from amity.engine.scheduling.compact.problem import CompactProblem, block_breaks
from amity.engine.scheduling.large.fairness import BreakLedger

MAX_CHAIN = 24
# Meetings tried for making room in a slot whose tables or interpreters are all taken.
MAX_MAKE_ROOM = 12
# Random chain swaps per kick of the iterated local search.
KICK_MOVES = 2

Journal = list[list[tuple[int, int, int]]]


class KempeSearch:
    """Kempe-chain moves inside blocks: insertion, hill climbing and iterated local search."""

    def __init__(self, occ: Occupancy, rng: random.Random, spread: int | None = None) -> None:
        self.occ = occ
        self.ledger = None if spread is None else BreakLedger(occ, spread)
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

    def chain(self, m: int, s: int, t: int) -> list[int] | None:
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

    def delta(self, chain: list[int], s: int, t: int) -> tuple[int, dict[int, int], set[int]]:
        """(change in breaks, the changes per participant, the people in it) if ``chain``
        swapped between slots s and t of one block: nothing is moved to know it."""
        occ, cp = self.occ, self.cp
        b = cp.slot_block[s]
        people = {p for o in chain for p in cp.meeting_parts[o]}
        # A participant in the chain has all its meetings in s and t in it, so its positions
        # s and t simply trade places: the change in breaks is known before moving anything.
        bit_s, bit_t = 1 << cp.slot_pos[s], 1 << cp.slot_pos[t]
        both = bit_s | bit_t
        delta = 0
        changes: dict[int, int] = {}
        for p in people:
            mask = occ.masks[p][b]
            swapped = mask & ~both
            if mask & bit_s:
                swapped |= bit_t
            if mask & bit_t:
                swapped |= bit_s
            change = block_breaks(swapped) - block_breaks(mask)
            delta += change
            if change:
                changes[p] = change
        return delta, changes, people

    def try_move(
        self, m: int, t: int, journal: Journal | None, *, any_delta: bool = False
    ) -> tuple[int, set[int]] | None:
        """Swap m's chain between its slot and t if it lowers (excess, breaks) (or always, with
        `any_delta`); (change in breaks, people involved), or None if not made."""
        occ = self.occ
        s = occ.slot_of[m]
        if s in (t, UNPLACED):
            return None
        chain = self.chain(m, s, t)
        if chain is None:
            return None
        self.moves_tried += 1
        delta, changes, people = self.delta(chain, s, t)
        if not any_delta:
            ledger = self.ledger
            excess_change = 0
            if ledger is not None and changes:
                after = {p: ledger.total[p] + c for p, c in changes.items()}
                excess_change = ledger.excess_change(after)
            if (excess_change, delta) >= (0, 0):
                return None
        old = self.swap(chain, s, t)
        if old is None:
            return None
        self.moves_kept += delta < 0
        if journal is not None:
            journal.append(old)
        return delta, people

    def climb(self, work: set[tuple[int, int]], max_moves: int, journal: Journal | None) -> int:
        """Improving moves until no participant in the worklist can lose a break; the gain."""
        occ, cp = self.occ, self.cp
        gained = 0
        queue = sorted(work)
        self.rng.shuffle(queue)
        queued = set(queue)
        while queue and self.moves_tried < max_moves:
            p, b = queue.pop()
            queued.discard((p, b))
            slots = cp.block_slots[b]
            for m in [o for o in cp.part_meetings[p] if occ.slot_of[o] in slots]:
                if not block_breaks(occ.masks[p][b]) or occ.slot_of[m] not in slots:
                    break
                for t in slots:
                    made = self.try_move(m, t, journal)
                    if made is None:
                        continue
                    gained -= made[0]
                    for q in made[1]:
                        if (q, b) not in queued and block_breaks(occ.masks[q][b]):
                            queued.add((q, b))
                            queue.append((q, b))
                    break
        return gained

    def climb_all(self, max_moves: int, deadline: float) -> int:
        """Hill climb from every participant with a break (no kicks); the breaks removed."""
        del deadline  # a climb is short: bounded by max_moves alone
        cp = self.cp
        everyone = {
            (p, b)
            for p in range(cp.n_participants)
            for b in range(len(cp.block_slots))
            if block_breaks(self.occ.masks[p][b])
        }
        return self.climb(everyone, self.moves_tried + max_moves, None)

    def run(self, max_moves: int, deadline: float) -> int:
        """Hill climb, then iterated local search until the move budget is spent; the gain.

        The budget counts evaluated moves, so the result does not depend on the machine's
        speed unless the deadline (a safety net) is reached first.
        """
        occ, cp = self.occ, self.cp
        gained = self.climb_all(max_moves, deadline)
        rounds = 0
        # Kicks start at a random scheduled meeting (the set never changes during the search).
        placed = [m for m in range(cp.n_meetings) if occ.slot_of[m] != UNPLACED]
        ledger = self.ledger
        violating: list[int] = []
        while placed and self.moves_tried < max_moves:
            rounds += 1
            if rounds % 50 == 0 and time.perf_counter() >= deadline:
                break
            if ledger is not None and rounds % 100 == 1:
                # While the fairness bound is broken, a quarter of the kicks go where.
                violating = self._meetings_of(ledger.violators()) if ledger.excess else []
            if rounds % 1000 == 1:
                # Half the kicks go where breaks are: meetings of participants with one.
                broken = [
                    m
                    for m in placed
                    if any(
                        block_breaks(occ.masks[q][cp.slot_block[occ.slot_of[m]]])
                        for q in cp.meeting_parts[m]
                    )
                ] or placed
            pool = broken if rounds % 2 else placed
            if violating and rounds % 4 == 0:
                pool = violating
            first = pool[self.rng.randrange(len(pool))]
            b = cp.slot_block[occ.slot_of[first]]
            parts = cp.meeting_parts[first]
            if pool is broken or pool is violating:
                parts = tuple(q for q in parts if block_breaks(occ.masks[q][b])) or parts
            p = parts[self.rng.randrange(len(parts))]
            slots = cp.block_slots[b]
            mine = [o for o in cp.part_meetings[p] if occ.slot_of[o] in slots]
            # Every round costs budget, even one whose kick moves nothing.
            self.moves_tried += 1
            journal: Journal = []
            delta = 0
            excess_before = 0 if ledger is None else ledger.excess
            touched: set[tuple[int, int]] = set()
            for _ in range(KICK_MOVES):
                m = mine[self.rng.randrange(len(mine))]
                t = slots[self.rng.randrange(len(slots))]
                made = self.try_move(m, t, journal, any_delta=True)
                if made is not None:
                    delta += made[0]
                    touched |= {(q, b) for q in made[1]}
            if not journal:
                continue
            delta -= self.climb(touched, max_moves, journal)
            excess_change = 0 if ledger is None else ledger.excess - excess_before
            if (excess_change, delta) > (0, 0):
                for old in reversed(journal):
                    self._restore(old)
            else:
                gained -= delta
        self.rounds = rounds
        return gained

    def _meetings_of(self, people: list[int]) -> list[int]:
        occ, cp = self.occ, self.cp
        return [m for p in people for m in cp.part_meetings[p] if occ.slot_of[m] != UNPLACED]

    def swap(self, chain: list[int], a: int, b: int) -> list[tuple[int, int, int]] | None:
        """Swap the chain's meetings between slots a and b; the old placements, or None
        (and nothing changed) when a table, home table or interpreter does not allow it."""
        occ = self.occ
        old = [(o, occ.slot_of[o], occ.type_of[o]) for o in chain]
        for o in chain:
            occ.remove(o)
        placed = []
        for o, slot, _ in old:
            k = occ.fits(o, b if slot == a else a)
            if k is None:
                for q in placed:
                    occ.remove(q)
                self._restore(old)
                return None
            occ.place(o, b if slot == a else a, k)
            placed.append(o)
        self._refresh(chain)
        return old

    def _restore(self, old: list[tuple[int, int, int]]) -> None:
        for o, _, _ in old:
            self.occ.remove(o)
        for o, slot, k in old:
            self.occ.place(o, slot, k)
        self._refresh([o for o, _, _ in old])

    def _refresh(self, meetings: list[int]) -> None:
        if self.ledger is not None:
            self.ledger.refresh({p for o in meetings for p in self.cp.meeting_parts[o]})

    def _breaks_of(self, people: set[int], block: int) -> int:
        return sum(block_breaks(self.occ.masks[p][block]) for p in people)

    def insert(self, m: int, slots: list[int]) -> bool:
        """Place unplaced m in one of `slots` (one block), swapping a Kempe chain if needed.

        A free slot is used if there is one (the one adding the fewest breaks). Otherwise the
        edge-colouring augmentation: with slot a free for one participant and b free for the
        other, the chain from the second participant's meeting in a is swapped between a and
        b, after which a is free for both (always so when meetings form a bipartite graph, as
        home-visitor meetings do). When the participants are free in a but its tables or the
        interpreters m needs are all taken, chains of meetings holding them are tried instead.
        Of all swaps that make room, the one adding the fewest breaks is made.
        """
        occ = self.occ
        if occ.slot_of[m] != UNPLACED:
            return False
        usable = [s for s in slots if s in self.candidate_sets[m]]
        direct = [(occ.added_breaks(m, a), a) for a in usable if occ.fits(m, a) is not None]
        if direct:
            a = min(direct)[1]
            occ.place(m, a, occ.fits(m, a))  # type: ignore[arg-type]
            self._refresh([m])
            return True
        best: tuple[int, int, int, int] | None = None
        for a in usable:
            for first in self._to_move(m, a):
                best = self._best_swap(m, a, first, slots, best)
        if best is None:
            return False
        _, a, b, first = best
        # Redo the best swap (it was undone while comparing); it succeeded a moment ago.
        chain = self.chain(first, a, b)
        old = None if chain is None else self.swap(chain, a, b)
        k = None if old is None else occ.fits(m, a)
        if k is None:
            if old is not None:
                self._restore(old)
            return False
        occ.place(m, a, k)
        self._refresh([m])
        return True

    def _to_move(self, m: int, a: int) -> list[int]:
        """Meetings in slot a whose chain, swapped away, may make room for m there."""
        occ, cp = self.occ, self.cp
        busy = self._blockers(m, a)
        if busy:
            return busy if len(busy) == 1 else []
        capable = cp.interp_types[m]
        at_a = sorted(occ.meetings_at[a])
        if occ.tables_used[a] < cp.n_tables and capable is not None:
            at_a = [o for o in at_a if occ.type_of[o] in capable]
        return at_a[:MAX_MAKE_ROOM]

    def _best_swap(
        self,
        m: int,
        a: int,
        first: int,
        slots: list[int],
        best: tuple[int, int, int, int] | None,
    ) -> tuple[int, int, int, int] | None:
        """The better of `best` and moving `first`'s chain from a to some b, then m into a."""
        occ, cp = self.occ, self.cp
        block = cp.slot_block[a]
        for b in slots:
            chain = None if b == a else self.chain(first, a, b)
            if chain is None:
                continue
            people = {p for o in [*chain, m] for p in cp.meeting_parts[o]}
            before = self._breaks_of(people, block)
            old = self.swap(chain, a, b)
            if old is None:
                continue
            k = occ.fits(m, a)
            if k is not None:
                occ.place(m, a, k)
                delta = self._breaks_of(people, block) - before
                occ.remove(m)
                if best is None or delta < best[0]:
                    best = (delta, a, b, first)
            self._restore(old)
        return best

    def _blockers(self, m: int, s: int) -> list[int]:
        """Meetings that m's participants have in slot s."""
        found = (self._meeting_at(p, s) for p in self.cp.meeting_parts[m])
        return [o for o in found if o is not None]
