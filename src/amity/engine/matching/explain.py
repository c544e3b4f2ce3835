"""Reasons for the suggestions actually returned: a scored pair in, a Recommendation out.

Only the chosen pairs (top-k per row after the exposure cap) reach this module. Every decision
about which reason to tell is taken on whole arrays first (a reason is told when its own
similarity carried score, docs/algorithms/matching.md); the per-pair Python work left is
building the output objects, which 200,000 suggestions of a 20,000-profile fair need anyway.
"""

from __future__ import annotations

import numpy as np

from amity.engine.matching.isic import isic_table
from amity.engine.matching.model import (
    COOPERATION_TYPES,
    Organisation,
    Reason,
    Recommendation,
)
from amity.engine.matching.scoring import PairScores


def _rounded(values: np.ndarray) -> list[float]:
    """3-decimal Python floats (float32 → float would print 0.42800000309944153)."""
    return np.round(np.nan_to_num(values).astype(np.float64), 3).tolist()


class Explainer:
    """Turns scored pair ``i`` into a Recommendation with its reasons (``explainer(i)``)."""

    def __init__(
        self,
        orgs: tuple[Organisation, ...],
        pairs: PairScores,
        forced: np.ndarray,
        seek_texts: list[str],
        offer_texts: list[str],
        sector_codes: list[str],
        floor: float = -1.0,
        with_titles: bool = False,
    ) -> None:
        self.ids = [o.id for o in orgs]
        self.cities = [o.city for o in orgs]
        self.seek_texts, self.offer_texts = seek_texts, offer_texts
        self.cols = pairs.cols.tolist()
        self.score = pairs.score.tolist()
        self.forced = forced.tolist()
        self.interpreter = pairs.interpreter.tolist()
        self.home_partner = pairs.home_partner.tolist()
        gain_row = np.nan_to_num(pairs.gain_row, nan=-1.0)
        gain_col = np.nan_to_num(pairs.gain_col, nan=-1.0)
        cos_row, cos_col = np.nan_to_num(pairs.cos_row), np.nan_to_num(pairs.cos_col)
        # Each text match is told only if its own similarity carried score (the gains also
        # hold the sector-title part); the stronger direction first.
        told_row = (cos_row >= floor) & (gain_row >= 0)
        told_col = (cos_col >= floor) & (gain_col >= 0)
        self.told_row, self.told_col = told_row.tolist(), told_col.tolist()
        self.row_first = (gain_row > gain_col).tolist()
        self.cos_row, self.cos_col = _rounded(pairs.cos_row), _rounded(pairs.cos_col)
        self.row_seek, self.col_offer = pairs.row_seek.tolist(), pairs.col_offer.tolist()
        self.col_seek, self.row_offer = pairs.col_seek.tolist(), pairs.row_offer.tolist()
        self.sector_id = pairs.sector_id.tolist()
        table = isic_table()
        self.sector_reasons = [
            Reason(kind="sector", code=c, label_en=table[c].label_en, label_zh=table[c].label_zh)
            for c in sector_codes
        ]
        self.titles = self._title_parts(pairs, cos_row, cos_col, floor, with_titles)
        self.title_entries = [table[c] for c in sector_codes]
        # Shared cooperation types as one tuple of (shared) reasons per distinct bit set.
        coop = pairs.coop_shared
        by_mask = {int(m): self._coop_reasons(int(m)) for m in np.unique(coop)}
        self.coop = [by_mask[m] for m in coop.tolist()]

    @staticmethod
    def _coop_reasons(mask: int) -> tuple[Reason, ...]:
        return tuple(
            Reason(kind="cooperation", cooperation=k, label_en=en, label_zh=zh)
            for bit, (k, (en, zh)) in enumerate(COOPERATION_TYPES.items())
            if mask >> bit & 1
        )

    @staticmethod
    def _title_parts(
        pairs: PairScores,
        cos_row: np.ndarray,
        cos_col: np.ndarray,
        floor: float,
        with_titles: bool,
    ) -> list[tuple[list[bool], list[int], list[int], list[float]]]:
        """Per direction (seek_sector, sector_seek): told?, request, code id, similarity.

        A title only confirms its direction's offer match (min(u, t)): it is told when that
        match reaches the floor too, else it carried nothing.
        """
        out = []
        for cos, seek, code, text in (
            (pairs.title_cos_row, pairs.title_seek_row, pairs.title_code_row, cos_row),
            (pairs.title_cos_col, pairs.title_seek_col, pairs.title_code_col, cos_col),
        ):
            told = (np.nan_to_num(cos, nan=-1.0) >= floor) & (text >= floor) & (code >= 0)
            told &= with_titles
            out.append((told.tolist(), seek.tolist(), code.tolist(), _rounded(cos)))
        return out

    def __call__(self, i: int) -> Recommendation:
        col = self.cols[i]
        reasons: list[Reason] = []
        offer_seek = seek_offer = None
        if self.told_col[i]:
            offer_seek = Reason(
                kind="offer_seek",
                mine=self.offer_texts[self.row_offer[i]],
                theirs=self.seek_texts[self.col_seek[i]],
                similarity=self.cos_col[i],
            )
        if self.told_row[i]:
            seek_offer = Reason(
                kind="seek_offer",
                mine=self.seek_texts[self.row_seek[i]],
                theirs=self.offer_texts[self.col_offer[i]],
                similarity=self.cos_row[i],
            )
        if self.row_first[i]:
            offer_seek, seek_offer = seek_offer, offer_seek
        if offer_seek is not None:
            reasons.append(offer_seek)
        if seek_offer is not None:
            reasons.append(seek_offer)
        for kind, (told, seek, code, cos) in zip(
            ("seek_sector", "sector_seek"), self.titles, strict=True
        ):
            if told[i]:
                reasons.append(self._title_reason(kind, seek[i], code[i], cos[i]))
        if self.sector_id[i] >= 0:
            reasons.append(self.sector_reasons[self.sector_id[i]])
        reasons.extend(self.coop[i])
        if self.home_partner[i]:
            reasons.append(Reason(kind="home_partner_city", theirs=self.cities[col]))
        return Recommendation(
            id=self.ids[col],
            score=self.score[i],
            interpreter_needed=self.interpreter[i],
            must_meet=self.forced[i],
            reasons=tuple(reasons),
        )

    def _title_reason(self, kind: str, seek: int, code: int, similarity: float) -> Reason:
        """My request fits their sector (seek_sector), or their request fits mine."""
        entry = self.title_entries[code]
        text = self.seek_texts[seek]
        return Reason(
            kind=kind,
            mine=text if kind == "seek_sector" else None,
            theirs=text if kind == "sector_seek" else None,
            code=entry.code,
            similarity=similarity,
            label_en=entry.label_en,
            label_zh=entry.label_zh,
        )
