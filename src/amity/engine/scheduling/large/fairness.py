"""Break counts per participant for the fairness bound of the large-fair local search.

With ``fairness``, every two participants' break counts may differ by at most
``max_break_spread`` (d). The local search measures how far a schedule is from that with the
*excess* Σ_p max(0, breaks_p − (min breaks + d)): zero exactly when the bound holds, and it
falls by one for every break taken from a participant above the cap, so moves that repair a
violation one break at a time count as progress (the spread itself often would not move).

On generated fairs the minimum is 0 (someone with one meeting), so the cap is simply d; the
histogram keeps the minimum exact anyway, for fairs where everybody has breaks.
"""

from __future__ import annotations

from amity.engine.scheduling.compact.occupancy import Occupancy
from amity.engine.scheduling.compact.problem import block_breaks


class BreakLedger:
    """Every participant's total breaks over all blocks, their histogram and the excess."""

    def __init__(self, occ: Occupancy, spread: int) -> None:
        self.occ = occ
        self.spread = spread
        self.total = [sum(block_breaks(mask) for mask in masks) for masks in occ.masks]
        # A participant has fewer breaks than slots, so the histogram never overflows.
        self.hist = [0] * (occ.cp.n_slots + 1)
        for v in self.total:
            self.hist[v] += 1
        self.lo = self._lowest()
        self.excess = self._excess()

    def _lowest(self) -> int:
        return next((v for v, n in enumerate(self.hist) if n), 0)

    def _excess(self) -> int:
        cap = self.lo + self.spread
        return sum(n * (v - cap) for v, n in enumerate(self.hist) if v > cap and n)

    def _keeps_lowest(self, after: dict[int, int]) -> bool:
        """Whether the minimum stays put: nobody drops below it and someone stays on it.
        (Almost always: on real fairs hundreds of participants have no break at all.)"""
        lo, total = self.lo, self.total
        leaving = 0
        for p, new in after.items():
            if new < lo:
                return False
            leaving += total[p] == lo
        return leaving < self.hist[lo]

    def excess_change(self, after: dict[int, int]) -> int:
        """How the excess would change if the participants in ``after`` had those totals.

        The search asks this for every move it evaluates, so the usual case (the minimum,
        hence the cap, does not move) is answered from the changed participants alone.
        """
        total = self.total
        if self._keeps_lowest(after):
            cap = self.lo + self.spread
            return sum(max(0, new - cap) - max(0, total[p] - cap) for p, new in after.items())
        hist = self.hist
        for p, new in after.items():
            hist[total[p]] -= 1
            hist[new] += 1
        lo = self.lo
        self.lo = self._lowest()
        result = self._excess() - self.excess
        self.lo = lo
        for p, new in after.items():
            hist[new] -= 1
            hist[total[p]] += 1
        return result

    def refresh(self, people: set[int] | list[int] | tuple[int, ...]) -> None:
        """Re-read these participants' totals from the occupancy after meetings moved."""
        after = {}
        for p in people:
            new = sum(block_breaks(mask) for mask in self.occ.masks[p])
            if new != self.total[p]:
                after[p] = new
        if not after:
            return
        fast = self._keeps_lowest(after)
        change = self.excess_change(after) if fast else 0
        for p, new in after.items():
            self.hist[self.total[p]] -= 1
            self.hist[new] += 1
            self.total[p] = new
        if fast:
            self.excess += change
        else:
            self.lo = self._lowest()
            self.excess = self._excess()

    def violators(self) -> list[int]:
        """Participants above the cap (min + d), worst first."""
        cap = self.lo + self.spread
        above = [p for p, v in enumerate(self.total) if v > cap]
        return sorted(above, key=lambda p: (-self.total[p], p))
