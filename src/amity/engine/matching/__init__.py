"""Partner recommendations for a business matching fair (issue 4): who should meet whom.

Pure engine: typed dataclasses in and out, no Django. The web fair calls ``recommend``.
"""

from amity.engine.matching.embedding import (
    EmbeddingBackend,
    VectorCache,
    embedding_key,
    make_backend,
)
from amity.engine.matching.model import (
    COOPERATION_TYPES,
    Exposure,
    FairProfiles,
    Organisation,
    Reason,
    Recommendation,
    RecommendationResult,
    RecommendOptions,
)
from amity.engine.matching.parsing import (
    ProfileError,
    loads_profiles,
    parse_profiles,
    result_to_json,
)
from amity.engine.matching.recommend import recommend

__all__ = [
    "COOPERATION_TYPES",
    "EmbeddingBackend",
    "Exposure",
    "FairProfiles",
    "Organisation",
    "ProfileError",
    "Reason",
    "RecommendOptions",
    "Recommendation",
    "RecommendationResult",
    "VectorCache",
    "embedding_key",
    "loads_profiles",
    "make_backend",
    "parse_profiles",
    "recommend",
    "result_to_json",
]
