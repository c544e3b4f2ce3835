"""Blockwise, vectorised pair scoring: a cheap shortlist for every row, then exact scores.

Scoring all n² pairs exactly (max similarity over every request × offer text pair, both
directions) costs ~1.4 TFLOP at 20,000 profiles, too slow for 2 cores. So:

1. Shortlist: one matrix product per block of rows on compact features — the mean request and
   mean offer vectors of each organisation projected on their top principal components, plus
   columns that add the cooperation and home-city terms — ranks every pair approximately; the
   best ``candidates`` per row survive (``np.argpartition``). Memory is one block × n matrix.
2. Exact: only shortlisted pairs get the full score (every text pair at full dimension, the
   sector hierarchy, cooperation, city, languages), computed on flat pair arrays.

The features of stage 1 are built so that their dot product approximates the stage-2 score;
the shortlist is far longer than the final list, which absorbs the approximation.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from amity.engine.matching.isic import LEVEL_FIT

# Exact pair scoring runs on chunks of this many pairs to bound its flat arrays.
PAIR_CHUNK = 131072
# Text vectors are gathered and multiplied this many text pairs at a time: 2 × 2,048 × 384
# float32 (6 MB) stay in cache between the gather and the dot product; gathering a whole pair
# chunk (2 × 200 MB) went through main memory twice and cost 4× as much.
DOT_CHUNK = 2048


@dataclass(frozen=True)
class TextSet:
    """One role's texts (all requests, or all offers), grouped by owner organisation."""

    vectors: np.ndarray  # (texts, dim), L2-normalised, owners contiguous
    start: np.ndarray  # (orgs,) first row of each organisation
    count: np.ndarray  # (orgs,) number of rows (0 = states nothing in this role)
    # Per text, its script group (hubness.SCRIPTS) and the hubness correction subtracted
    # from its cosines (hubness.py); None = no correction.
    script: np.ndarray | None = None
    penalty: np.ndarray | None = None

    def scripts(self) -> np.ndarray:
        if self.script is None:
            return np.zeros(len(self.vectors), dtype=np.int64)
        return self.script

    def penalties(self) -> np.ndarray:
        if self.penalty is None:
            return np.zeros(len(self.vectors), dtype=np.float32)
        return self.penalty


@dataclass(frozen=True)
class TitleSet:
    """Sector titles per organisation, as rows of one matrix of request × title similarities.

    Titles repeat across a fair (a few hundred distinct ones among thousands of rows), so each
    request is compared once with every distinct title, and pairs only look values up.
    """

    start: np.ndarray  # (orgs,) first title row of each organisation
    count: np.ndarray  # (orgs,) its number of title rows
    title: np.ndarray  # (rows,) distinct title index of each row
    code: np.ndarray  # (rows,) sector code id of each row
    sims: np.ndarray  # (requests, distinct titles) adjusted cosine


@dataclass(frozen=True)
class FairArrays:
    """Everything the scorer needs, as arrays indexed by organisation position."""

    seeks: TextSet
    offers: TextSet
    # Per ISIC level, (orgs, width) ids of each sector's ancestor at that level; -1 = none.
    sector_levels: dict[str, np.ndarray]
    coop_mask: np.ndarray  # (orgs,) int64 bit set over COOPERATION_TYPES
    lang_words: np.ndarray  # (orgs, words) uint64 bit set over the fair's languages
    has_languages: np.ndarray  # (orgs,) bool
    is_home: np.ndarray  # (orgs,) bool
    # Forbidden pairs (no_thanks, both directions) as sorted row/col arrays.
    forbid_rows: np.ndarray
    forbid_cols: np.ndarray
    # Cross-script similarity scale (hubness.py), (scripts, scripts); None = identity.
    script_scale: np.ndarray | None = None
    # Each organisation's sector titles (English and Chinese); None with the lexical
    # backend (it has them in its offers).
    sector_titles: TitleSet | None = None

    @property
    def scale(self) -> np.ndarray:
        if self.script_scale is None:
            return np.ones((1, 1), dtype=np.float32)
        return self.script_scale

    @property
    def size(self) -> int:
        return int(self.is_home.shape[0])


