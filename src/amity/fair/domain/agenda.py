"""A participant's agenda: its meetings in order, the table plan, and the ICS calendar feed.

The feed gives each meeting one UID for its whole life (the request it came from), raises
SEQUENCE whenever it moves and sends it as CANCELLED when dropped or marked no-show, so a
subscribed calendar updates one entry and never shows a duplicate.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass

from django.db.models import Prefetch, Q
from icalendar import Calendar, Event

from amity.fair.models import (
    ACTIVE_MEETING_STATES,
    FeedToken,
    Meeting,
    MeetingOutcome,
    MeetingStatus,
    Participant,
    Representative,
    ScheduleSlot,
)


@dataclass
class AgendaEntry:
    meeting: Meeting
    other: Participant
    # This side's own answer to the one outcome question, where the page asks it.
    outcome: MeetingOutcome | None = None

    @property
    def representatives(self) -> list[Representative]:
        return list(self.other.representatives.all())


def _meetings(participant: Participant, states) -> list[Meeting]:
    return list(
        Meeting.objects.filter(
            Q(request__sender=participant) | Q(request__receiver=participant),
            status__in=states,
        )
        .select_related(
            "slot__session", "table", "interpreter", "request__sender", "request__receiver"
        )
        .prefetch_related(
            Prefetch(
                "request__sender__representatives", queryset=Representative.objects.order_by("name")
            ),
            Prefetch(
                "request__receiver__representatives",
                queryset=Representative.objects.order_by("name"),
            ),
        )
        .order_by("slot__starts_at", "pk")
    )


def agenda(participant: Participant) -> list[AgendaEntry]:
    """The participant's active meetings in time order, in a fixed number of queries."""
    return [
        AgendaEntry(meeting=m, other=m.request.other_side(participant))
        for m in _meetings(participant, ACTIVE_MEETING_STATES)
    ]


def with_own_outcomes(participant: Participant, entries: list[AgendaEntry]) -> list[AgendaEntry]:
    """The entries with the outcome ``participant`` recorded for each (one query), so its
    agenda shows what it answered and a second answer starts from the first, not from the
    form's default (which a careless resubmit would otherwise record)."""
    own = {
        o.meeting_id: o
        for o in MeetingOutcome.objects.filter(
            participant=participant, meeting_id__in=[e.meeting.pk for e in entries]
        )
    }
    for entry in entries:
        entry.outcome = own.get(entry.meeting.pk)
    return entries


@dataclass(frozen=True)
class Names:
    """A side's name in both languages, as the ``local_name`` filter reads it."""

    name_en: str
    name_zh: str


@dataclass(frozen=True)
class TablePlanRow:
    table: int
    sender: Names
    receiver: Names
    interpreter: str


def table_plan(slot: ScheduleSlot) -> list[TablePlanRow]:
    """Who sits at which table in one slot (for the printed plan at the hall).

    Plain values, not model instances: a slot of a large fair holds 500 meetings, and building
    five model objects for each was most of the page's time.
    """
    rows = (
        Meeting.objects.filter(slot=slot, status__in=ACTIVE_MEETING_STATES)
        .order_by("table__number")
        .values_list(
            "table__number",
            "request__sender__name_en",
            "request__sender__name_zh",
            "request__receiver__name_en",
            "request__receiver__name_zh",
            "interpreter__name",
        )
    )
    return [
        TablePlanRow(table, Names(s_en, s_zh), Names(r_en, r_zh), interpreter or "")
        for table, s_en, s_zh, r_en, r_zh, interpreter in rows
    ]


def interpreter_agenda(interpreter) -> list[Meeting]:
    return list(
        Meeting.objects.filter(interpreter=interpreter, status__in=ACTIVE_MEETING_STATES)
        .select_related("slot", "table", "request__sender", "request__receiver")
        .order_by("slot__starts_at")
    )


def feed_token(participant: Participant) -> FeedToken:
    """The participant's private feed address, made on first use."""
    token, _created = FeedToken.objects.get_or_create(
        participant=participant, defaults={"token": secrets.token_urlsafe(32)}
    )
    return token


def revoke_feed_token(participant: Participant) -> FeedToken:
    """A new address; the old one stops working at once (calendars must subscribe again)."""
    FeedToken.objects.filter(participant=participant).delete()
    return feed_token(participant)


def ics_feed(participant: Participant) -> bytes:
    """The participant's meetings as an iCalendar feed (active ones and cancelled ones)."""
    fair = participant.fair
    calendar = Calendar()
    calendar.add("prodid", "-//Amity//Matching fair//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", f"{fair.event.name_en} — {participant.name_en}")
    rows = _meetings(participant, (*ACTIVE_MEETING_STATES, MeetingStatus.CANCELLED))
    # One entry per request: its active meeting, else the latest cancelled row.
    latest: dict[int, Meeting] = {}
    for meeting in rows:
        current = latest.get(meeting.request_id)
        if current is None or _rank(meeting) > _rank(current):
            latest[meeting.request_id] = meeting
    for meeting in sorted(latest.values(), key=lambda m: (m.slot.starts_at, m.pk)):
        calendar.add_component(_event(meeting, participant))
    return calendar.to_ical()


def _rank(meeting: Meeting) -> tuple[bool, int]:
    return (meeting.status != MeetingStatus.CANCELLED, meeting.sequence)


def _event(meeting: Meeting, participant: Participant) -> Event:
    other = meeting.request.other_side(participant)
    event = Event()
    event.add("uid", meeting.uid)
    event.add("sequence", meeting.sequence)
    event.add("dtstamp", meeting.updated_at)
    event.add("dtstart", meeting.slot.starts_at)
    event.add("dtend", meeting.slot.ends_at)
    summary = f"{other.name_en} {other.name_zh}".strip()
    event.add("summary", summary)
    location = f"Table {meeting.table.number} / {meeting.table.number} 号桌"
    event.add("location", location)
    if meeting.interpreter_id:
        event.add("description", f"Interpreter / 口译: {meeting.interpreter.name}")
    # A no-show did not take place: a calendar that kept it would show the present side's
    # replacement meeting in its slot as a clash.
    cancelled = meeting.status in (MeetingStatus.CANCELLED, MeetingStatus.NO_SHOW)
    event.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    return event
