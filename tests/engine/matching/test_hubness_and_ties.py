"""Hubness reduction, the city preference as a tie-breaker, and one-way relevance (issue 13)."""

import numpy as np

from amity.engine.matching import RecommendOptions, parse_profiles, recommend
from amity.engine.matching.embedding import LexicalBackend
from amity.engine.matching.hubness import hub_correction, neighbourhood_density
from tests.engine.matching.factories import fair, org

OPTIONS = RecommendOptions(backend="lexical", cache_dir=None)


def _unit(rows):
    rows = np.asarray(rows, dtype=np.float32)
    return rows / np.linalg.norm(rows, axis=1, keepdims=True)


def test_a_text_close_to_every_request_gets_the_largest_hub_penalty():
    rng = np.random.default_rng(1)
    common = np.eye(16)[0]
    # Requests share a component (say, the fair's topic); each is otherwise its own need.
    seeks = _unit(common + 0.6 * rng.normal(size=(60, 16)))
    specific = _unit(rng.normal(size=(59, 16)))
    hub = _unit(common[None, :])  # near all requests, the answer to none
    offers = np.vstack([specific, hub])

    hubs = hub_correction(seeks, np.zeros(60, int), offers, np.zeros(60, int))

    assert int(np.argmax(hubs.offer_penalty)) == 59
    assert hubs.seek_penalty.shape == (60,)
    # One script: nothing to scale.
    assert np.array_equal(hubs.scale, np.ones((2, 2)))


def test_tiny_fairs_get_no_correction():
    rng = np.random.default_rng(3)
    seeks, offers = _unit(rng.normal(size=(5, 8))), _unit(rng.normal(size=(300, 8)))

    hubs = hub_correction(seeks, np.zeros(5, int), offers, np.zeros(300, int))

    assert (hubs.seek_penalty.any(), hubs.offer_penalty.any()) == (False, False)


def test_compressed_cross_script_similarities_are_scaled_up():
    # Each need has a request and an offer in both scripts; same-script texts of a need share
    # a component that its translations lack, so same-script pairs sit closer.
    rng = np.random.default_rng(4)
    needs = rng.normal(size=(120, 24))
    noise = {s: rng.normal(size=(2, 120, 24)) for s in (0, 1)}
    # Same-script texts share a noise component per need; translations do not.
    seek = [_unit(needs + 0.9 * noise[s][0]) for s in (0, 1)]
    offer = [_unit(needs + 0.9 * noise[s][0] + 0.3 * noise[s][1]) for s in (0, 1)]
    scripts = np.repeat([0, 1], 120)

    hubs = hub_correction(np.vstack(seek), scripts, np.vstack(offer), scripts)

    assert hubs.scale[0, 1] == hubs.scale[1, 0] > 1.05
    assert (hubs.scale[0, 0], hubs.scale[1, 1]) == (1.0, 1.0)


def test_density_on_a_sample_stays_deterministic_and_bounded():
    rng = np.random.default_rng(2)
    texts = _unit(rng.normal(size=(30, 8)))
    others = _unit(rng.normal(size=(500, 8)))

    first = neighbourhood_density(texts, others, share=0.05, sample=100)
    again = neighbourhood_density(texts, others, share=0.05, sample=100)

    assert np.array_equal(first, again)
    assert bool(((first <= 1.0001) & (first >= -1.0001)).all())


def test_city_preference_never_lifts_an_unrelated_partner_above_a_relevant_one():
    # Two Shanghai firms match each other's needs; the Dunedin visitor only shares the
    # sector and cooperation type. The home ↔ partner-city bonus must not put it first.
    document = fair(
        org(
            "a",
            seeks=["cold storage warehouse for frozen seafood"],
            sectors=["4630"],
            cooperation=["distribution"],
        ),
        org(
            "b",
            offers=["cold storage warehouse for frozen seafood and meat"],
            sectors=["5210"],
            cooperation=["distribution"],
        ),
        org(
            "c",
            "Dunedin",
            offers=["guided hiking tours on the Otago peninsula"],
            sectors=["4630"],
            cooperation=["distribution"],
        ),
    )

    result = recommend(parse_profiles(document), OPTIONS, backend=LexicalBackend())

    assert result.recommendations["a"][0].id == "b"


def test_one_direction_suffices_when_the_other_side_wants_something_else():
    # b answers a's request but seeks something nobody offers: still a's best suggestion,
    # ahead of an organisation that answers nothing.
    document = fair(
        org("a", seeks=["freight forwarder for containers to Hamburg"]),
        org(
            "b",
            "Hamburg",
            offers=["freight forwarder shipping containers to Hamburg weekly"],
            seeks=["investors for a biotech start-up"],
        ),
        org("c", "Hamburg", offers=["violin lessons for children"], seeks=["piano tuners"]),
    )

    result = recommend(parse_profiles(document), OPTIONS, backend=LexicalBackend())

    ranked = [r.id for r in result.recommendations["a"]]
    assert ranked[0] == "b"
    assert result.recommendations["a"][0].score > 0.3
