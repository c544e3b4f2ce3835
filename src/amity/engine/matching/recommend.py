"""recommend(): fair profiles in, explained, reciprocal, capacity-aware partner lists out.

This is the one entry point the CLI and the web fair call. It embeds every offer and request
once (cached), shortlists candidates blockwise, scores the shortlist exactly, spreads exposure
under each participant's cap and attaches the reasons. docs/algorithms/matching.md specifies it.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np

from amity.engine.matching.embedding import EmbeddingBackend, make_backend
from amity.engine.matching.exposure import spread_exposure
from amity.engine.matching.isic import ancestry, isic_table
from amity.engine.matching.model import (
    COOPERATION_TYPES,
    Exposure,
    FairProfiles,
    Organization,
    Reason,
    Recommendation,
    RecommendationResult,
    RecommendOptions,
)
from amity.engine.matching.scoring import (
    FairArrays,
    PairScores,
    TextSet,
    Weights,
    exact_scores,
    shortlist,
)

Progress = Callable[[str], None]
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

        def embed_progress(done: int, total: int, rate: float) -> None:
            if done == total or done % 1024 == 0:
                say(f"embedded {done}/{total} new texts ({rate:.0f} texts/s)")

        backend, warnings_ = make_backend(options.backend, options.cache_dir, embed_progress)

    orgs = profiles.organizations
    n = len(orgs)
    arrays, seek_texts, offer_texts, sector_codes = _build_arrays(profiles, backend, say)
    weights = Weights(
        text=options.weight_text,
        sector=options.weight_sector,
        cooperation=options.weight_cooperation,
        city=options.weight_city,
        one_sided_factor=options.one_sided_factor,
        low=backend.similarity_low,
        high=backend.similarity_high,
    )

    def block_progress(done: int, total: int) -> None:
        if total > 1:
            say(f"scored block {done}/{total}")

    cand = shortlist(
        arrays, weights, options.candidates, options.block_rows, progress=block_progress
    )
    rows, cols, forced = _pairs_to_score(orgs, cand)
    pairs = exact_scores(arrays, weights, rows, cols)
    caps = np.array(
        [max(1, math.ceil(options.cap_factor * o.max_meetings)) for o in orgs], dtype=np.int64
    )
    selection = spread_exposure(rows, cols, pairs.score, forced, caps, options.top)

    recommendations: dict[str, tuple[Recommendation, ...]] = {}
    for row, picks in enumerate(selection.chosen):
        recommendations[orgs[row].id] = tuple(
            _recommendation(orgs, pairs, i, bool(forced[i]), seek_texts, offer_texts, sector_codes)
            for i in picks
        )
    exposure = Exposure(
        max_lists_per_participant=int(selection.after.max(initial=0)),
        before_cap=int(selection.before.max(initial=0)),
        cap_factor=options.cap_factor,
        over_cap_before=int((selection.before > caps).sum()),
        over_cap_after=int((selection.after > caps).sum()),
    )
    say(f"recommended partners for {n} organisations")
    return RecommendationResult(
        recommendations=recommendations,
        exposure=exposure,
        backend=backend.name,
        warnings=tuple(warnings_),
    )


def _text_set(
    per_org: list[tuple[str, ...]], documents: list[str], backend: EmbeddingBackend, role: str
) -> TextSet:
    count = np.array([len(t) for t in per_org], dtype=np.int64)
    start = np.concatenate([[0], np.cumsum(count)[:-1]]).astype(np.int64)
    vectors = backend.embed(documents, role)  # type: ignore[arg-type]
    return TextSet(vectors=np.ascontiguousarray(vectors, np.float32), start=start, count=count)


def _sector_labels(org: Organization) -> str:
    """Both languages' titles of the sectors and their divisions, for the lexical fallback."""
    table = isic_table()
    codes: list[str] = []
    for code in org.sectors:
        anc = ancestry(code)
        codes.extend(c for c in (code, anc.get("division")) if c and c not in codes)
    return " ".join(f"{table[c].label_en} {table[c].label_zh}" for c in codes)