@dataclass(frozen=True)
class Weights:
    text: float
    sector: float
    cooperation: float
    city: float
    # Share of the text score carried by the stronger direction; the other direction
    # (reciprocity) carries the rest, so a one-sided pair scores this much of a mutual one.
    one_sided_factor: float
    low: float  # raw cosine mapped to 0
    high: float  # raw cosine mapped to 1
    # The home ↔ partner-city bonus applies only to pairs whose text score reaches this floor:
    # it breaks ties among good partners and never lifts a pair with nothing to talk about.
    city_floor: float = 0.0
    # Share of a direction's gain that comes from the request against the other side's
    # sector titles rather than its offers (0 = offers only).
    sector_text: float = 0.0


@dataclass(frozen=True)
class PairScores:
    """Exact scores and their parts for a flat list of (row, col) pairs."""

    rows: np.ndarray
    cols: np.ndarray
    score: np.ndarray
    # Calibrated similarity of the row's best request vs the col's best offer (nan: none).
    gain_row: np.ndarray
    gain_col: np.ndarray
    # Raw cosine and text indices behind gain_row / gain_col (-1 when undefined).
    cos_row: np.ndarray
    row_seek: np.ndarray
    col_offer: np.ndarray
    cos_col: np.ndarray
    col_seek: np.ndarray
    row_offer: np.ndarray
    sector_fit: np.ndarray
    sector_id: np.ndarray  # shared ancestor's id (-1 none)
    # Row's best request vs col's sector titles (cosine, request, code id; nan/-1 none),
    # and the col's request vs the row's titles.
    title_cos_row: np.ndarray
    title_seek_row: np.ndarray
    title_code_row: np.ndarray
    title_cos_col: np.ndarray
    title_seek_col: np.ndarray
    title_code_col: np.ndarray
    coop_shared: np.ndarray  # int64 bit set of shared cooperation types
    interpreter: np.ndarray  # bool
    home_partner: np.ndarray  # bool: one side from the home city, the other from a partner


def _pooled(texts: TextSet, n: int, mean: np.ndarray) -> np.ndarray:
    """Mean text vector per organisation (re-normalised); the corpus mean when it has none."""
    dim = texts.vectors.shape[1]
    pooled = np.tile(mean, (n, 1)).astype(np.float32)
    has = texts.count > 0
    if has.any():
        # Owners' rows are contiguous: pass j adds every owner's j-th text, so the work is one
        # read of each vector (a float64 running sum over all rows cost 10x more; so did
        # np.add.reduceat on axis 0).
        sums = np.zeros((n, dim), dtype=np.float32)
        for j in range(int(texts.count.max())):
            owners = np.flatnonzero(texts.count > j)
            sums[owners] += texts.vectors[texts.start[owners] + j]
        norms = np.linalg.norm(sums[has], axis=1, keepdims=True)
        pooled[has] = sums[has] / np.maximum(norms, 1e-12)
    return pooled.reshape(n, dim)


def _pooled_penalty(texts: TextSet, n: int) -> np.ndarray:
    """Mean hubness correction of each organisation's texts (0 when it has none)."""
    owner = np.repeat(np.arange(n), texts.count)
    sums = np.bincount(owner, weights=texts.penalties(), minlength=n)
    return (sums / np.maximum(texts.count, 1)).astype(np.float32)


def org_scripts(arrays: FairArrays) -> np.ndarray:
    """Each organisation's script group: the one most of its texts are written in."""
    n = arrays.size
    groups = arrays.scale.shape[0]
    votes = np.zeros((n, groups), dtype=np.int64)
    for texts in (arrays.seeks, arrays.offers):
        owner = np.repeat(np.arange(n), texts.count)
        np.add.at(votes, (owner, np.minimum(texts.scripts(), groups - 1)), 1)
    return votes.argmax(axis=1)


