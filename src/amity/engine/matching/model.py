"""Fair profiles in, explained recommendations out, as plain typed values.

An organisation states what it offers and what it seeks (free text in any language), its ISIC
Rev.4 sectors, the kinds of cooperation it wants, its languages and how many meetings it can
hold. The engine returns, for every organisation, a ranked list of partners, each with the
reasons a page can show.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

# The controlled list of cooperation types from issue 4; the JSON uses these snake_case keys.
COOPERATION_TYPES: dict[str, tuple[str, str]] = {
    "export_import": ("export/import", "进出口贸易"),
    "distribution": ("distribution", "分销"),
    "joint_venture": ("joint venture", "合资"),
    "investment": ("investment", "投资"),
    "technology_transfer": ("technology transfer", "技术转让"),
    "research": ("research and development", "研发合作"),
    "tourism": ("tourism", "旅游"),
    "education": ("education", "教育"),
    "public_sector": ("public-sector cooperation", "公共部门合作"),
}

BackendName = Literal["auto", "e5", "lexical"]


@dataclass(frozen=True)
class Organisation:
    id: str
    name: str
    city: str
    country: str = ""
    kind: str = "enterprise"
    size: str = ""
    # ISIC Rev.4 codes at any level (section letter, 2-, 3- or 4-digit), validated on parse.
    sectors: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    offers: tuple[str, ...] = ()
    seeks: tuple[str, ...] = ()
    cooperation: tuple[str, ...] = ()
    description: str = ""
    max_meetings: int = 10
    must_meet: tuple[str, ...] = ()
    no_thanks: tuple[str, ...] = ()


@dataclass(frozen=True)
class FairProfiles:
    home_city: str
    organisations: tuple[Organisation, ...]


@dataclass(frozen=True)
class RecommendOptions:
    """Tuning knobs; the defaults are the ones measured in docs/benchmarks.md."""

    top: int = 10
    backend: BackendName = "auto"
    # Directory of the on-disk embedding cache; None disables the cache.
    cache_dir: str | None = "var/embeddings"
    # Weights of the score terms. Text complementarity dominates; the rest break near-ties.
    weight_text: float = 0.85
    # Shared ISIC codes are weak evidence (seekers often list what they are, not what they
    # need), so they only break near-ties; the request is read against the other side's
    # sector titles instead (sector_text).
    weight_sector: float = 0.04
    weight_cooperation: float = 0.08
    # Bonus for a pair joining the home city with a partner city (the fair's purpose): a
    # tie-breaker between comparably good partners, only above city_floor.
    weight_city: float = 0.03
    # A participant may sit in at most cap_factor * max_meetings lists (must_meet excepted).
    cap_factor: float = 3.0
    # Candidates per participant kept for exact rescoring and for exposure spreading.
    candidates: int = 40
    # A fair with at most this many ordered pairs (~1,225 participants) skips the shortlist:
    # every pair is scored exactly, so the stage-1 approximation decides nothing. Larger
    # fairs keep this budget spread over their rows (recommend.candidates_per_row).
    exact_pairs: int = 1_500_000
    # Principal components of the shortlist features (cost of stage 1 is linear in this).
    components: int = 128
    # Rows scored per matrix block: bounds memory to ~ block_rows * n * 4 bytes per matrix.
    block_rows: int = 1024
    # The stronger direction of a pair (my request answered by their offer, or theirs by
    # mine) carries this share of the text score, the other direction the rest: a pair
    # where only one side's need is met scores this fraction of a mutual pair.
    one_sided_factor: float = 0.6
    # The home ↔ partner-city bonus counts only for pairs whose text score reaches this
    # floor (0..1), so it breaks ties between good partners and never lifts an irrelevant one.
    city_floor: float = 0.3
    # Hubness reduction (CSLS, hubness.py) on request × offer similarities.
    hubness: bool = True
    # Share of each direction's gain from the request read against the other side's sector
    # titles (what it is) rather than its offers; e5 only (0 = offers alone).
    sector_text: float = 0.4
    # Reciprocal hub correction of pair scores (reciprocity.py): each pair loses this share
    # of both sides' excess density (mean of their reciprocal_k best scores over the
    # fair's median); 0 = off.
    reciprocal: float = 1.0
    reciprocal_k: int = 10


# Outputs use slotted, non-frozen dataclasses: a 20,000-profile fair creates ~600,000 of them,
# and frozen dataclasses' __init__ (object.__setattr__ per field) tripled the explanation time.
@dataclass(slots=True)
class Reason:
    """Why a partner is suggested; ``kind`` says which fields are set.

    offer_seek: my offer (``mine``) answers their request (``theirs``), with the cosine
    ``similarity``; seek_offer: my request (``mine``) is answered by their offer (``theirs``);
    sector: the deepest shared ISIC ``code`` with its ``label_en`` / ``label_zh``;
    cooperation: a shared ``cooperation`` type with its labels; home_partner_city: the pair
    joins the home city with a partner city (``theirs`` is the other side's city).
    """

    kind: str
    mine: str | None = None
    theirs: str | None = None
    similarity: float | None = None
    code: str | None = None
    cooperation: str | None = None
    # English and Chinese titles of ``code`` or ``cooperation``, so a page can say why.
    label_en: str | None = None
    label_zh: str | None = None


@dataclass(slots=True)
class Recommendation:
    id: str
    score: float
    interpreter_needed: bool
    must_meet: bool = False
    reasons: tuple[Reason, ...] = ()


@dataclass(frozen=True)
class Exposure:
    """How many top lists the most exposed participant sits in, before and after the cap."""

    max_lists_per_participant: int
    before_cap: int
    cap_factor: float
    # Participants whose exposure exceeded their cap before spreading.
    over_cap_before: int
    over_cap_after: int


@dataclass(frozen=True)
class RecommendationResult:
    recommendations: dict[str, tuple[Recommendation, ...]]
    exposure: Exposure
    backend: str
    warnings: tuple[str, ...] = field(default=())
