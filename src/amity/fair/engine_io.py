"""The one place that converts the fair's models to the matching engine's values and back.

Ids cross the boundary as strings of participant primary keys. A cooperation opportunity
("joint research on …") is both something a participant offers and something it seeks.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

import numpy as np
from django.conf import settings
from django.db.models import Prefetch

from amity.engine.matching import FairProfiles, Organisation, RecommendationResult
from amity.engine.matching import Recommendation as EngineRecommendation
from amity.fair.models import (
    Fair,
    Mark,
    MarkKind,
    Opportunity,
    OpportunityKind,
    Participant,
    ParticipantStatus,
    Recommendation,
    TextEmbedding,
)


def _organisation(participant: Participant) -> Organisation:
    offers, seeks, cooperation = [], [], []
    for opportunity in participant.opportunities.all():
        text = opportunity.full_text
        if opportunity.kind in (OpportunityKind.OFFER, OpportunityKind.COOPERATION):
            offers.append(text)
        if opportunity.kind in (OpportunityKind.REQUEST, OpportunityKind.COOPERATION):
            seeks.append(text)
        if opportunity.cooperation:
            cooperation.append(opportunity.cooperation)
    marks = participant.marks.all()
    return Organisation(
        id=str(participant.pk),
        name=participant.name_en,
        city=participant.city_name,
        country=participant.country,
        size=participant.size,
        sectors=tuple(participant.sectors),
        languages=tuple(participant.languages),
        offers=tuple(offers),
        seeks=tuple(seeks),
        cooperation=tuple(dict.fromkeys(cooperation)),
        description=participant.description,
        max_meetings=min(participant.max_meetings, participant.fair.max_meetings),
        must_meet=tuple(str(m.target_id) for m in marks if m.kind == MarkKind.MUST_MEET),
        no_thanks=tuple(str(m.target_id) for m in marks if m.kind == MarkKind.NO_THANKS),
    )


def fair_profiles(fair: Fair) -> FairProfiles:
    """Every approved participant of ``fair`` as the engine's profiles, in three queries."""
    participants = (
        Participant.objects.filter(fair=fair, status=ParticipantStatus.APPROVED)
        .select_related("fair")
        .prefetch_related(
            Prefetch("opportunities", queryset=Opportunity.objects.order_by("pk")),
            Prefetch(
                "marks",
                queryset=Mark.objects.filter(target__status=ParticipantStatus.APPROVED),
            ),
        )
        .order_by("pk")
    )
    return FairProfiles(
        home_city=settings.AMITY_HOME_CITY,
        organisations=tuple(_organisation(p) for p in participants),
    )


def recommendation_rows(
    result: RecommendationResult, top: int | None = None
) -> list[Recommendation]:
    """Unsaved rows for the engine's lists (reasons kept as plain dicts)."""
    rows = []
    for owner, suggestions in result.recommendations.items():
        for rank, suggestion in enumerate(suggestions[:top] if top else suggestions, start=1):
            rows.append(_row(int(owner), rank, suggestion))
    return rows


def _row(owner: int, rank: int, suggestion: EngineRecommendation) -> Recommendation:
    reasons = [
        {k: v for k, v in dataclasses.asdict(reason).items() if v is not None}
        for reason in suggestion.reasons
    ]
    return Recommendation(
        participant_id=owner,
        partner_id=int(suggestion.id),
        rank=rank,
        score=round(float(suggestion.score), 4),
        interpreter_needed=bool(suggestion.interpreter_needed),
        must_meet=bool(suggestion.must_meet),
        reasons=reasons,
    )


class DatabaseVectorCache:
    """The engine's ``VectorCache`` over the ``TextEmbedding`` table."""

    # Under SQLite's bound-parameter limit on every build.
    CHUNK = 900

    def __init__(self, model: str = "") -> None:
        self.model = model

    def get_many(self, keys: Sequence[str]) -> dict[str, np.ndarray]:
        found: dict[str, np.ndarray] = {}
        for start in range(0, len(keys), self.CHUNK):
            chunk = list(keys[start : start + self.CHUNK])
            for key, blob in TextEmbedding.objects.filter(key__in=chunk).values_list(
                "key", "vector"
            ):
                found[key] = np.frombuffer(bytes(blob), dtype=np.float32)
        return found

    def put_many(self, items: Sequence[tuple[str, np.ndarray]]) -> None:
        rows = [
            TextEmbedding(
                key=key,
                model=self.model,
                vector=np.ascontiguousarray(vector, dtype=np.float32).tobytes(),
            )
            for key, vector in items
        ]
        # A concurrent run may have stored the same text: the same key holds the same vector.
        TextEmbedding.objects.bulk_create(rows, ignore_conflicts=True, batch_size=500)
