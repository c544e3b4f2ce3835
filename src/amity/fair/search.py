"""Search by meaning across languages: "电动公交车" finds an English "battery-electric buses".

The query and every opportunity are embedded by the engine's backend (vectors stored in the
database, so each text is embedded once). The opportunities' debiased matrix is kept in memory
per fair until an opportunity changes, so a search costs one embedding and one product.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

import numpy as np
from django.db.models import Count, Max

from amity.fair.embeddings import shared_backend
from amity.fair.models import Fair, Opportunity, ParticipantStatus

# Results below this cosine (after removing the language component) are noise.
MIN_SIMILARITY = 0.12


@dataclass(frozen=True)
class _Matrix:
    stamp: tuple
    ids: np.ndarray
    vectors: np.ndarray


_lock = threading.Lock()
_matrices: dict[int, _Matrix] = {}


def _opportunities(fair: Fair):
    return Opportunity.objects.filter(
        participant__fair=fair, participant__status=ParticipantStatus.APPROVED
    )


def _stamp(fair: Fair) -> tuple:
    summary = _opportunities(fair).aggregate(n=Count("pk"), last=Max("updated_at"), top=Max("pk"))
    return (summary["n"], summary["last"], summary["top"])


def _matrix(fair: Fair) -> _Matrix:
    stamp = _stamp(fair)
    with _lock:
        cached = _matrices.get(fair.pk)
    if cached is not None and cached.stamp == stamp:
        return cached
    rows = list(_opportunities(fair).order_by("pk").values_list("pk", "title", "text"))
    texts = [f"{title}. {text}".strip() if text else title for _pk, title, text in rows]
    backend = shared_backend()
    backend.prepare(texts)
    vectors = backend.embed(texts, "offer") if texts else np.zeros((0, 1), np.float32)
    matrix = _Matrix(stamp, np.array([pk for pk, _t, _x in rows], dtype=np.int64), vectors)
    with _lock:
        _matrices[fair.pk] = matrix
    return matrix


def search_opportunities(fair: Fair, query: str, limit: int = 50) -> list[tuple[int, float]]:
    """(opportunity id, similarity) best first, for a query in any language."""
    query = query.strip()
    matrix = _matrix(fair)
    if not query or not len(matrix.ids):
        return []
    vector = shared_backend().embed([query], "seek")[0]
    scores = matrix.vectors @ vector
    order = np.argsort(-scores)[:limit]
    return [(int(matrix.ids[i]), float(scores[i])) for i in order if scores[i] >= MIN_SIMILARITY]


def warm(fair: Fair) -> None:
    """Embed every opportunity now (after an import or the demo), so the first search is quick."""
    _matrix(fair)
