"""Capacity-aware selection: spread the top lists so no one is flooded with requests.

Plain top-k lets a few attractive participants appear in hundreds of lists although each can
hold only ``max_meetings`` meetings. Selection here is a greedy b-matching: all candidate
pairs are visited best score first, and a pair is kept while the row's list has room and the
suggested participant sits in fewer than ``cap`` lists. A popular participant therefore keeps
the lists where it matters most, and the others fall back to their next-best candidates.
must_meet pairs are placed first and ignore the cap (the organiser asked for them).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Selection:
    """Chosen pair indices per row, best first, and the exposure counts."""

    chosen: list[list[int]]
    before: np.ndarray  # lists each participant would sit in under plain top-k
    after: np.ndarray


def plain_top_counts(
    rows: np.ndarray, cols: np.ndarray, scores: np.ndarray, n: int, top: int, forced: np.ndarray
) -> np.ndarray:
    """Lists each participant would sit in under plain top-k: forced pairs plus the best
    ``top`` others of every row (no cap)."""
    order = np.lexsort((-scores, ~forced, rows))
    sorted_rows = rows[order]
    first = np.searchsorted(sorted_rows, np.arange(n))
    rank = np.arange(len(order)) - first[sorted_rows]
    # Forced pairs sort first in their row and do not use up the ``top`` slots.
    rank -= np.bincount(rows[forced], minlength=n)[sorted_rows]
    keep = forced[order] | (rank < top)
    return np.bincount(cols[order[keep]], minlength=n)


def spread_exposure(
    rows: np.ndarray,
    cols: np.ndarray,
    scores: np.ndarray,
    forced: np.ndarray,
    caps: np.ndarray,
    top: int,
) -> Selection:
    """Select up to ``top`` pairs per row (plus forced ones) under per-column caps."""
    n = int(caps.shape[0])
    before = plain_top_counts(rows, cols, scores, n, top, forced)

    chosen: list[list[int]] = [[] for _ in range(n)]
    exposure = np.zeros(n, dtype=np.int64)
    free = np.full(n, top, dtype=np.int64)
    for index in np.flatnonzero(forced).tolist():
        chosen[int(rows[index])].append(index)
        exposure[cols[index]] += 1

    open_rows = int((free > 0).sum())
    order = np.flatnonzero(~forced)[np.argsort(-scores[~forced], kind="stable")]
    row_list = rows[order].tolist()
    col_list = cols[order].tolist()
    free_list = free.tolist()
    exposure_list = exposure.tolist()
    cap_list = caps.tolist()
    for index, row, col in zip(order.tolist(), row_list, col_list, strict=True):
        if free_list[row] == 0 or exposure_list[col] >= cap_list[col]:
            continue
        chosen[row].append(index)
        free_list[row] -= 1
        exposure_list[col] += 1
        if free_list[row] == 0:
            open_rows -= 1
            if open_rows == 0:
                break
    # Forced first, then by score: the order the participant will read. The greedy pass
    # appended the others best first already; only the forced prefix needs sorting.
    forced_count = np.bincount(rows[forced], minlength=n)
    for row in np.flatnonzero(forced_count > 1).tolist():
        k = int(forced_count[row])
        chosen[row][:k] = sorted(chosen[row][:k], key=lambda i: -float(scores[i]))
    return Selection(chosen=chosen, before=before, after=np.asarray(exposure_list, dtype=np.int64))