def shortlist_features(
    arrays: FairArrays, weights: Weights, components: int
) -> tuple[np.ndarray, np.ndarray]:
    """Row and column features whose dot product approximates the pair score (stage 1)."""
    n = arrays.size
    all_vectors = np.concatenate([arrays.seeks.vectors, arrays.offers.vectors])
    dim = all_vectors.shape[1]
    mean = all_vectors.mean(axis=0) if len(all_vectors) else np.zeros(dim, np.float32)
    seek = _pooled(arrays.seeks, n, mean)
    offer = _pooled(arrays.offers, n, mean)
    centred = np.concatenate([seek, offer]) - mean
    # The top principal components keep most of the spread between needs at a third of the
    # cost; a·b = (a-μ)·(b-μ) + μ·a + μ·b - μ·μ, and the μ·a term is constant along a row.
    k = min(components, dim)
    if k >= dim or centred.shape[0] <= k:
        proj = centred  # small fair: the full vectors are cheap enough
    elif centred.shape[0] < dim:
        # Fewer vectors than dimensions (small fairs, lexical vectors): the thin SVD of the
        # data is far cheaper than the dim × dim covariance eigenproblem.
        _, _, vt = np.linalg.svd(centred, full_matrices=False)
        proj = centred @ vt[:k].T
    else:
        cov = centred.T @ centred
        _, vecs = np.linalg.eigh(cov.astype(np.float64))
        proj = centred @ vecs[:, -k:].astype(np.float32)
    p_seek, p_offer = proj[:n], proj[n:]
    # The sum of both directions stands in for the text score; 2 × width maps it to ~[0, 1].
    a = weights.text / (2.0 * (weights.high - weights.low))
    # Hub corrections: the row's own ones are constant along its row, the column's a bias.
    hubs = _pooled_penalty(arrays.seeks, n) + _pooled_penalty(arrays.offers, n)
    col_bias = a * (seek @ mean + offer @ mean - hubs)

    coop = ((arrays.coop_mask[:, None] >> np.arange(16)) & 1).astype(np.float32)
    coop_frac = coop / np.maximum(coop.sum(axis=1, keepdims=True), 1.0)
    home = arrays.is_home.astype(np.float32)[:, None]
    ones = np.ones((n, 1), np.float32)
    wc, wh = weights.cooperation, weights.city
    # row·col = a(s_i·o_j + o_i·s_j) + bias_j + wc·shared/|c_i| + wh·(h_i xor h_j)
    row = np.hstack(
        [
            a * p_seek,
            a * p_offer,
            ones,
            wc * coop_frac,
            wh * home,
            wh * ones,
            -2 * wh * home,
        ]
    )
    col = np.hstack([p_offer, p_seek, col_bias[:, None], coop, ones, home, home])
    return np.ascontiguousarray(row, np.float32), np.ascontiguousarray(col, np.float32)


