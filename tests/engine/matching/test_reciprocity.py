"""Reciprocal hub correction (reciprocity.py) and per-script centring: properties."""

import numpy as np
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from amity.engine.matching.debias import remove_language_bias
from amity.engine.matching.reciprocity import neighbourhood_scores, reciprocal_adjust


def _all_pairs(matrix: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    n = matrix.shape[0]
    rows, cols = np.nonzero(~np.eye(n, dtype=bool))
    return rows, cols, matrix[rows, cols].astype(np.float32)


symmetric_scores = (
    st.integers(min_value=2, max_value=9)
    .flatmap(lambda n: arrays(np.float32, (n, n), elements=st.floats(0, 1, width=32)))
    .map(lambda m: np.triu(m, 1) + np.triu(m, 1).T)
)


@settings(max_examples=80, deadline=None)
@given(symmetric_scores, st.integers(min_value=1, max_value=5), st.floats(0.1, 1.0))
def test_reciprocal_adjust_is_symmetric_for_a_symmetric_score(matrix, k, strength):
    rows, cols, score = _all_pairs(matrix)

    adjusted = reciprocal_adjust(rows, cols, score, matrix.shape[0], k, strength)

    out = np.zeros_like(matrix)
    out[rows, cols] = adjusted
    assert np.array_equal(out, out.T)


@settings(max_examples=80, deadline=None)
@given(symmetric_scores, st.integers(min_value=1, max_value=5), st.floats(0.1, 1.0))
def test_reciprocal_adjust_keeps_scores_in_range_and_positive_pairs_positive(matrix, k, strength):
    rows, cols, score = _all_pairs(matrix)

    adjusted = reciprocal_adjust(rows, cols, score, matrix.shape[0], k, strength)

    assert bool(((adjusted > 0) == (score > 0)).all() and (adjusted <= 1).all())


def test_neighbourhood_scores_average_each_rows_best_k():
    rows = np.array([0, 0, 0, 1, 1, 2])
    score = np.array([0.2, 0.9, 0.5, 0.4, 0.1, 0.3], dtype=np.float32)

    rho = neighbourhood_scores(rows, score, 4, 2)

    assert [round(float(x), 5) for x in rho] == [0.7, 0.25, 0.3, 0.0]


def test_reciprocal_adjust_lifts_the_partner_of_a_sparse_neighbourhood_over_a_hub():
    # Row 0 scores 0.50 with a specific partner (1) and 0.52 with a hub (2) that scores
    # 0.60 with everyone else; the specific partner scores low with the rest.
    matrix = np.full((6, 6), 0.1, dtype=np.float32)
    matrix[2, :] = matrix[:, 2] = 0.60
    matrix[0, 1] = matrix[1, 0] = 0.50
    matrix[0, 2] = matrix[2, 0] = 0.52
    rows, cols, score = _all_pairs(matrix)

    adjusted = reciprocal_adjust(rows, cols, score, 6, 2, 1.0)

    row0 = {int(c): float(a) for r, c, a in zip(rows, cols, adjusted, strict=True) if r == 0}
    assert max(row0, key=row0.get) == 1


@settings(max_examples=40, deadline=None)
@given(
    arrays(np.float32, (6, 8), elements=st.floats(-1, 1, width=32)),
    arrays(np.float32, (8,), elements=st.floats(-3, 3, width=32)),
)
def test_centring_makes_one_scripts_ranking_invariant_to_a_shared_offset(vectors, offset):
    # A shared language offset added to every text of one script (and its reference) must
    # not change how those texts rank one another after centring.
    # Embeddings are unit vectors; a near-zero one has no direction to keep, and float32
    # rounding of (v + offset) - offset gives it an arbitrary one.
    assume(np.linalg.norm(vectors, axis=1).min() > 0.1)
    texts = ["甲", "乙", "丙", "丁", "戊", "己"]
    reference = {"cjk": np.zeros(8, np.float32), "other": np.zeros(8, np.float32)}
    shifted_reference = {"cjk": offset.copy(), "other": reference["other"]}

    plain = remove_language_bias(vectors, texts, reference)
    shifted = remove_language_bias(vectors + offset, texts, shifted_reference)

    assert np.allclose(plain @ plain.T, shifted @ shifted.T, atol=1e-4)
