"""The event's documents: the programme as ICS and PDF, badge sheets, invitation letters."""

from __future__ import annotations

import datetime
from collections import defaultdict
from zoneinfo import ZoneInfo

from django.utils import timezone, translation

from amity.documents.pdf import render_pdf
from amity.documents.qr import qr_svg
from amity.events.domain import queries
from amity.events.models import Attendee, Delegation, Event, Session

# Badge colours by role, so a door steward sees at a glance who a guest is.
ROLE_COLOURS = {
    "head": "#a4161a",
    "official": "#1d4e89",
    "business": "#2d6a4f",
    "interpreter": "#7b2cbf",
    "staff": "#495057",
    "press": "#e85d04",
}


def programme_days(event: Event, sessions) -> list[tuple[datetime.date, list[Session]]]:
    """Sessions grouped by the calendar day they start on in the event's zone."""
    zone = ZoneInfo(event.time_zone)
    days: dict[datetime.date, list[Session]] = defaultdict(list)
    for session in sessions:
        days[session.starts_at.astimezone(zone).date()].append(session)
    return sorted(days.items())


def programme_ics(event: Event, base_url: str) -> bytes:
    import icalendar

    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//Amity//events//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", event.name_en)
    calendar.add("x-wr-timezone", event.time_zone)
    for session in queries.programme(event):
        entry = icalendar.Event()
        entry.add("uid", f"session-{session.pk}@amity")
        entry.add("summary", " / ".join(filter(None, [session.title_en, session.title_zh])))
        entry.add("dtstart", session.starts_at)
        entry.add("dtend", session.ends_at)
        entry.add("dtstamp", timezone.now())
        where = ", ".join(filter(None, [session.room, session.venue and session.venue.name_en]))
        if where:
            entry.add("location", where)
        speakers = "; ".join(speaker.name_en for speaker in session.speakers.all())
        if speakers:
            entry.add("description", speakers)
        entry.add("url", base_url)
        calendar.add_component(entry)
    return calendar.to_ical()


def programme_pdf(event: Event) -> bytes:
    with timezone.override(event.time_zone):
        days = programme_days(event, queries.programme(event))
        return render_pdf("events/documents/programme.html", {"event": event, "days": days})


BADGE_FORMATS = ("a4", "a6")


def badges_pdf(
    event: Event, attendees: list[Attendee] | None = None, progress=None, paper: str = "a4"
) -> bytes:
    """Badges of A6 size: four to an A4 sheet (``paper="a4"``), or one per A6 card."""
    attendees = list(attendees if attendees is not None else queries.badge_attendees(event))
    badges = []
    for index, attendee in enumerate(attendees, 1):
        badges.append(
            {
                "attendee": attendee,
                "qr": qr_svg(attendee.checkin_token, size_mm=22),
                "colour": ROLE_COLOURS.get(attendee.role, "#495057"),
                "place": attendee.delegation.place if attendee.delegation_id else None,
                "organisation": attendee.organisation_name
                or (attendee.registration.organisation.name_en if attendee.registration_id else ""),
            }
        )
        if progress is not None and index % 50 == 0:
            progress(index, len(attendees))
    context = {"event": event, "badges": badges, "a6": paper == "a6"}
    return render_pdf("events/documents/badges.html", context)


def invitation_pdf(delegation: Delegation) -> bytes:
    members = queries.delegation_members(delegation)
    context = {"delegation": delegation, "event": delegation.event, "members": members}
    # The letter is bilingual whatever the organiser's language: English then Chinese.
    with translation.override("en"):
        return render_pdf("events/documents/invitation.html", context)
