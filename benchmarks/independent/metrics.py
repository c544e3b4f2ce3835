"""The figures evaluate_recommendations.py prints, computed from the truth and the top lists.

Relevance is exact because every text in the generated fair states a known need: q is
relevant to p when q offers a need p seeks or seeks a need p offers. A participant's planted
partner is always relevant to it; other providers or seekers of the same needs may be too.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

OTHER = "other"
# The order in which the recall groups are printed.
GROUPS = (
    "all",
    "across languages",
    "within one language",
    "home and partner city",
    "same side",
    "seekers",
    "providers",
    "pair mutual",
    "pair seeker gives back",
    "pair one sided",
    "written in zh",
    "written in en",
    f"written in {OTHER}",
)


def group_rank(group: str) -> int:
    return GROUPS.index(group) if group in GROUPS else len(GROUPS)


@dataclass
class Rate:
    hits: int = 0
    total: int = 0

    def add(self, hit: bool) -> None:
        self.hits += hit
        self.total += 1

    @property
    def value(self) -> float:
        return self.hits / self.total if self.total else float("nan")


@dataclass
class Report:
    k: int
    recall: dict[str, Rate] = field(default_factory=dict)
    # Shown to planted participants: partner, other relevant, same theme, other theme, distractor.
    shown: dict[str, int] = field(default_factory=dict)
    # Relevant partners of planted participants, by side, and how many were left out.
    relevant_same_side: dict[str, int] = field(default_factory=dict)
    relevant_other_side: dict[str, int] = field(default_factory=dict)
    by_theme: dict[str, Rate] = field(default_factory=dict)


def relevance(truth: dict[str, Any]) -> dict[str, set[str]]:
    """For every profile, the profiles that complement one of its stated needs."""
    offered_by: dict[str, set[str]] = defaultdict(set)
    sought_by: dict[str, set[str]] = defaultdict(set)
    for org_id, facts in truth["participants"].items():
        for key in facts["offers"]:
            offered_by[key].add(org_id)
        for key in facts["seeks"]:
            sought_by[key].add(org_id)
    out: dict[str, set[str]] = {}
    for org_id, facts in truth["participants"].items():
        found: set[str] = set()
        for key in facts["seeks"]:
            found |= offered_by[key]
        for key in facts["offers"]:
            found |= sought_by[key]
        found.discard(org_id)
        out[org_id] = found
    return out


def evaluate(truth: dict[str, Any], top: dict[str, list[str]], k: int = 10) -> Report:
    """Recall of planted partners and what the planted participants were shown, at ``k``."""
    report = Report(k=k)
    participants = truth["participants"]
    relevant = relevance(truth)
    shown = dict.fromkeys(("partner", "relevant", "same_theme", "other_theme", "distractor"), 0)
    same_side = dict.fromkeys(("total", "shown", "left_out", "left_out_for_irrelevant"), 0)
    other_side = dict(same_side)
    for pair in truth["pairs"]:
        for me, partner in ((pair["seeker"], pair["provider"]), (pair["provider"], pair["seeker"])):
            mine = participants[me]
            listed = top.get(me, [])[:k]
            hit = partner in listed
            for group in _groups(pair, mine, me == pair["seeker"]):
                report.recall.setdefault(group, Rate()).add(hit)
            report.by_theme.setdefault(pair["theme"], Rate()).add(hit)
            for other in listed:
                shown[_category(other, partner, mine, relevant[me], participants)] += 1
            irrelevant_shown = any(o not in relevant[me] for o in listed)
            for other in relevant[me]:
                side = same_side if participants[other]["side"] == mine["side"] else other_side
                side["total"] += 1
                if other in listed:
                    side["shown"] += 1
                else:
                    side["left_out"] += 1
                    side["left_out_for_irrelevant"] += irrelevant_shown
    report.shown = shown
    report.relevant_same_side = same_side
    report.relevant_other_side = other_side
    return report


def any_relevant_rate(truth: dict[str, Any], top: dict[str, list[str]], k: int) -> Rate:
    """Planted participants with at least one relevant partner among their first k."""
    relevant = relevance(truth)
    rate = Rate()
    for org_id, facts in truth["participants"].items():
        if facts["group"] == "planted":
            rate.add(any(o in relevant[org_id] for o in top.get(org_id, [])[:k]))
    return rate


def category(org_id: str, other: str, truth: dict[str, Any], relevant: set[str]) -> str:
    """What ``other`` is to planted participant ``org_id`` (for the sample a human judges)."""
    participants = truth["participants"]
    pair = truth["pairs"][participants[org_id]["pair"]]
    partner = pair["provider"] if pair["seeker"] == org_id else pair["seeker"]
    return _category(other, partner, participants[org_id], relevant, participants)


def _category(
    other: str,
    partner: str,
    mine: dict[str, Any],
    relevant: set[str],
    participants: dict[str, Any],
) -> str:
    if other == partner:
        return "partner"
    if other in relevant:
        return "relevant"
    theirs = participants[other]
    if theirs["group"] == "distractor":
        return "distractor"
    return "same_theme" if theirs["theme"] == mine["theme"] else "other_theme"


def _groups(pair: dict[str, Any], mine: dict[str, Any], is_seeker: bool) -> list[str]:
    language = mine["language"] if mine["language"] in ("zh", "en") else OTHER
    return [
        "all",
        "across languages" if pair["cross_language"] else "within one language",
        "same side" if pair["same_side"] else "home and partner city",
        f"written in {language}",
        f"pair {pair['mode'].replace('_', ' ')}",
        "seekers" if is_seeker else "providers",
    ]
