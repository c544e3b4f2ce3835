import numpy as np

from amity.engine.matching import RecommendOptions, parse_profiles, recommend
from amity.engine.matching.debias import remove_language_bias, script_of
from amity.engine.matching.embedding import LexicalBackend
from tests.engine.matching.factories import fair, org


def test_exposure_cap_spreads_a_popular_participant():
    # Twelve buyers all want what one hub offers best; the hub can hold 2 meetings.
    buyers = [org(f"buyer{i}", seeks=["solar panels"]) for i in range(12)]
    hub = org("hub", city="Dunedin", offers=["solar panels"], max_meetings=2)
    others = [
        org(f"alt{i}", city="Osaka", offers=["solar water heaters for homes"]) for i in range(3)
    ]
    options = RecommendOptions(top=3, cap_factor=2.0, cache_dir=None)

    result = recommend(
        parse_profiles(fair(*buyers, hub, *others)), options, backend=LexicalBackend()
    )

    listing_hub = sum(any(r.id == "hub" for r in recs) for recs in result.recommendations.values())
    assert (result.exposure.before_cap, listing_hub) == (12, 4)
    assert (result.exposure.over_cap_before, result.exposure.over_cap_after) == (1, 0)


def test_script_of_tells_chinese_from_other_text():
    assert [script_of("我们寻找伙伴"), script_of("tours 2027"), script_of("Tours für Gruppen")] == [
        "cjk",
        "other",
        "other",
    ]


def test_remove_language_bias_centres_each_script_and_normalises():
    # Two scripts whose vectors share a script-specific offset on top of a common meaning.
    meaning = np.eye(4, dtype=np.float32)[:2]
    zh = meaning + np.array([0, 0, 0, 3], dtype=np.float32)
    en = meaning + np.array([0, 0, 3, 0], dtype=np.float32)
    vectors = np.vstack([zh, en])
    texts = ["甲", "乙", "a", "b"]
    reference = {"cjk": zh.mean(axis=0), "other": en.mean(axis=0)}

    out = remove_language_bias(vectors, texts, reference)

    # After centring, each Chinese text is closest to its own meaning in English.
    sims = out[:2] @ out[2:].T
    assert (sims.argmax(axis=1).tolist(), np.round(np.linalg.norm(out, axis=1), 5).tolist()) == (
        [0, 1],
        [1.0, 1.0, 1.0, 1.0],
    )
