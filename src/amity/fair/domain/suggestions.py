"""Recomputing a fair's suggestions with the matching engine and storing them."""

from __future__ import annotations

from collections.abc import Callable

from django.db import transaction
from django.utils import timezone

from amity.engine.matching import RecommendOptions, recommend
from amity.fair.embeddings import shared_backend
from amity.fair.engine_io import fair_profiles, recommendation_rows
from amity.fair.models import Fair, Recommendation

# Suggestions kept per participant (the page shows the first ones).
TOP = 10

Step = Callable[[int, int, str], None]


def refresh_recommendations(fair: Fair, step: Step | None = None) -> int:
    """Recompute every approved participant's suggestions; returns how many were stored.

    The engine runs outside any transaction (it takes seconds and writes vectors as it goes);
    the old suggestions are replaced in one short transaction at the end.
    """
    say = step or (lambda _done, _total, _message: None)
    Fair.objects.filter(pk=fair.pk).update(recommendations_stale=False)
    say(0, 3, "reading profiles")
    profiles = fair_profiles(fair)
    say(1, 3, "embedding and scoring")
    result = recommend(
        profiles, RecommendOptions(top=TOP, cache_dir=None), backend=shared_backend()
    )
    rows = recommendation_rows(result, top=TOP)
    say(2, 3, "saving suggestions")
    with transaction.atomic():
        Recommendation.objects.filter(participant__fair=fair).delete()
        Recommendation.objects.bulk_create(rows, batch_size=1000)
        Fair.objects.filter(pk=fair.pk).update(recommendations_computed_at=timezone.now())
    say(3, 3, "done")
    return len(rows)