def _build_arrays(
    profiles: FairProfiles, backend: EmbeddingBackend, say: Progress
) -> tuple[FairArrays, list[str], list[str], list[str]]:
    orgs = profiles.organizations
    n = len(orgs)
    seek_texts = [t for o in orgs for t in o.seeks]
    offer_texts = [t for o in orgs for t in o.offers]
    if backend.lexical:
        # Character n-grams cannot match Chinese to English; the bilingual sector titles give
        # each offer words in both scripts, so a request can at least find the right trade.
        offer_docs = [f"{t} {_sector_labels(o)}" for o in orgs for t in o.offers]
    else:
        offer_docs = offer_texts
    backend.prepare(seek_texts + offer_docs)
    say(f"embedding {len(seek_texts)} requests and {len(offer_texts)} offers with {backend.name}")
    seeks = _text_set([o.seeks for o in orgs], seek_texts, backend, "seek")
    offers = _text_set([o.offers for o in orgs], offer_docs, backend, "offer")

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

    coop = np.array(
        [sum(1 << _COOP_KEYS.index(c) for c in set(o.cooperation)) for o in orgs], dtype=np.int64
    )
    languages = sorted({lang for o in orgs for lang in o.languages})
    lang_index = {lang: i for i, lang in enumerate(languages)}
    words = max(1, math.ceil(len(languages) / 64))
    lang_words = np.zeros((n, words), dtype=np.uint64)
    for row, org in enumerate(orgs):
        for lang in org.languages:
            i = lang_index[lang]
            lang_words[row, i // 64] |= np.uint64(1) << np.uint64(i % 64)
    has_languages = np.array([bool(o.languages) for o in orgs])
    home = profiles.home_city.casefold()
    is_home = np.array([o.city.casefold() == home for o in orgs])

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
    )
    return arrays, seek_texts, offer_texts, sector_codes


def _pairs_to_score(
    orgs: tuple[Organization, ...], cand: np.ndarray
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
    must_keys = np.array([r * n + c for r, c in must], dtype=np.int64)
    keys = np.unique(np.concatenate([keys, must_keys]))
    forced = np.isin(keys, must_keys)
    return keys // n, keys % n, forced


def _recommendation(
    orgs: tuple[Organization, ...],
    pairs: PairScores,
    i: int,
    forced: bool,
    seek_texts: list[str],
    offer_texts: list[str],
    sector_codes: list[str],
) -> Recommendation:
    row, col = int(pairs.rows[i]), int(pairs.cols[i])
    text_reasons: list[tuple[float, Reason]] = []
    # Only text matches above the calibration floor count as reasons: they carried score.
    if pairs.gain_col[i] > 0:
        text_reasons.append(
            (
                float(pairs.gain_col[i]),
                Reason(
                    kind="offer_seek",
                    mine=offer_texts[int(pairs.row_offer[i])],
                    theirs=seek_texts[int(pairs.col_seek[i])],
                    similarity=round(float(pairs.cos_col[i]), 3),
                ),
            )
        )
    if pairs.gain_row[i] > 0:
        text_reasons.append(
            (
                float(pairs.gain_row[i]),
                Reason(
                    kind="seek_offer",
                    mine=seek_texts[int(pairs.row_seek[i])],
                    theirs=offer_texts[int(pairs.col_offer[i])],
                    similarity=round(float(pairs.cos_row[i]), 3),
                ),
            )
        )
    reasons = [r for _, r in sorted(text_reasons, key=lambda t: -t[0])]
    if pairs.sector_id[i] >= 0:
        entry = isic_table()[sector_codes[int(pairs.sector_id[i])]]
        reasons.append(
            Reason(kind="sector", code=entry.code, label_en=entry.label_en, label_zh=entry.label_zh)
        )
    shared = int(pairs.coop_shared[i])
    for bit, key in enumerate(_COOP_KEYS):
        if shared >> bit & 1:
            reasons.append(Reason(kind="cooperation", cooperation=key))
    if pairs.home_partner[i]:
        reasons.append(Reason(kind="home_partner_city", theirs=orgs[col].city))
    return Recommendation(
        id=orgs[col].id,
        score=float(pairs.score[i]),
        interpreter_needed=bool(pairs.interpreter[i]),
        must_meet=forced,
        reasons=tuple(reasons),
    )
