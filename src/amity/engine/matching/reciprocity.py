"""Reciprocal hub correction of pair scores (CSLS applied to whole organisations).

The text hub penalty (hubness.py) works on single texts. A whole profile can still be a hub:
an organisation whose offers and requests are broad scores well with many participants and
reaches many lists, while a partner that fits one need exactly sits in a sparse
neighbourhood. Scoring a pair by both sides' neighbourhoods — how well A scores with its own
best partners and how well B does with its own — lifts pairs that are each other's
unusually good match (a soft form of mutual nearest neighbours) over pairs where one side
scores like that with everyone:

    adjusted(A, B) = score(A, B) − β·½·((ρ(A) − m) + (ρ(B) − m))

ρ(X) is the mean of X's ``k`` best pair scores, m the median of ρ over the fair. With β = 1
this is CSLS (Conneau et al., ICLR 2018) on the pair scores, re-centred so that a participant
of typical density keeps its score. The adjustment is symmetric in A and B, as the score is.
"""

from __future__ import annotations

import numpy as np


def neighbourhood_scores(rows: np.ndarray, score: np.ndarray, n: int, k: int) -> np.ndarray:
    """ρ(X): mean of row X's ``k`` largest scores (all of them if fewer; 0 for none)."""
    out = np.zeros(n, dtype=np.float32)
    if not len(rows) or k <= 0:
        return out
    # Sort by row, then by score descending within the row: a row's first k are its best.
    order = np.lexsort((-score, rows))
    r, s = rows[order], score[order]
    first = np.searchsorted(r, np.arange(n))
    rank = np.arange(len(r)) - first[r]
    best = rank < k
    sums = np.bincount(r[best], weights=s[best], minlength=n)
    counts = np.bincount(r[best], minlength=n)
    has = counts > 0
    out[has] = (sums[has] / counts[has]).astype(np.float32)
    return out


def reciprocal_adjust(
    rows: np.ndarray, cols: np.ndarray, score: np.ndarray, n: int, k: int, strength: float
) -> np.ndarray:
    """Pair scores less both sides' excess neighbourhood density, clipped to [0, 1].

    A pair that scored above 0 keeps a positive score (it had something to say); the
    adjustment only reorders, it does not remove suggestions.
    """
    if strength <= 0 or not len(rows):
        return score
    rho = neighbourhood_scores(rows, score, n, k)
    present = np.zeros(n, dtype=bool)
    present[rows] = True
    typical = float(np.median(rho[present])) if present.any() else 0.0
    excess = rho - typical
    adjusted = score - strength * 0.5 * (excess[rows] + excess[cols])
    # A pair with nothing in common stays at 0: a sparse neighbourhood must not invent one.
    adjusted = np.where(score > 0, np.clip(adjusted, 1e-6, 1.0), score)
    return adjusted.astype(np.float32)
