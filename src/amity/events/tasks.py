"""Background work of events: badge sheets of big events, made off the request."""

import secrets

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.urls import reverse
from django.utils.translation import gettext_noop
from django_tasks import task

from amity.events import printing
from amity.events.domain import queries
from amity.events.models import Event
from amity.jobs.domain import job_task

BADGES_MADE = gettext_noop("%(count)s badges made")


@task()
@job_task
def make_badges(progress, *, event_id: int, paper: str = "a4") -> dict:
    event = Event.objects.get(pk=event_id)
    attendees = list(queries.badge_attendees(event))
    progress(0, len(attendees))
    data = printing.badges_pdf(event, attendees, progress=progress, paper=paper)
    name = f"badges-{event_id}-{secrets.token_hex(8)}.pdf"
    default_storage.save(f"events/{name}", ContentFile(data))
    progress(len(attendees), len(attendees), BADGES_MADE, count=len(attendees))
    return {"url": reverse("events:badges-file", args=[event_id, name])}
