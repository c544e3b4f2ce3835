"""The organisers' meeting list on the schedule page: filtered, ordered, one query per page."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q, QuerySet

from amity.fair.models import Fair, Meeting, MeetingStatus

# The page shows this many meetings; a large fair has tens of thousands.
PAGE_SIZE = 50


@dataclass(frozen=True)
class ScheduleFilters:
    session_id: int | None = None
    table_number: int | None = None
    # A participant's name, English or Chinese, on either side of the meeting.
    text: str = ""
    # Empty: every meeting still on the schedule (all but the cancelled ones).
    status: str = ""


def schedule_meetings(fair: Fair, filters: ScheduleFilters) -> QuerySet[Meeting]:
    meetings = Meeting.objects.filter(fair=fair)
    if filters.status:
        meetings = meetings.filter(status=filters.status)
    else:
        meetings = meetings.exclude(status=MeetingStatus.CANCELLED)
    if filters.session_id is not None:
        meetings = meetings.filter(slot__session_id=filters.session_id)
    if filters.table_number is not None:
        meetings = meetings.filter(table__number=filters.table_number)
    if filters.text:
        meetings = meetings.filter(_named(filters.text))
    return meetings.select_related(
        "slot", "table", "interpreter", "request__sender", "request__receiver"
    ).order_by("slot__starts_at", "table__number", "pk")


def _named(text: str) -> Q:
    found = Q()
    for side in ("request__sender", "request__receiver"):
        found |= Q(**{f"{side}__name_en__icontains": text})
        found |= Q(**{f"{side}__name_zh__icontains": text})
    return found
