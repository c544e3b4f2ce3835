"""Hubness reduction (CSLS), measured per language, for request × offer similarities.

In high-dimensional embeddings some texts are "hubs": close to very many texts of the other
role (a general remark such as "open to all kinds of cooperation", a generic offer). Plain
cosine lets a hub reach many lists and crowds out the specific partner. Cross-domain
similarity local scaling (Conneau et al., "Word translation without parallel data", ICLR
2018) corrects a cosine by how dense each text's neighbourhood is:

    csls(q, o) = 2·cos(q, o) − r(q) − r(o)

where r(x) is the mean cosine of x to its k nearest texts of the other role. Here the
neighbourhood is measured **per script** of the other role: r_c(x) is x's density among the
other role's texts in script c. Even after the language centring (debias.py) a Chinese
request sits closer to Chinese offers than to their English translations (the cross-language
block of similarities is compressed); r_c is lower for the other script, so the correction
lifts cross-language pairs by how much that block is compressed near its top, where ranking
happens. The engine uses half of CSLS, centred so a text of typical same-script density keeps
its cosine:

    adjusted(q, o) = cos(q, o) − P(q, script(o)) − P(o, script(q))
    P(x, c)        = ½·(r_c(x) − m),   m = median over all texts of r_{own script}(x)

Densities are the mean of the top 1 % of a block (the same depth for blocks of any size),
measured against at most ``HUB_SAMPLE`` (1,024) texts of each script (a fixed, evenly
spaced subset), so large fairs stay cheap. A script with fewer than ``MIN_TEXTS`` texts in
the other role gets no correction (r would say nothing).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

# Depth of the density r(x): its mean cosine to the nearest 1 % of a block (10 of 1,000),
# at least MIN_NEIGHBOURS texts.
HUB_SHARE = 0.01
MIN_NEIGHBOURS = 3
# Texts of the other role (per script) the density is measured against. 1,024 instead of
# 2,048 halves the cost at 20,000 profiles (2 × 37,632 texts); recall@10 moved by −0.002 to
# +0.010 on four large fairs, mean ±0.001 (docs/benchmarks.md, issue 13 speed).
HUB_SAMPLE = 1024
# A block this small says nothing about density; its pairs are not corrected.
MIN_TEXTS = 50
_BLOCK = 2048
# Script groups the densities are measured in (as in debias.py: Chinese vs the rest).
SCRIPTS = ("other", "cjk")
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def script_ids(texts: Sequence[str]) -> np.ndarray:
    """Index into ``SCRIPTS`` of each text."""
    return np.array([1 if _CJK.search(t) else 0 for t in texts], dtype=np.int64)


def neighbourhood_density(
    texts: np.ndarray,
    others: np.ndarray,
    share: float = HUB_SHARE,
    sample: int = HUB_SAMPLE,
) -> np.ndarray:
    """r(x): mean cosine of each row of ``texts`` to its nearest ``share`` of ``others``.

    A share rather than a fixed k, so that blocks of different sizes (600 English offers,
    300 Chinese ones) are measured at the same depth: top-10 of the larger block would sit
    higher only because it is larger.
    """
    if len(texts) == 0 or len(others) == 0:
        return np.zeros(len(texts), dtype=np.float32)
    if len(others) > sample:
        # Evenly spaced, so the subset is deterministic and spread over the whole fair.
        pick = np.linspace(0, len(others) - 1, sample).round().astype(np.int64)
        others = others[pick]
    k = min(len(others), max(MIN_NEIGHBOURS, round(share * len(others))))
    out = np.empty(len(texts), dtype=np.float32)
    for start in range(0, len(texts), _BLOCK):
        sims = texts[start : start + _BLOCK] @ others.T
        top = np.partition(sims, sims.shape[1] - k, axis=1)[:, sims.shape[1] - k :]
        out[start : start + _BLOCK] = top.mean(axis=1)
    return out


def _densities(texts: np.ndarray, others: np.ndarray, other_scripts: np.ndarray) -> np.ndarray:
    """(texts, scripts) r_c per script c of ``others``; nan where c has too few texts."""
    out = np.full((len(texts), len(SCRIPTS)), np.nan, dtype=np.float32)
    for c in range(len(SCRIPTS)):
        block = others[other_scripts == c]
        if len(block) >= MIN_TEXTS:
            out[:, c] = neighbourhood_density(texts, block)
    return out


@dataclass(frozen=True)
class HubCorrection:
    """What the scorer applies: adjusted(q, o) = scale[s(q), s(o)]·cos(q, o) − P(q) − P(o)."""

    seek_penalty: np.ndarray  # (requests,) P(q)
    offer_penalty: np.ndarray  # (offers,) P(o)
    scale: np.ndarray  # (scripts, scripts), 1 on the diagonal


def hub_correction(
    seeks: np.ndarray, seek_scripts: np.ndarray, offers: np.ndarray, offer_scripts: np.ndarray
) -> HubCorrection:
    """Per-text hub penalties and the cross-script scale of one fair's texts."""
    groups = len(SCRIPTS)
    if min(len(seeks), len(offers)) < MIN_TEXTS:
        zeros = np.zeros
        return HubCorrection(
            zeros(len(seeks), np.float32),
            zeros(len(offers), np.float32),
            np.ones((groups, groups), np.float32),
        )
    r_seek = _densities(seeks, offers, offer_scripts)
    r_offer = _densities(offers, seeks, seek_scripts)
    own_seek = r_seek[np.arange(len(seeks)), seek_scripts]
    own_offer = r_offer[np.arange(len(offers)), offer_scripts]
    own = np.concatenate([own_seek, own_offer])
    known = own[~np.isnan(own)]
    typical = float(np.median(known)) if len(known) else 0.0

    def penalty(r: np.ndarray) -> np.ndarray:
        return np.nan_to_num(0.5 * (r - typical), nan=0.0).astype(np.float32)

    # Cross-script scale: how much lower the top of a text's other-script neighbourhood sits
    # than the top of its own-script one, as a ratio of medians over both roles.
    scale = np.ones((groups, groups), dtype=np.float32)
    r_all = np.concatenate([r_seek, r_offer])
    scripts = np.concatenate([seek_scripts, offer_scripts])
    for a in range(groups):
        for c in range(a + 1, groups):
            ratios = []
            for x, y in ((a, c), (c, a)):
                mine = scripts == x
                same, cross = r_all[mine, x], r_all[mine, y]
                ok = ~np.isnan(same) & ~np.isnan(cross)
                if ok.sum() >= MIN_TEXTS:
                    ratios.append(
                        float(np.median(same[ok])) / max(float(np.median(cross[ok])), 1e-3)
                    )
            if len(ratios) == 2:
                scale[a, c] = scale[c, a] = float(np.clip(np.sqrt(ratios[0] * ratios[1]), 1.0, 2.0))
    return HubCorrection(penalty(own_seek), penalty(own_offer), scale)
