import numpy as np

from amity.engine.matching.scoring import _top_columns


def test_top_columns_equals_full_sort_including_masked_pairs():
    rng = np.random.default_rng(5)
    scores = rng.normal(size=(64, 3000)).astype(np.float32)
    scores[:, :2990][3] = -np.inf  # a row with only 10 allowed partners
    scores[7, 100:200] = -np.inf
    c = 25

    got = _top_columns(scores.copy(), c)

    for row in range(64):
        finite = np.flatnonzero(np.isfinite(scores[row]))
        best = finite[np.argsort(-scores[row, finite], kind="stable")][:c]
        assert sorted(got[row][got[row] >= 0].tolist()) == sorted(best.tolist())