def shortlist(
    arrays: FairArrays,
    weights: Weights,
    candidates: int,
    block_rows: int,
    components: int = 128,
    progress: Callable[[int, int], None] | None = None,
) -> np.ndarray:
    """(orgs, c) positions of each row's best approximate partners; -1 pads short rows."""
    n = arrays.size
    c = min(candidates, max(n - 1, 0))
    out = np.full((n, max(c, 0)), -1, dtype=np.int64)
    if c == 0:
        return out
    row_f, col_f = shortlist_features(arrays, weights, components)
    groups = _script_groups(arrays)
    text_width = 2 * min(components, arrays.seeks.vectors.shape[1])
    # Columns sorted by script so each script's scale applies to one contiguous slice.
    order = np.argsort(groups, kind="stable") if groups is not None else np.arange(n)
    position = np.empty(n, dtype=np.int64)
    position[order] = np.arange(n)
    col_sorted = np.ascontiguousarray(col_f[order])
    if groups is not None:
        bounds = np.searchsorted(groups[order], np.arange(arrays.scale.shape[0] + 1))
    if progress:
        progress(0, -(-n // block_rows))
    blocks = range(0, n, block_rows)
    for number, r0 in enumerate(blocks, start=1):
        r1 = min(r0 + block_rows, n)
        if groups is None:
            scores = row_f[r0:r1] @ col_sorted.T
        else:
            scores = np.empty((r1 - r0, n), dtype=np.float32)
            for script in range(arrays.scale.shape[0]):
                lo_s, hi_s = bounds[script], bounds[script + 1]
                rows_f = row_f[r0:r1].copy()
                rows_f[:, :text_width] *= arrays.scale[groups[r0:r1], script][:, None]
                scores[:, lo_s:hi_s] = rows_f @ col_sorted[lo_s:hi_s].T
        local = np.arange(r1 - r0)
        scores[local, position[local + r0]] = -np.inf
        lo, hi = np.searchsorted(arrays.forbid_rows, [r0, r1])
        if hi > lo:
            forbid = position[arrays.forbid_cols[lo:hi]]
            scores[arrays.forbid_rows[lo:hi] - r0, forbid] = -np.inf
        top = _top_columns(scores, c)
        out[r0:r1] = np.where(top >= 0, order[np.maximum(top, 0)], -1)
        if progress:
            progress(number, len(blocks))
    return out


def _script_groups(arrays: FairArrays) -> np.ndarray | None:
    """Organisations' script groups, or None when no cross-script scale applies."""
    if arrays.script_scale is None or bool((arrays.script_scale == 1).all()):
        return None
    return org_scripts(arrays)


def _top_columns(scores: np.ndarray, c: int) -> np.ndarray:
    """Column indices of each row's ``c`` largest finite scores (order unspecified), -1 padded.

    A full ``argpartition`` over n columns dominated the run time, so a threshold is first
    estimated on a strided tenth of the columns (its 3c/10-th largest value, ~3c survivors
    expected); only the survivors, packed into a narrow matrix, are partitioned (a lexsort of
    all survivors cost 0.7 s at 20,000 profiles). Rows with fewer than c survivors, or with so
    many that packing would not pay (flat rows full of ties), take the exact partition of the
    whole row, so the result is always the true top c. Each row's columns come out ascending,
    so ties between equal exact scores later fall the same way whichever path a row took.
    """
    rows, n = scores.shape
    step = 10
    if n < 20 * c:
        return _sorted_top(scores, c)
    sample = scores[:, ::step]
    k = max(1, (3 * c) // step)
    threshold = np.partition(sample, sample.shape[1] - k, axis=1)[:, sample.shape[1] - k]
    # -inf marks self and no_thanks pairs; a finite floor keeps them out of the survivors.
    np.maximum(threshold, np.finfo(np.float32).min, out=threshold)
    flat = np.flatnonzero(scores >= threshold[:, None])
    r, col = np.divmod(flat, n)  # row-major: r is non-decreasing
    counts = np.bincount(r, minlength=rows)
    packed_rows = (counts >= c) & (counts <= 16 * c)
    out = np.full((rows, c), -1, dtype=np.int64)
    keep = packed_rows[r]
    r, col, values = r[keep], col[keep], scores.reshape(-1)[flat[keep]]
    if len(r):
        kept_counts = np.where(packed_rows, counts, 0)
        first = np.concatenate([[0], np.cumsum(kept_counts)[:-1]])
        slot = np.arange(len(r)) - first[r]
        width = int(kept_counts.max())
        dense = np.full((rows, width), -np.inf, dtype=np.float32)
        dense[r, slot] = values
        dense_cols = np.full((rows, width), -1, dtype=np.int64)
        dense_cols[r, slot] = col
        top = np.argpartition(dense, width - c, axis=1)[:, width - c :]
        picked = np.take_along_axis(dense_cols, top, axis=1)
        out[packed_rows] = np.sort(picked[packed_rows], axis=1)
    other = np.flatnonzero(~packed_rows)
    if len(other):
        out[other] = _sorted_top(scores[other], c)
    return out


def _sorted_top(scores: np.ndarray, c: int) -> np.ndarray:
    """Exact top ``c`` finite columns per row by full partition, ascending, -1 padded last."""
    n = scores.shape[1]
    top = np.argpartition(scores, n - c, axis=1)[:, n - c :]
    valid = np.isfinite(np.take_along_axis(scores, top, axis=1))
    # Invalid slots sort last as n, then become -1 pads.
    ordered = np.sort(np.where(valid, top, n), axis=1)
    return np.where(ordered == n, -1, ordered)


def _first_of_runs(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Distinct values of a non-decreasing array and the index of each one's first element.

    The same result as ``np.unique(values, return_index=True)`` without its sort: pair ids
    of the hits are already in order.
    """
    starts = (
        np.flatnonzero(np.concatenate([[True], values[1:] != values[:-1]]))
        if len(values)
        else np.zeros(0, np.int64)
    )
    return values[starts], starts


def paired_dots(a: np.ndarray, ia: np.ndarray, b: np.ndarray, ib: np.ndarray) -> np.ndarray:
    """``a[ia[k]] · b[ib[k]]`` for every k, in cache-sized slices (see DOT_CHUNK)."""
    out = np.empty(len(ia), dtype=np.float32)
    for s in range(0, len(ia), DOT_CHUNK):
        e = s + DOT_CHUNK
        np.einsum("ij,ij->i", a[ia[s:e]], b[ib[s:e]], out=out[s:e])
    return out


def _max_similarity(
    a: TextSet, b: TextSet, rows: np.ndarray, cols: np.ndarray, scale: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Best cosine over a[row]'s texts × b[col]'s texts per pair, with the winning texts."""
    na = a.count[rows]
    nb = b.count[cols]
    m = na * nb
    best = np.full(len(rows), np.nan, dtype=np.float32)
    best_a = np.full(len(rows), -1, dtype=np.int64)
    best_b = np.full(len(rows), -1, dtype=np.int64)
    total = int(m.sum())
    if total == 0:
        return best, best_a, best_b
    pair = np.repeat(np.arange(len(rows)), m)
    offsets = np.cumsum(m) - m
    within = np.arange(total) - offsets[pair]
    nb_p = nb[pair]
    ia = a.start[rows][pair] + within // nb_p
    ib = b.start[cols][pair] + within % nb_p
    sims = paired_dots(a.vectors, ia, b.vectors, ib)
    # Cross-script scale and hub penalties (hubness.py); identity and 0 when not measured.
    groups = scale.shape[0]
    sims *= scale[np.minimum(a.scripts()[ia], groups - 1), np.minimum(b.scripts()[ib], groups - 1)]
    sims -= a.penalties()[ia] + b.penalties()[ib]
    defined = m > 0
    maxima = np.maximum.reduceat(sims, offsets[defined])
    best[defined] = maxima
    # First text pair reaching the maximum explains the pair.
    hits = np.flatnonzero(sims == best[pair])
    first_pair, first_hit = _first_of_runs(pair[hits])
    best_a[first_pair] = ia[hits[first_hit]]
    best_b[first_pair] = ib[hits[first_hit]]
    return best, best_a, best_b


def _max_title_similarity(
    seeks: TextSet, titles: TitleSet, rows: np.ndarray, cols: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Best request (of row) × sector title (of col) per pair, by lookup in ``titles.sims``."""
    na, nb = seeks.count[rows], titles.count[cols]
    m = na * nb
    best = np.full(len(rows), np.nan, dtype=np.float32)
    best_a = np.full(len(rows), -1, dtype=np.int64)
    best_b = np.full(len(rows), -1, dtype=np.int64)
    if int(m.sum()) == 0:
        return best, best_a, best_b
    pair = np.repeat(np.arange(len(rows)), m)
    offsets = np.cumsum(m) - m
    within = np.arange(len(pair)) - offsets[pair]
    ia = seeks.start[rows][pair] + within // nb[pair]
    ib = titles.start[cols][pair] + within % nb[pair]
    sims = titles.sims[ia, titles.title[ib]]
    defined = m > 0
    best[defined] = np.maximum.reduceat(sims, offsets[defined])
    hits = np.flatnonzero(sims == best[pair])
    first_pair, first_hit = _first_of_runs(pair[hits])
    best_a[first_pair] = ia[hits[first_hit]]
    best_b[first_pair] = ib[hits[first_hit]]
    return best, best_a, best_b


def _sector_fit(
    arrays: FairArrays, rows: np.ndarray, cols: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    fit = np.zeros(len(rows), dtype=np.float32)
    shared = np.full(len(rows), -1, dtype=np.int64)
    # Deepest level first: the first level with a shared ancestor decides (class > group > …).
    for level, weight in LEVEL_FIT.items():
        ids = arrays.sector_levels[level]
        if ids.shape[1] == 0:
            continue
        mine = ids[rows]
        theirs = np.where(ids[cols] < 0, -2, ids[cols])  # -1 pads must not match each other
        eq = mine[:, :, None] == theirs[:, None, :]
        hit = eq.any(axis=(1, 2)) & (fit == 0)
        if hit.any():
            flat = eq[hit].reshape(int(hit.sum()), -1).argmax(axis=1)
            shared[hit] = mine[hit][np.arange(len(flat)), flat // theirs.shape[1]]
            fit[hit] = weight
    return fit, shared


def _title_matches(
    arrays: FairArrays, rows: np.ndarray, cols: np.ndarray
) -> tuple[np.ndarray, ...]:
    """Both directions' best request × sector-title cosine, its request and its code id."""
    titles = arrays.sector_titles
    if titles is None or not len(titles.code):
        none = np.full(len(rows), np.nan, dtype=np.float32)
        missing = np.full(len(rows), -1, dtype=np.int64)
        return none, missing, missing, none, missing, missing
    out: list[np.ndarray] = []
    for a, b in ((rows, cols), (cols, rows)):
        cos, seek, row = _max_title_similarity(arrays.seeks, titles, a, b)
        out += [cos, seek, np.where(row >= 0, titles.code[np.maximum(row, 0)], -1)]
    return tuple(out)


def _calibrate(cos: np.ndarray, weights: Weights) -> np.ndarray:
    return np.clip((cos - weights.low) / (weights.high - weights.low), 0.0, 1.0)


def exact_scores(
    arrays: FairArrays, weights: Weights, rows: np.ndarray, cols: np.ndarray
) -> PairScores:
    """The full, explainable score of each (row, col) pair; see docs/algorithms/matching.md."""
    parts = [
        _exact_chunk(arrays, weights, rows[s : s + PAIR_CHUNK], cols[s : s + PAIR_CHUNK])
        for s in range(0, max(len(rows), 1), PAIR_CHUNK)
    ]
    return PairScores(
        *(np.concatenate([getattr(p, f) for p in parts]) for f in PairScores.__dataclass_fields__)
    )


def exact_score_values(
    arrays: FairArrays, weights: Weights, rows: np.ndarray, cols: np.ndarray
) -> np.ndarray:
    """Only the score of each pair, which is all ranking needs: the parts behind it (winning
    texts, shared codes) are asked of ``exact_scores`` for the pairs actually shown."""
    if not len(rows):
        return np.zeros(0, dtype=np.float32)
    return np.concatenate(
        [
            _exact_chunk(arrays, weights, rows[s : s + PAIR_CHUNK], cols[s : s + PAIR_CHUNK]).score
            for s in range(0, len(rows), PAIR_CHUNK)
        ]
    )


def _exact_chunk(
    arrays: FairArrays, weights: Weights, rows: np.ndarray, cols: np.ndarray
) -> PairScores:
    cos_row, row_seek, col_offer = _max_similarity(
        arrays.seeks, arrays.offers, rows, cols, arrays.scale
    )
    cos_col, col_seek, row_offer = _max_similarity(
        arrays.seeks, arrays.offers, cols, rows, arrays.scale
    )
    gain_row = _calibrate(cos_row, weights)
    gain_col = _calibrate(cos_col, weights)
    titles = _title_matches(arrays, rows, cols)
    if weights.sector_text > 0 and arrays.sector_titles is not None:
        # A request is also read against what the other side *is* (its sector titles, in the
        # request's language too): "cold storage for our wine" fits a warehouse, not a winery.
        lam = weights.sector_text
        for gain, title_cos in ((gain_row, titles[0]), (gain_col, titles[3])):
            fits = ~np.isnan(gain) & ~np.isnan(title_cos)
            title_gain = np.minimum(_calibrate(title_cos[fits], weights), gain[fits])
            gain[fits] = (1 - lam) * gain[fits] + lam * title_gain
    # One direction answering a stated need is enough to be relevant; the other direction
    # (reciprocity) adds the rest, so mutual pairs rank first. Undefined directions gain 0.
    g_row, g_col = np.nan_to_num(gain_row, nan=0.0), np.nan_to_num(gain_col, nan=0.0)
    f = weights.one_sided_factor
    text = f * np.maximum(g_row, g_col) + (1.0 - f) * np.minimum(g_row, g_col)
    fit, sector_id = _sector_fit(arrays, rows, cols)
    coop_shared = arrays.coop_mask[rows] & arrays.coop_mask[cols]
    city = arrays.is_home[rows] != arrays.is_home[cols]
    shared_lang = (arrays.lang_words[rows] & arrays.lang_words[cols]).any(axis=1)
    interpreter = arrays.has_languages[rows] & arrays.has_languages[cols] & ~shared_lang
    score = (
        weights.text * text
        + weights.sector * fit
        + weights.cooperation * (coop_shared != 0)
        + weights.city * (city & (text >= weights.city_floor))
    )
    return PairScores(
        rows=rows,
        cols=cols,
        score=score.astype(np.float32),
        gain_row=gain_row,
        gain_col=gain_col,
        cos_row=cos_row,
        row_seek=row_seek,
        col_offer=col_offer,
        cos_col=cos_col,
        col_seek=col_seek,
        row_offer=row_offer,
        sector_fit=fit,
        sector_id=sector_id,
        title_cos_row=titles[0],
        title_seek_row=titles[1],
        title_code_row=titles[2],
        title_cos_col=titles[3],
        title_seek_col=titles[4],
        title_code_col=titles[5],
        coop_shared=coop_shared,
        interpreter=interpreter,
        home_partner=city,
    )
