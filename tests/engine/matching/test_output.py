"""result_to_json follows issue 4's output document and explains every suggestion."""

import json

from amity.engine.matching import RecommendOptions, parse_profiles, recommend, result_to_json
from amity.engine.matching.embedding import LexicalBackend
from tests.engine.matching.factories import fair, org


def _document():
    profiles = fair(
        org(
            "dn-tourism",
            city="Dunedin",
            sectors=["7911"],
            cooperation=["distribution", "joint_venture"],
            offers=["guided tours of the Otago peninsula for groups"],
            seeks=["travel agencies selling New Zealand trips in China"],
        ),
        org(
            "sh-travel-7",
            languages=["zh"],
            sectors=["7911"],
            cooperation=["distribution"],
            offers=["travel agencies selling New Zealand trips in China"],
            seeks=["guided tours of the Otago peninsula for groups"],
        ),
    )
    options = RecommendOptions(cache_dir=None)
    result = recommend(parse_profiles(profiles), options, backend=LexicalBackend())
    # Through JSON text, as a page or the CLI would read it.
    return json.loads(json.dumps(result_to_json(result), ensure_ascii=False))


def test_result_to_json_has_the_issue_top_level_shape():
    document = _document()

    assert sorted(document) == ["backend", "exposure", "recommendations"]
    assert document["backend"] == "lexical-char-ngrams"
    assert (
        document["exposure"]["max_lists_per_participant"],
        document["exposure"]["before_cap"],
    ) == (1, 1)


def test_result_to_json_suggestion_has_id_score_interpreter_and_reasons():
    suggestion = _document()["recommendations"]["dn-tourism"][0]

    assert sorted(suggestion) == ["id", "interpreter_needed", "reasons", "score"]
    # Identical texts both ways (similarity 1) in the same ISIC class, sharing one
    # cooperation type, home and partner city: every weight counts in full.
    assert (suggestion["id"], suggestion["score"], suggestion["interpreter_needed"]) == (
        "sh-travel-7",
        1.0,
        True,
    )


def test_result_to_json_reasons_carry_texts_and_bilingual_labels():
    reasons = _document()["recommendations"]["dn-tourism"][0]["reasons"]
    # The lexical backend indexes each offer with its sector titles, so identical texts score
    # below 1 but above the calibration ceiling (full gain).
    similarities = [r.pop("similarity") for r in reasons[:2]]

    assert min(similarities) >= LexicalBackend.similarity_high
    assert reasons == [
        {
            "kind": "offer_seek",
            "mine": "guided tours of the Otago peninsula for groups",
            "theirs": "guided tours of the Otago peninsula for groups",
        },
        {
            "kind": "seek_offer",
            "mine": "travel agencies selling New Zealand trips in China",
            "theirs": "travel agencies selling New Zealand trips in China",
        },
        {
            "kind": "sector",
            "code": "7911",
            "label_en": "Travel agency activities",
            "label_zh": "旅行社活动",
        },
        {
            "kind": "cooperation",
            "cooperation": "distribution",
            "label_en": "distribution",
            "label_zh": "分销",
        },
        {"kind": "home_partner_city", "theirs": "Shanghai"},
    ]
