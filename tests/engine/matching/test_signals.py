"""Each scoring signal on its own, with the lexical backend (fast, deterministic)."""

from dataclasses import replace

import numpy as np

from amity.engine.matching import RecommendOptions, parse_profiles, recommend
from amity.engine.matching.embedding import LexicalBackend
from amity.engine.matching.explain import Explainer
from amity.engine.matching.isic import sector_fit
from amity.engine.matching.recommend import _build_arrays
from amity.engine.matching.scoring import TitleSet, Weights, exact_scores
from tests.engine.matching.factories import fair, org

OPTIONS = RecommendOptions(backend="lexical", cache_dir=None)


def _lists(document, options=OPTIONS):
    result = recommend(parse_profiles(document), options, backend=LexicalBackend())
    return {k: [r.id for r in v] for k, v in result.recommendations.items()}, result


def test_reciprocal_pair_outranks_one_way_interest():
    # "b" answers a's request and a answers b's; "c" answers a's request but wants
    # something a does not offer.
    document = fair(
        org("a", offers=["solar panel installation"], seeks=["wine importers in China"]),
        org("b", offers=["we import wine for Chinese shops"], seeks=["solar panel installers"]),
        org("c", offers=["wine importers for Chinese shops"], seeks=["dairy farm machinery"]),
    )

    lists, _ = _lists(document)

    assert lists["a"][0] == "b"


def test_score_weights_the_stronger_direction_and_adds_the_other():
    profiles = parse_profiles(
        fair(
            org("a", offers=["solar panel installation"], seeks=["wine importers"]),
            org("b", offers=["wine importers"], seeks=["solar panel installation"]),
        )
    )
    backend = LexicalBackend()
    arrays, *_ = _build_arrays(profiles, backend, lambda _m: None)
    weights = Weights(1.0, 0.0, 0.0, 0.0, 0.85, backend.similarity_low, backend.similarity_high)

    pair = exact_scores(arrays, weights, np.array([0]), np.array([1]))

    g1, g2 = float(pair.gain_row[0]), float(pair.gain_col[0])
    expected = 0.85 * max(g1, g2) + 0.15 * min(g1, g2)
    assert round(float(pair.score[0]), 5) == round(expected, 5)


def test_one_sided_pair_scores_a_fraction_of_its_direction():
    profiles = parse_profiles(
        fair(
            org("buyer", seeks=["wine importers"]),
            org("seller", offers=["wine importers"]),
        )
    )
    backend = LexicalBackend()
    arrays, *_ = _build_arrays(profiles, backend, lambda _m: None)
    weights = Weights(1.0, 0.0, 0.0, 0.0, 0.85, backend.similarity_low, backend.similarity_high)

    pair = exact_scores(arrays, weights, np.array([0]), np.array([1]))

    assert (bool(np.isnan(pair.gain_col[0])), round(float(pair.score[0]), 5)) == (
        True,
        round(0.85 * float(pair.gain_row[0]), 5),
    )


def test_vectorised_sector_fit_equals_scalar_definition():
    sectors = [["7911"], ["7912", "0111"], ["7990"], ["8010"], ["2599"], ["79"]]
    profiles = parse_profiles(fair(*(org(f"o{i}", sectors=s) for i, s in enumerate(sectors))))
    arrays, _, _, codes = _build_arrays(profiles, LexicalBackend(), lambda _m: None)
    rows, cols = np.divmod(np.arange(36), 6)
    weights = Weights(0.0, 1.0, 0.0, 0.0, 0.85, 0.0, 1.0)

    pairs = exact_scores(arrays, weights, rows, cols)

    vectorised = [
        (round(float(f), 6), codes[s] if s >= 0 else None)
        for f, s in zip(pairs.sector_fit, pairs.sector_id, strict=True)
    ]
    scalar = [sector_fit(sectors[r], sectors[c]) for r, c in zip(rows, cols, strict=True)]
    assert vectorised == scalar


def test_shared_sector_and_cooperation_appear_as_reasons():
    document = fair(
        org("a", sectors=["7911"], cooperation=["tourism", "distribution"], seeks=["tours"]),
        org("b", city="Dunedin", sectors=["7911"], cooperation=["tourism"], offers=["tours"]),
    )

    _, result = _lists(document)

    kinds = [(r.kind, r.code, r.cooperation) for r in result.recommendations["a"][0].reasons]
    assert kinds == [
        ("seek_offer", None, None),
        ("sector", "7911", None),
        ("cooperation", None, "tourism"),
        ("home_partner_city", None, None),
    ]


