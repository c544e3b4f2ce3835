"""The independent matching test bed: the generator's promises and the evaluator's arithmetic.

Both scripts run as their users run them (as programs), on a small fair; the checks read the
files they write with the engine's own parser and an independent reading of the truth.
"""

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from amity.engine.matching.parsing import loads_profiles

HERE = Path(__file__).resolve().parents[2] / "benchmarks" / "independent"
PROFILES = 240


def _generate(tmp_path: Path, seed: int) -> tuple[Path, Path]:
    profiles, truth = tmp_path / f"profiles-{seed}.json", tmp_path / f"truth-{seed}.json"
    subprocess.run(
        [
            sys.executable,
            str(HERE / "profiles.py"),
            "--seed",
            str(seed),
            "--profiles",
            str(PROFILES),
            "-o",
            str(profiles),
            "--truth",
            str(truth),
        ],
        check=True,
        capture_output=True,
    )
    return profiles, truth


@pytest.fixture(scope="module")
def fair(tmp_path_factory) -> tuple[dict, dict, Path, Path]:
    profiles, truth = _generate(tmp_path_factory.mktemp("fair"), seed=7)
    return json.loads(profiles.read_text()), json.loads(truth.read_text()), profiles, truth


def test_profiles_same_seed_identical_files(tmp_path):
    first = _generate(tmp_path / "a", seed=3)
    second = _generate(tmp_path / "b", seed=3)

    assert [p.read_bytes() for p in first] == [p.read_bytes() for p in second]


def test_profiles_other_seed_other_texts(tmp_path):
    first, _ = _generate(tmp_path / "a", seed=3)
    second, _ = _generate(tmp_path / "b", seed=4)

    assert first.read_bytes() != second.read_bytes()


def test_profiles_engine_parser_accepts_document(fair):
    _, _, profiles, _ = fair

    parsed = loads_profiles(profiles.read_text())

    assert len(parsed.organisations) == PROFILES
    assert parsed.home_city == "Shanghai"


def test_truth_counts_quarter_pairs_half_distractors_third_across_languages(fair):
    _, truth, _, _ = fair

    pairs = truth["pairs"]

    assert len(pairs) == PROFILES // 4
    assert len(truth["distractors"]) == PROFILES // 2
    assert sum(p["cross_language"] for p in pairs) == len(pairs) // 3
    assert any(p["same_side"] for p in pairs)


def test_truth_planted_seeker_seeks_what_provider_offers(fair):
    document, truth, _, _ = fair
    facts, orgs = truth["participants"], {o["id"]: o for o in document["organisations"]}

    for pair in truth["pairs"]:
        seeker, provider = pair["seeker"], pair["provider"]
        assert pair["need"] in facts[seeker]["seeks"]
        assert pair["need"] in facts[provider]["offers"]
        assert set(orgs[seeker]["cooperation"]) & set(orgs[provider]["cooperation"])


def test_truth_distractors_state_no_need_of_a_planted_participant(fair):
    _, truth, _, _ = fair
    facts = truth["participants"].values()

    planted = {k for f in facts if f["group"] == "planted" for k in f["offers"] + f["seeks"]}
    decoys = {k for f in facts if f["group"] == "distractor" for k in f["offers"] + f["seeks"]}

    assert planted
    assert decoys
    assert not planted & decoys


def test_profiles_chinese_only_organisations_write_chinese(fair):
    document, _, _, _ = fair
    cjk = re.compile(r"[\u4e00-\u9fff]")

    texts = [
        text
        for org in document["organisations"]
        if org["languages"] == ["zh"]
        for text in org["offers"] + org["seeks"] + [org["name"]]
    ]

    assert texts
    assert all(cjk.search(text) for text in texts)


def _evaluate(fair, tmp_path: Path, lists: dict[str, list[str]]) -> dict:
    _, _, profiles, truth = fair
    output, figures = tmp_path / "recommendations.json", tmp_path / "figures.json"
    recommendations = {
        org: [
            {"id": other, "score": 0.5, "interpreter_needed": False, "reasons": []}
            for other in others
        ]
        for org, others in lists.items()
    }
    output.write_text(json.dumps({"recommendations": recommendations, "backend": "test"}))
    subprocess.run(
        [
            sys.executable,
            str(HERE / "evaluate_recommendations.py"),
            "--profiles",
            str(profiles),
            "--truth",
            str(truth),
            "--recommendations",
            str(output),
            "--json",
            str(figures),
            "--sample",
            "3",
        ],
        check=True,
        capture_output=True,
    )
    return json.loads(figures.read_text())


def _partner(truth: dict, org: str) -> str:
    pair = truth["pairs"][truth["participants"][org]["pair"]]
    return pair["provider"] if pair["seeker"] == org else pair["seeker"]


def test_evaluate_partner_listed_first_full_recall(fair, tmp_path):
    _, truth, _, _ = fair
    planted = [o for o, f in truth["participants"].items() if f["group"] == "planted"]
    distractors = truth["distractors"]
    lists = {org: [_partner(truth, org), *distractors[:9]] for org in planted}

    figures = _evaluate(fair, tmp_path, lists)

    assert figures["recall"]["all"] == {"value": 1.0, "hits": len(planted), "total": len(planted)}
    assert figures["shown"]["partner"] == len(planted)
    assert figures["shown"]["distractor"] == 9 * len(planted)


def test_evaluate_partner_listed_eleventh_zero_recall(fair, tmp_path):
    _, truth, _, _ = fair
    planted = [o for o, f in truth["participants"].items() if f["group"] == "planted"]
    lists = {org: [*truth["distractors"][:10], _partner(truth, org)] for org in planted}

    figures = _evaluate(fair, tmp_path, lists)

    assert figures["recall"]["all"]["hits"] == 0
    assert figures["any_relevant_shown"] == 0.0
