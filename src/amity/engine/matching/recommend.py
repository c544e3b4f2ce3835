"""recommend(): fair profiles in, explained, reciprocal, capacity-aware partner lists out.

This is the one entry point the CLI and the web fair call. It embeds every offer and request
once (cached), shortlists candidates blockwise, scores the shortlist exactly, spreads exposure
under each participant's cap and attaches the reasons. docs/algorithms/matching.md specifies it.
"""

from __future__ import annotations

import gc
import math
from collections.abc import Callable
from dataclasses import replace

import numpy as np

from amity.engine.matching.boilerplate import boilerplate, strip
from amity.engine.matching.embedding import EmbeddingBackend, make_backend
from amity.engine.matching.explain import Explainer
from amity.engine.matching.exposure import spread_exposure
from amity.engine.matching.hubness import hub_correction, script_ids
from amity.engine.matching.isic import ancestry, isic_table
from amity.engine.matching.model import (
    COOPERATION_TYPES,
    Exposure,
    FairProfiles,
    Organisation,
    Recommendation,
    RecommendationResult,
    RecommendOptions,
)
from amity.engine.matching.reciprocity import reciprocal_adjust
from amity.engine.matching.scoring import (
    FairArrays,
    TextSet,
    TitleSet,
    Weights,
    exact_score_values,
    exact_scores,
    shortlist,
)

Progress = Callable[[str], None]
# A text match is shown as a reason when its calibrated similarity reaches this (0..1) level.
MIN_REASON_GAIN = 0.05
_COOP_KEYS = list(COOPERATION_TYPES)


def recommend(
    profiles: FairProfiles,
    options: RecommendOptions | None = None,
    *,
    backend: EmbeddingBackend | None = None,
    progress: Progress | None = None,
) -> RecommendationResult:
    """Ranked partner suggestions for every organisation, best first, with reasons.

    ``backend`` overrides ``options.backend`` (tests and benchmarks pass one to reuse a loaded
    model); ``progress`` receives one-line status messages for long runs.
    """
    options = options or RecommendOptions()
    say = progress or (lambda _message: None)
    warnings_: list[str] = []
    if backend is None:
        backend, warnings_ = _make_backend(options, say)
    orgs = profiles.organisations
    arrays, seek_texts, offer_texts, sector_codes = _build_arrays(
        profiles, backend, say, hubness=options.hubness
    )
    weights = _weights(options, backend)
    rows, cols, score, forced = _scored_candidates(orgs, arrays, weights, options, say)
    say("spreading exposure under the caps")
    caps = np.array(
        [max(1, math.ceil(options.cap_factor * o.max_meetings)) for o in orgs], dtype=np.int64
    )
    selection = spread_exposure(rows, cols, score, forced, caps, options.top)
    say("writing explanations")
    # Only the chosen pairs are explained: their parts (winning texts, shared codes) are
    # computed again for them alone, the same arithmetic as their scores.
    chosen = np.array([i for picks in selection.chosen for i in picks], dtype=np.int64)
    # The shown score is the one that ranked the pair (after the reciprocal correction).
    shown = replace(exact_scores(arrays, weights, rows[chosen], cols[chosen]), score=score[chosen])
    # A text or title match is told when its own calibrated gain reaches MIN_REASON_GAIN.
    floor = weights.low + MIN_REASON_GAIN * (weights.high - weights.low)
    explain = Explainer(
        orgs,
        shown,
        forced[chosen],
        seek_texts,
        offer_texts,
        sector_codes,
        floor,
        weights.sector_text > 0,
    )
    recommendations = _explained_lists(orgs, selection.chosen, explain)
    exposure = Exposure(
        max_lists_per_participant=int(selection.after.max(initial=0)),
        before_cap=int(selection.before.max(initial=0)),
        cap_factor=options.cap_factor,
        over_cap_before=int((selection.before > caps).sum()),
        over_cap_after=int((selection.after > caps).sum()),
    )
    say(f"recommended partners for {len(orgs)} organisations")
    return RecommendationResult(
        recommendations=recommendations,
        exposure=exposure,
        backend=backend.name,
        warnings=tuple(warnings_),
    )


