"""ISIC Rev.4 with English and Simplified Chinese labels, and the hierarchy-aware sector fit.

The table (``data/isic4.csv``) holds all 21 sections, 88 divisions, 238 groups and 419 classes.
English titles are the UN Statistics Division's official ones; Chinese titles follow the
official Chinese edition's wording where known and were written for this project otherwise
(see docs/algorithms/matching.md for the derivation and the GB/T 4754 / NACE Rev.2 notes).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from importlib import resources


@dataclass(frozen=True)
class IsicEntry:
    code: str
    level: str  # section, division, group or class
    parent: str | None
    label_en: str
    label_zh: str


# How much two organisations' sectors agree, by the deepest level they share.
# Same class > same group > same division > same section (issue 4: respect the hierarchy).
LEVEL_FIT: dict[str, float] = {"class": 1.0, "group": 0.75, "division": 0.5, "section": 0.2}


@cache
def isic_table() -> dict[str, IsicEntry]:
    """Every ISIC Rev.4 entry by code, loaded once from the packaged CSV."""
    text = resources.files("amity.engine.matching").joinpath("data/isic4.csv").read_text("utf-8")
    table: dict[str, IsicEntry] = {}
    for row in csv.DictReader(text.splitlines()):
        table[row["code"]] = IsicEntry(
            code=row["code"],
            level=row["level"],
            parent=row["parent"] or None,
            label_en=row["label_en"],
            label_zh=row["label_zh"],
        )
    return table


def normalise_code(raw: str) -> str:
    """Accept "7911", "79.11" (NACE-style dots) or "n" for a section letter."""
    code = raw.strip().replace(".", "")
    return code.upper() if code.isalpha() else code


def is_known(code: str) -> bool:
    return code in isic_table()


def ancestry(code: str) -> dict[str, str]:
    """The code's ancestors by level, itself included: {"class": "7911", "group": "791", …}."""
    table = isic_table()
    out: dict[str, str] = {}
    current: str | None = code
    while current is not None:
        entry = table[current]
        out[entry.level] = entry.code
        current = entry.parent
    return out


def sector_fit(mine: list[str], theirs: list[str]) -> tuple[float, str | None]:
    """Best fit between two sector lists and the shared code that earns it (None if none).

    This scalar version explains a pair; the vectorised scorer computes the same value for
    whole blocks (see scoring.py), and a test keeps them equal.
    """
    best, best_code = 0.0, None
    for a in mine:
        anc_a = ancestry(a)
        for b in theirs:
            anc_b = ancestry(b)
            for level, weight in LEVEL_FIT.items():
                shared = anc_a.get(level)
                if shared is not None and shared == anc_b.get(level):
                    if weight > best:
                        best, best_code = weight, shared
                    break
    return best, best_code
