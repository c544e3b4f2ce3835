"""What the fair achieved over time: first-stage ratings and second-stage answers by month,
and outcomes per sector (ISIC section, labels in both languages) and per partner city.

Every figure comes from a fixed number of grouped queries, whatever the fair's size.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from django.db.models import Count
from django.db.models.functions import TruncMonth

from amity.engine.matching.isic import ancestry, isic_table, normalise_code
from amity.fair.models import (
    Fair,
    FollowUpAnswer,
    FollowUpResult,
    MeetingOutcome,
    MeetingSeat,
    MeetingStatus,
    OutcomeRating,
)

# Ratings and answers that count as "something came of it" in the per-sector and city tables.
FIRST_POSITIVE = {OutcomeRating.FOLLOW_UP, OutcomeRating.NEGOTIATING, OutcomeRating.AGREEMENT}
SECOND_POSITIVE = {FollowUpResult.CONTRACT, FollowUpResult.MOU, FollowUpResult.VISIT}


def outcomes_by_month(fair: Fair) -> list[dict]:
    """[{month, first: {rating: n}, second: {result: n}}] in month order (two queries)."""
    months: dict = defaultdict(lambda: {"first": Counter(), "second": Counter()})
    first = (
        MeetingOutcome.objects.filter(meeting__fair=fair)
        .annotate(month=TruncMonth("created_at"))
        .values_list("month", "rating")
        .annotate(n=Count("pk"))
    )
    for month, rating, n in first:
        months[month.date() if hasattr(month, "date") else month]["first"][rating] += n
    second = (
        FollowUpAnswer.objects.filter(meeting__fair=fair)
        .annotate(month=TruncMonth("answered_at"))
        .values_list("month", "result")
        .annotate(n=Count("pk"))
    )
    for month, result, n in second:
        months[month.date() if hasattr(month, "date") else month]["second"][result] += n
    return [
        {"month": month, "first": dict(v["first"]), "second": dict(v["second"])}
        for month, v in sorted(months.items())
    ]


def _sides_of_held(fair: Fair):
    """(meeting id, participant id, sectors, city en, city zh) of each side of a held meeting."""
    return MeetingSeat.objects.filter(
        meeting__fair=fair, meeting__status=MeetingStatus.HELD
    ).values_list(
        "meeting_id",
        "participant_id",
        "participant__sectors",
        "participant__city_name",
        "participant__city_name_zh",
    )


def _answers(fair: Fair) -> tuple[dict, dict]:
    first = {
        (m, p): r
        for m, p, r in MeetingOutcome.objects.filter(meeting__fair=fair).values_list(
            "meeting_id", "participant_id", "rating"
        )
    }
    second = {
        (m, p): r
        for m, p, r in FollowUpAnswer.objects.filter(meeting__fair=fair).values_list(
            "meeting_id", "participant_id", "result"
        )
    }
    return first, second


def section_of(code: str) -> str | None:
    code = normalise_code(str(code))
    if code not in isic_table():
        return None
    return ancestry(code).get("section")


def outcomes_per_group(fair: Fair) -> dict[str, list[dict]]:
    """Held meetings and what came of them, per ISIC section and per city (four queries).

    A meeting counts once per sector or city of its sides; "positive" counts a side's answer
    that something came of it (follow-up, negotiating, agreement; contract, MoU, visit).
    """
    first, second = _answers(fair)
    sectors: dict[str, Counter] = defaultdict(Counter)
    cities: dict[tuple[str, str], Counter] = defaultdict(Counter)
    seen_sector, seen_city = set(), set()
    for meeting_id, participant_id, codes, city_en, city_zh in _sides_of_held(fair):
        key = (meeting_id, participant_id)
        answered = {
            "first_positive": first.get(key) in FIRST_POSITIVE,
            "second_positive": second.get(key) in SECOND_POSITIVE,
        }
        for section in {s for s in map(section_of, codes or []) if s}:
            _count(sectors[section], meeting_id, section, seen_sector, answered)
        city = (city_en, city_zh)
        _count(cities[city], meeting_id, city, seen_city, answered)
    table = isic_table()
    return {
        "sectors": [
            {
                "code": code,
                "label_en": table[code].label_en,
                "label_zh": table[code].label_zh,
                **_figures(counts),
            }
            for code, counts in sorted(sectors.items(), key=lambda kv: (-kv[1]["held"], kv[0]))
        ],
        "cities": [
            {"label_en": en, "label_zh": zh or en, **_figures(counts)}
            for (en, zh), counts in sorted(cities.items(), key=lambda kv: (-kv[1]["held"], kv[0]))
        ],
    }


def _count(counter: Counter, meeting_id: int, group, seen: set, answered: dict) -> None:
    if (meeting_id, group) not in seen:
        seen.add((meeting_id, group))
        counter["held"] += 1
    counter["first_positive"] += answered["first_positive"]
    counter["second_positive"] += answered["second_positive"]


def _figures(counter: Counter) -> dict[str, int]:
    return {key: counter[key] for key in ("held", "first_positive", "second_positive")}


def month_chart(rows: list[dict], height: int = 120, bar: int = 14) -> dict:
    """Geometry of a two-series column chart (first / second stage per month), drawn as SVG."""
    totals = [(sum(r["first"].values()), sum(r["second"].values())) for r in rows]
    top = max((max(pair) for pair in totals), default=0) or 1
    step = 2 * bar + 16
    columns = []
    for i, (row, (first, second)) in enumerate(zip(rows, totals, strict=True)):
        x = 30 + i * step
        h1, h2 = round(height * first / top), round(height * second / top)
        columns.append(
            {
                "label": row["month"].strftime("%Y-%m"),
                "x": x,
                "label_x": x + bar,
                "first": first,
                "second": second,
                "x2": x + bar,
                "h1": h1,
                "h2": h2,
                "y1": height - h1,
                "y2": height - h2,
            }
        )
    return {
        "width": 40 + step * len(rows),
        "height": height + 36,
        "base": height,
        "label_y": height + 14,
        "bar": bar,
        "columns": columns,
    }