def _make_backend(options: RecommendOptions, say: Progress) -> tuple[EmbeddingBackend, list[str]]:
    def embed_progress(done: int, total: int, rate: float) -> None:
        if done == total or done % 1024 == 0:
            say(f"embedded {done}/{total} new texts ({rate:.0f} texts/s)")

    return make_backend(options.backend, options.cache_dir, embed_progress)


def _weights(options: RecommendOptions, backend: EmbeddingBackend) -> Weights:
    return Weights(
        text=options.weight_text,
        sector=options.weight_sector,
        cooperation=options.weight_cooperation,
        city=options.weight_city,
        one_sided_factor=options.one_sided_factor,
        low=backend.similarity_low,
        high=backend.similarity_high,
        city_floor=options.city_floor,
        sector_text=options.sector_text,
    )


def candidates_per_row(n: int, options: RecommendOptions) -> int:
    """Partners per row the exact stage scores: all of them while the pair budget allows.

    Above the budget (``exact_pairs`` ordered pairs, ~1,225 participants) each row keeps its
    share of the same budget, never fewer than ``candidates``: the count falls smoothly from
    n - 1 instead of dropping from 1,224 to 40 at one more participant.
    """
    if n * (n - 1) <= options.exact_pairs:
        return max(n - 1, 0)
    return max(options.candidates, options.exact_pairs // n)


def _scored_candidates(
    orgs: tuple[Organisation, ...],
    arrays: FairArrays,
    weights: Weights,
    options: RecommendOptions,
    say: Progress,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Shortlist, then exact scores of the shortlisted and must_meet pairs worth showing:
    their rows, columns, scores and must_meet flags."""

    def block_progress(done: int, total: int) -> None:
        if total > 1:
            say(f"scored block {done}/{total}")

    # The shortlist is an approximation only large fairs need (it lost a tenth of the planted
    # partners of 1,200-profile fairs); a fair whose pairs the exact stage can afford keeps all.
    per_row = candidates_per_row(len(orgs), options)
    cand = shortlist(
        arrays,
        weights,
        per_row,
        options.block_rows,
        components=options.components,
        progress=block_progress,
    )
    rows, cols, forced = _pairs_to_score(orgs, cand)
    say(f"shortlisted {len(rows)} pairs; scoring them exactly")
    score = exact_score_values(arrays, weights, rows, cols)
    # A pair with nothing in common (score 0) has no reason to give; only the organiser's
    # must_meet keeps such a pair.
    useful = np.flatnonzero((score > 0) | forced)
    rows, cols, score, forced = rows[useful], cols[useful], score[useful], forced[useful]
    score = reciprocal_adjust(
        rows, cols, score, len(orgs), options.reciprocal_k, options.reciprocal
    )
    return rows, cols, score, forced


def _explained_lists(
    orgs: tuple[Organisation, ...], chosen: list[list[int]], explain: Explainer
) -> dict[str, tuple[Recommendation, ...]]:
    # Hundreds of thousands of new objects would trigger repeated full garbage collections
    # that rescan millions of list items; nothing here forms reference cycles.
    collecting = gc.isenabled()
    gc.disable()
    try:
        suggestions = iter(explain.all())
        return {
            orgs[row].id: tuple(next(suggestions) for _ in picks)
            for row, picks in enumerate(chosen)
        }
    finally:
        if collecting:
            gc.enable()


def _text_set(
    per_org: list[tuple[str, ...]],
    documents: list[str],
    backend: EmbeddingBackend,
    role: str,
    remarks: np.ndarray,
) -> TextSet:
    count = np.array([len(t) for t in per_org], dtype=np.int64)
    start = np.concatenate([[0], np.cumsum(count)[:-1]]).astype(np.int64)
    vectors = backend.embed(documents, role)  # type: ignore[arg-type]
    vectors[remarks] = 0.0  # pure boilerplate: similar to nothing
    return TextSet(vectors=np.ascontiguousarray(vectors, np.float32), start=start, count=count)


def _sector_labels(org: Organisation) -> str:
    """Both languages' titles of the sectors and their divisions, for the lexical fallback."""
    table = isic_table()
    codes: list[str] = []
    for code in org.sectors:
        anc = ancestry(code)
        codes.extend(c for c in (code, anc.get("division")) if c and c not in codes)
    return " ".join(f"{table[c].label_en} {table[c].label_zh}" for c in codes)


def _build_arrays(
    profiles: FairProfiles, backend: EmbeddingBackend, say: Progress, *, hubness: bool = True
) -> tuple[FairArrays, list[str], list[str], list[str]]:
    orgs = profiles.organisations
    n = len(orgs)
    seeks, offers, remarks, seek_texts, offer_texts = _embed_texts(orgs, backend, say)
    scale = None
    if hubness:
        seek_script, offer_script = script_ids(seek_texts), script_ids(offer_texts)
        hubs = hub_correction(seeks.vectors, seek_script, offers.vectors, offer_script)
        # A pure remark answers nothing, whatever the density around it.
        seek_penalty = np.where(remarks[0], 1.0, hubs.seek_penalty).astype(np.float32)
        offer_penalty = np.where(remarks[1], 1.0, hubs.offer_penalty).astype(np.float32)
        seeks = replace(seeks, script=seek_script, penalty=seek_penalty)
        offers = replace(offers, script=offer_script, penalty=offer_penalty)
        scale = hubs.scale
        say(f"hubness measured; cross-script scale {float(scale.max()):.2f}")

    # Sector ancestors per level; one id space across levels so an id names one code.
    sector_codes: list[str] = []
    code_id: dict[str, int] = {}
    width = max((len(o.sectors) for o in orgs), default=0)
    levels = {
        lvl: np.full((n, width), -1, dtype=np.int64)
        for lvl in ("class", "group", "division", "section")
    }
    for row, org in enumerate(orgs):
        for slot, code in enumerate(org.sectors):
            for lvl, anc in ancestry(code).items():
                if anc not in code_id:
                    code_id[anc] = len(sector_codes)
                    sector_codes.append(anc)
                levels[lvl][row, slot] = code_id[anc]

    titles = _sector_titles(orgs, backend, code_id, seeks, scale)
    coop = np.array(
        [sum(1 << _COOP_KEYS.index(c) for c in set(o.cooperation)) for o in orgs], dtype=np.int64
    )
    lang_words = _language_bits(orgs)
    has_languages = np.array([bool(o.languages) for o in orgs], dtype=bool)
    home = profiles.home_city.casefold()
    is_home = np.array([o.city.casefold() == home for o in orgs], dtype=bool)

    position = {o.id: i for i, o in enumerate(orgs)}
    forbidden = sorted(
        {(position[o.id], position[x]) for o in orgs for x in o.no_thanks}
        | {(position[x], position[o.id]) for o in orgs for x in o.no_thanks}
    )
    forbid = np.array(forbidden, dtype=np.int64).reshape(-1, 2)
    arrays = FairArrays(
        seeks=seeks,
        offers=offers,
        sector_levels=levels,
        coop_mask=coop,
        lang_words=lang_words,
        has_languages=has_languages,
        is_home=is_home,
        forbid_rows=forbid[:, 0].copy(),
        forbid_cols=forbid[:, 1].copy(),
        script_scale=scale,
        sector_titles=titles,
    )
    return arrays, seek_texts, offer_texts, sector_codes


def _embed_texts(
    orgs: tuple[Organisation, ...], backend: EmbeddingBackend, say: Progress
) -> tuple[TextSet, TextSet, tuple[np.ndarray, np.ndarray], list[str], list[str]]:
    """Requests and offers embedded without their boilerplate; which ones are pure remarks."""
    seek_texts = [t for o in orgs for t in o.seeks]
    offer_texts = [t for o in orgs for t in o.offers]
    # Sentences a large share of the fair repeats are boilerplate (boilerplate.py).
    common = boilerplate([o.offers + o.seeks for o in orgs])
    seek_docs = [strip(t, common) for t in seek_texts]
    if backend.lexical:
        # Character n-grams cannot match Chinese to English; the bilingual sector titles give
        # each offer words in both scripts, so a request can at least find the right trade.
        offer_docs = [f"{strip(t, common)} {_sector_labels(o)}" for o in orgs for t in o.offers]
    else:
        offer_docs = [strip(t, common) for t in offer_texts]
    remarks = (
        np.array([not d for d in seek_docs], dtype=bool),
        np.array([not strip(t, common) for t in offer_texts], dtype=bool),
    )
    seek_docs = [d or t for d, t in zip(seek_docs, seek_texts, strict=True)]
    offer_docs = [d or t for d, t in zip(offer_docs, offer_texts, strict=True)]
    backend.prepare(seek_docs + offer_docs)
    say(f"embedding {len(seek_texts)} requests and {len(offer_texts)} offers with {backend.name}")
    seeks = _text_set([o.seeks for o in orgs], seek_docs, backend, "seek", remarks[0])
    offers = _text_set([o.offers for o in orgs], offer_docs, backend, "offer", remarks[1])
    say(f"texts embedded ({len(common)} boilerplate sentences set aside)")
    return seeks, offers, remarks, seek_texts, offer_texts


def _language_bits(orgs: tuple[Organisation, ...]) -> np.ndarray:
    """(orgs, words) uint64 bit sets over the fair's languages."""
    languages = sorted({lang for o in orgs for lang in o.languages})
    lang_index = {lang: i for i, lang in enumerate(languages)}
    words = max(1, math.ceil(len(languages) / 64))
    lang_words = np.zeros((len(orgs), words), dtype=np.uint64)
    for row, org in enumerate(orgs):
        for lang in org.languages:
            i = lang_index[lang]
            lang_words[row, i // 64] |= np.uint64(1) << np.uint64(i % 64)
    return lang_words


def _sector_titles(
    orgs: tuple[Organisation, ...],
    backend: EmbeddingBackend,
    code_id: dict[str, int],
    seeks: TextSet,
    scale: np.ndarray | None,
) -> TitleSet | None:
    """Each organisation's sector titles in English and Chinese, and every request's adjusted
    cosine with every distinct title (the same cross-script scale and hub penalty as offers).

    Only for a backend that can centre on the reference alone (e5); the lexical backend
    already indexes the titles with each offer.
    """
    embed = getattr(backend, "embed_reference_centred", None)
    if embed is None:
        return None
    table = isic_table()
    per_org = [
        [(c, lab) for c in o.sectors for lab in (table[c].label_en, table[c].label_zh)]
        for o in orgs
    ]
    unique = list(dict.fromkeys(lab for titles in per_org for _, lab in titles))
    index = {lab: i for i, lab in enumerate(unique)}
    vectors = embed(unique, "offer") if unique else np.zeros((0, seeks.vectors.shape[1]))
    sims = seeks.vectors @ np.asarray(vectors, np.float32).T
    if scale is not None and len(unique):
        sims *= scale[seeks.scripts()[:, None], script_ids(unique)[None, :]]
    sims -= seeks.penalties()[:, None]
    count = np.array([len(t) for t in per_org], dtype=np.int64)
    return TitleSet(
        start=np.concatenate([[0], np.cumsum(count)[:-1]]).astype(np.int64),
        count=count,
        title=np.array([index[lab] for t in per_org for _, lab in t], dtype=np.int64),
        code=np.array([code_id[c] for t in per_org for c, _ in t], dtype=np.int64),
        sims=np.ascontiguousarray(sims, np.float32),
    )


def _pairs_to_score(
    orgs: tuple[Organisation, ...], cand: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Shortlisted pairs plus must_meet pairs (unless refused by no_thanks), deduplicated."""
    n = len(orgs)
    position = {o.id: i for i, o in enumerate(orgs)}
    refused = {(position[o.id], position[x]) for o in orgs for x in o.no_thanks}
    must = [
        (position[o.id], position[x])
        for o in orgs
        for x in o.must_meet
        if (position[o.id], position[x]) not in refused
        and (position[x], position[o.id]) not in refused
    ]
    cand_rows = np.repeat(np.arange(n, dtype=np.int64), cand.shape[1])
    cand_cols = cand.reshape(-1)
    keep = cand_cols >= 0
    keys = cand_rows[keep] * n + cand_cols[keep]
    # Shortlist columns are distinct per row; only must_meet pairs can repeat them.
    must_keys = np.unique(np.array([r * n + c for r, c in must], dtype=np.int64))
    if len(must_keys):
        keys = keys[~np.isin(keys, must_keys)]
    keys = np.concatenate([keys, must_keys])
    forced = np.zeros(len(keys), dtype=bool)
    forced[len(keys) - len(must_keys) :] = True
    return keys // n, keys % n, forced
