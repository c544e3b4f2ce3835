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
        self._all: list[Recommendation] | None = None

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
        return self.all()[i]

    def all(self) -> list[Recommendation]:
        """Every pair's Recommendation, in pair order; each reason kind built in one pass."""
        if self._all is None:
            self._all = self._build()
        return self._all

    def _build(self) -> list[Recommendation]:
        seeks, offers = self.seek_texts, self.offer_texts
        offer_seek = [
            Reason(kind="offer_seek", mine=offers[o], theirs=seeks[q], similarity=c)
            if told
            else None
            for told, o, q, c in zip(
                self.told_col, self.row_offer, self.col_seek, self.cos_col, strict=True
            )
        ]
        seek_offer = [
            Reason(kind="seek_offer", mine=seeks[q], theirs=offers[o], similarity=c)
            if told
            else None
            for told, q, o, c in zip(
                self.told_row, self.row_seek, self.col_offer, self.cos_row, strict=True
            )
        ]
        titles = [
            [
                self._title_reason(kind, q, code, c) if told else None
                for told, q, code, c in zip(*parts, strict=True)
            ]
            for kind, parts in zip(("seek_sector", "sector_seek"), self.titles, strict=True)
        ]
        sectors = [self.sector_reasons[s] if s >= 0 else None for s in self.sector_id]
        # One shared home_partner_city reason per city, as for sectors and cooperation types.
        city_reason = {c: Reason(kind="home_partner_city", theirs=c) for c in set(self.cities)}
        home = [
            city_reason[self.cities[col]] if joined else None
            for col, joined in zip(self.cols, self.home_partner, strict=True)
        ]
        out = []
        for row_first, o_s, s_o, t_row, t_col, sector, coop, city in zip(
            self.row_first, offer_seek, seek_offer, *titles, sectors, self.coop, home, strict=True
        ):
            # The stronger direction first; then titles, sector, cooperation, city.
            first, second = (s_o, o_s) if row_first else (o_s, s_o)
            head = (first, second, t_row, t_col, sector)
            out.append(tuple(r for r in head if r is not None) + coop + ((city,) if city else ()))
        return [
            Recommendation(
                id=self.ids[col],
                score=score,
                interpreter_needed=interpreter,
                must_meet=forced,
                reasons=reasons,
            )
            for col, score, interpreter, forced, reasons in zip(
                self.cols, self.score, self.interpreter, self.forced, out, strict=True
            )
        ]

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
