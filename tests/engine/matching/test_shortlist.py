import numpy as np

from amity.engine.matching import RecommendOptions, parse_profiles, recommend
from amity.engine.matching.embedding import LexicalBackend
from amity.engine.matching.hard_generator import generate_hard_fair
from amity.engine.matching.recommend import _build_arrays, _weights, candidates_per_row
from amity.engine.matching.scoring import (
    _first_of_runs,
    _top_columns,
    exact_score_values,
    exact_scores,
)


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


def test_small_fair_is_scored_exactly_for_every_pair_whatever_the_candidates():
    # Enough pairs for the exact stage: the stage-1 approximation must not decide anything.
    fair = generate_hard_fair(organisations=120, pairs=30, seed=4)
    profiles = parse_profiles(fair.profiles)
    backend = LexicalBackend()
    everything = RecommendOptions(backend="lexical", candidates=119, exact_pairs=0, cache_dir=None)
    one = RecommendOptions(backend="lexical", candidates=1, cache_dir=None)

    exact = recommend(profiles, everything, backend=backend).recommendations
    few = recommend(profiles, one, backend=backend).recommendations

    assert _ids(few) == _ids(exact)


def test_large_fair_keeps_only_the_shortlist():
    fair = generate_hard_fair(organisations=120, pairs=30, seed=4)
    profiles = parse_profiles(fair.profiles)
    options = RecommendOptions(backend="lexical", candidates=1, exact_pairs=0, cache_dir=None)

    lists = recommend(profiles, options, backend=LexicalBackend()).recommendations

    assert max(len(v) for v in lists.values()) == 1


def _ids(lists):
    return {k: [r.id for r in v] for k, v in lists.items()}


def test_candidate_count_falls_smoothly_above_the_pair_budget():
    options = RecommendOptions(exact_pairs=1_500_000, candidates=40)
    counts = [candidates_per_row(n, options) for n in (1_000, 1_225, 1_226, 1_500, 3_000)]

    assert counts[:2] == [999, 1_224]  # every pair below the budget
    assert counts[2] >= 1_200  # one more participant keeps nearly all, no cliff to 40
    assert counts[3:] == [1_000, 500]  # the same budget shared by more rows
    assert candidates_per_row(100_000, options) == 40  # never below the floor


def test_first_of_runs_matches_numpy_unique_on_sorted_pair_ids():
    rng = np.random.default_rng(3)
    for size in (0, 1, 7, 5_000):
        values = np.sort(rng.integers(0, 60, size))
        got_values, got_first = _first_of_runs(values)
        want_values, want_first = np.unique(values, return_index=True)
        assert got_values.tolist() == want_values.tolist()
        assert got_first.tolist() == want_first.tolist()


def test_top_columns_packed_path_is_exact_with_flat_rows_and_ascending():
    # Wide enough (n ≥ 20c) for the sampled threshold; row 4 is flat (all ties, too many
    # survivors to pack), row 9 has fewer allowed partners than c.
    rng = np.random.default_rng(11)
    scores = rng.normal(size=(32, 4000)).astype(np.float32)
    scores[4] = 0.5
    scores[9] = -np.inf
    scores[9, :12] = 1.0
    c = 40

    got = _top_columns(scores.copy(), c)

    for row in range(32):
        picked = got[row][got[row] >= 0]
        assert (np.diff(picked) > 0).all()  # ascending, no repeats
        finite = np.flatnonzero(np.isfinite(scores[row]))
        values = np.sort(scores[row, finite])[::-1][:c]
        assert np.allclose(np.sort(scores[row, picked])[::-1], values)
    assert (got[9] >= 0).sum() == 12


def test_ranking_scores_equal_the_full_scores_of_the_same_pairs():
    fair = generate_hard_fair(organisations=120, pairs=30, seed=3)
    profiles = parse_profiles(fair.profiles)
    backend = LexicalBackend()
    arrays, *_ = _build_arrays(profiles, backend, lambda _m: None)
    weights = _weights(RecommendOptions(), backend)
    n = len(profiles.organisations)
    rows, cols = np.divmod(np.arange(n * n, dtype=np.int64), n)

    assert np.array_equal(
        exact_score_values(arrays, weights, rows, cols),
        exact_scores(arrays, weights, rows, cols).score,
    )