def test_home_partner_city_weight_decides_between_equal_offers():
    document = fair(
        org("local", seeks=["port logistics"]),
        org("also-local", offers=["port logistics"]),
        org("partner", city="Los Angeles", offers=["port logistics"]),
    )

    with_city, _ = _lists(document)
    without_city, _ = _lists(document, RecommendOptions(weight_city=0.0, cache_dir=None))

    assert with_city["local"][0] == "partner"
    assert sorted(without_city["local"]) == ["also-local", "partner"]


def test_interpreter_flag_only_without_a_shared_language():
    document = fair(
        org("zh-only", languages=["zh"], seeks=["tours"]),
        org("en-only", city="Dunedin", languages=["en"], offers=["tours"]),
        org("both", city="Osaka", languages=["ja", "zh"], offers=["tours"]),
    )

    _, result = _lists(document)

    flags = {r.id: r.interpreter_needed for r in result.recommendations["zh-only"]}
    assert flags == {"en-only": True, "both": False}


def test_partner_with_nothing_in_common_is_not_suggested():
    # All in the home city, no sectors or cooperation: only the texts can earn score, and
    # "valves" shares no character n-gram with "wine".
    document = fair(
        org("a", seeks=["wine"]),
        org("b", offers=["wine"]),
        org("c", offers=["valves"]),
    )

    lists, _ = _lists(document)

    assert (lists["a"], lists["c"]) == (["b"], [])


def test_must_meet_keeps_a_partner_with_nothing_in_common():
    document = fair(org("a", seeks=["wine"], must_meet=["c"]), org("c", offers=["valves"]))

    lists, _ = _lists(document)

    assert lists["a"] == ["c"]


def _title_weights(backend, sector_text):
    low, high = backend.similarity_low, backend.similarity_high
    return Weights(1.0, 0.0, 0.0, 0.0, 1.0, low, high, sector_text=sector_text)


def _with_title_similarity(arrays, similarity):
    """b (position 1) is given one sector title whose similarity to a's request is fixed."""
    titles = TitleSet(
        start=np.array([0, 0]),
        count=np.array([0, 1]),
        title=np.array([0]),
        code=np.array([0]),
        sims=np.full((len(arrays.seeks.vectors), 1), similarity, dtype=np.float32),
    )
    return replace(arrays, sector_titles=titles)


def test_sector_title_confirms_the_offer_text_and_never_adds_to_it():
    # A request that fits what the other side *is* but not what it offers must not be lifted
    # by the sector title: the title only confirms (or tempers) the text match.
    profiles = parse_profiles(
        fair(
            org("a", seeks=["cold storage for our cherries"]),
            org("b", offers=["cold storage for dairy products in East China"]),
        )
    )
    backend = LexicalBackend()
    arrays, *_ = _build_arrays(profiles, backend, lambda _m: None)
    rows, cols = np.array([0]), np.array([1])
    text_only = float(exact_scores(arrays, _title_weights(backend, 0.0), rows, cols).gain_row[0])

    high = exact_scores(
        _with_title_similarity(arrays, 0.99), _title_weights(backend, 0.4), rows, cols
    )
    low = exact_scores(
        _with_title_similarity(arrays, -1.0), _title_weights(backend, 0.4), rows, cols
    )

    assert 0 < text_only < 1
    assert round(float(high.gain_row[0]), 6) == round(text_only, 6)
    assert round(float(low.gain_row[0]), 6) == round(0.6 * text_only, 6)


def _explained_kinds(seek, offer, title_similarity):
    profiles = parse_profiles(
        fair(org("a", seeks=[seek]), org("b", offers=[offer], sectors=["7912"]))
    )
    backend = LexicalBackend()
    arrays, seek_texts, offer_texts, codes = _build_arrays(profiles, backend, lambda _m: None)
    arrays = _with_title_similarity(arrays, title_similarity)
    pairs = exact_scores(arrays, _title_weights(backend, 0.4), np.array([0]), np.array([1]))
    floor = backend.similarity_low + 0.05 * (backend.similarity_high - backend.similarity_low)
    explain = Explainer(
        profiles.organisations,
        pairs,
        np.array([False]),
        seek_texts,
        offer_texts,
        codes,
        floor,
        True,
    )
    return [reason.kind for reason in explain(0).reasons]


def test_sector_title_reason_is_told_only_with_the_offer_match_it_confirms():
    matched = _explained_kinds("cold storage for cherries", "cold storage for cherries", 0.99)
    unrelated = _explained_kinds("cold storage for cherries", "tour guides in Egypt", 0.99)

    assert matched[:2] == ["seek_offer", "seek_sector"]
    assert "seek_sector" not in unrelated
