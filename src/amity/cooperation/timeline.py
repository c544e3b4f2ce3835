"""A project's timeline: milestones, fair participants that became partners, fair outcomes,
dated updates and documents in the order of their dates."""

from dataclasses import dataclass
from datetime import date
from zoneinfo import ZoneInfo

from django.utils.translation import gettext_lazy as _

from amity.cooperation.models import Project


@dataclass(frozen=True)
class Entry:
    day: date
    # "milestone", "participant", "outcome", "update" or "document": the template's switch
    kind: str
    label: object
    record: object


def project_timeline(project: Project) -> list[Entry]:
    """From the prefetched relations of ``project_details()``: no query of its own."""
    entries = [
        Entry(m.reached_on or m.starts_on, "milestone", _("Milestone"), m)
        for m in project.milestones.all()
    ]
    # A participant partner enters on the first day of its fair: where the contact was made.
    entries += [
        Entry(p.participant.fair.event.starts_on, "participant", _("Fair participant"), p)
        for p in project.partners.all()
        if p.participant_id is not None
    ]
    entries += [Entry(u.posted_on, "update", _("Update"), u) for u in project.updates.all()]
    entries += [Entry(d.uploaded_on, "document", _("Document"), d) for d in project.documents.all()]
    entries += [
        Entry(meeting_day(link.outcome.meeting), "outcome", _("Fair outcome"), link)
        for link in project.outcome_links.all()
    ]
    order = {"milestone": 0, "participant": 1, "outcome": 2, "update": 3, "document": 4}
    return sorted(entries, key=lambda e: (e.day, order[e.kind], e.record.pk))


def meeting_day(meeting) -> date:
    """The day of the fair meeting, in the fair's own time zone."""
    return meeting.slot.starts_at.astimezone(ZoneInfo(meeting.fair.event.time_zone)).date()
