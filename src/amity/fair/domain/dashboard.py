"""The organisers' dashboard: the fair's funnel from requests to outcomes, in a few queries."""

from __future__ import annotations

from collections import Counter

from django.db.models import Count

from amity.fair.models import Fair, Meeting, MeetingOutcome, MeetingRequest, MeetingStatus


def dashboard(fair: Fair) -> dict:
    requests = dict(
        MeetingRequest.objects.filter(fair=fair)
        .values_list("state")
        .annotate(n=Count("pk"))
        .values_list("state", "n")
    )
    meetings = dict(
        Meeting.objects.filter(fair=fair)
        .exclude(status=MeetingStatus.CANCELLED)
        .values_list("status")
        .annotate(n=Count("pk"))
        .values_list("status", "n")
    )
    active = Meeting.objects.filter(fair=fair).exclude(status=MeetingStatus.CANCELLED)
    per_city: Counter[str] = Counter()
    cross_language = 0
    for sender_city, receiver_city, sender_langs, receiver_langs in active.values_list(
        "request__sender__city_name",
        "request__receiver__city_name",
        "request__sender__languages",
        "request__receiver__languages",
    ):
        per_city[sender_city] += 1
        if receiver_city != sender_city:
            per_city[receiver_city] += 1
        if not set(sender_langs) & set(receiver_langs):
            cross_language += 1
    outcomes = dict(
        MeetingOutcome.objects.filter(meeting__fair=fair)
        .values_list("rating")
        .annotate(n=Count("pk"))
        .values_list("rating", "n")
    )
    return {
        "requests": requests,
        "meetings": meetings,
        "per_city": per_city.most_common(15),
        "cross_language": cross_language,
        "interpreters_used": active.filter(interpreter__isnull=False)
        .values("interpreter")
        .distinct()
        .count(),
        "outcomes": outcomes,
    }


def bars(rows: list[tuple[str, int]], width: int = 360, bar: int = 18) -> dict:
    """Geometry for a server-rendered SVG bar chart (works offline, no script)."""
    top = max((n for _label, n in rows), default=0) or 1
    return {
        "height": bar * len(rows) + 4,
        "width": width + 160,
        "rows": [
            {"label": label, "value": n, "y": i * bar, "w": round(width * n / top)}
            for i, (label, n) in enumerate(rows)
        ],
    }
