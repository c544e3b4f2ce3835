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

from amity.engine.scheduling.compact import block_breaks
from amity.engine.scheduling.occupancy import Occupancy


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
        self.excess = self._excess()

    def _excess(self) -> int:
        hist = self.hist
        lo = next((v for v, n in enumerate(hist) if n), 0)
        cap = lo + self.spread
        return sum(n * (v - cap) for v, n in enumerate(hist) if v > cap and n)

    def excess_after(self, changes: dict[int, int]) -> int:
        """The excess if the participants in ``changes`` had those totals instead."""
        hist, total = self.hist, self.total
        for p, new in changes.items():
            hist[total[p]] -= 1
            hist[new] += 1
        result = self._excess()
        for p, new in changes.items():
            hist[new] -= 1
            hist[total[p]] += 1
        return result

    def refresh(self, people: set[int] | list[int] | tuple[int, ...]) -> None:
        """Re-read these participants' totals from the occupancy after meetings moved."""
        changed = False
        for p in people:
            new = sum(block_breaks(mask) for mask in self.occ.masks[p])
            old = self.total[p]
            if new != old:
                self.hist[old] -= 1
                self.hist[new] += 1
                self.total[p] = new
                changed = True
        if changed:
            self.excess = self._excess()

    def violators(self) -> list[int]:
        """Participants above the cap (min + d), worst first."""
        lo = next((v for v, n in enumerate(self.hist) if n), 0)
        cap = lo + self.spread
        above = [p for p, v in enumerate(self.total) if v > cap]
        return sorted(above, key=lambda p: (-self.total[p], p))
