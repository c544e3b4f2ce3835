"""Property tests: no_thanks never appears, must_meet is on top, exposure caps hold."""

from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from amity.engine.matching import RecommendOptions, parse_profiles, recommend
from amity.engine.matching.embedding import LexicalBackend
from tests.engine.matching.factories import fair, org

WORDS = ["wine", "tours", "solar", "valves", "honey", "ports", "robots", "tea", "schools"]
CITIES = ["Shanghai", "Shanghai", "Dunedin", "Osaka"]


@st.composite
def fairs(draw):
    n = draw(st.integers(min_value=0, max_value=14))
    ids = [f"o{i}" for i in range(n)]
    orgs = []
    for i, org_id in enumerate(ids):
        others = ids[:i] + ids[i + 1 :]
        partners = (
            st.lists(st.sampled_from(others), max_size=2, unique=True) if others else st.just([])
        )
        orgs.append(
            org(
                org_id,
                city=draw(st.sampled_from(CITIES)),
                offers=draw(st.lists(st.sampled_from(WORDS), max_size=2)),
                seeks=draw(st.lists(st.sampled_from(WORDS), max_size=2)),
                max_meetings=draw(st.integers(min_value=1, max_value=3)),
                must_meet=draw(partners),
                no_thanks=draw(partners),
            )
        )
    return fair(*orgs)


def _run(document, top=3, cap_factor=1.0):
    options = RecommendOptions(top=top, cap_factor=cap_factor, cache_dir=None)
    return recommend(parse_profiles(document), options, backend=LexicalBackend())


@settings(max_examples=60, deadline=None)
@given(fairs())
def test_no_thanks_pairs_never_appear_in_either_list(document):
    result = _run(document)

    refused = {(o["id"], x) for o in document["organisations"] for x in o["no_thanks"]}
    shown = {(me, rec.id) for me, recs in result.recommendations.items() for rec in recs}
    assert shown & (refused | {(b, a) for a, b in refused}) == set()


@settings(max_examples=60, deadline=None)
@given(fairs())
def test_must_meet_partners_lead_the_list(document):
    result = _run(document)

    for o in document["organisations"]:
        refused = {
            x for p in document["organisations"] for x in p["no_thanks"] if p["id"] == o["id"]
        }
        refused |= {p["id"] for p in document["organisations"] if o["id"] in p["no_thanks"]}
        wanted = [x for x in o["must_meet"] if x not in refused]
        head = [r.id for r in result.recommendations[o["id"]][: len(wanted)]]
        assert sorted(head) == sorted(wanted)


@settings(max_examples=60, deadline=None)
@given(fairs(), st.floats(min_value=1.0, max_value=3.0))
def test_exposure_cap_holds_outside_must_meet(document, cap_factor):
    result = _run(document, cap_factor=cap_factor)

    caps = {
        o["id"]: max(1, -(-cap_factor * o["max_meetings"] // 1)) for o in document["organisations"]
    }
    seen = Counter(
        rec.id for recs in result.recommendations.values() for rec in recs if not rec.must_meet
    )
    assert {k: v for k, v in seen.items() if v > caps[k]} == {}
