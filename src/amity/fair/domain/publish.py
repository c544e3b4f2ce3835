"""Publishing the live schedule (preliminary, then final) and telling participants what changed."""

from __future__ import annotations

from collections import defaultdict

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from amity.fair.domain.notices import people_of
from amity.fair.models import (
    ACTIVE_MEETING_STATES,
    Fair,
    Meeting,
    Participant,
    Publication,
    PublicationKind,
    RunStatus,
    ScheduleRun,
)
from amity.notifications.domain import notify

PUBLISHED = {
    PublicationKind.PRELIMINARY: gettext_noop(
        "The preliminary schedule of %(fair)s is out: %(count)s meetings, %(changed)s changed."
    ),
    PublicationKind.FINAL: gettext_noop(
        "The final schedule of %(fair)s is out: %(count)s meetings, %(changed)s changed."
    ),
}


def live_snapshot(fair: Fair) -> dict[str, list]:
    """{request id: [slot id, table id, interpreter id]} of every active meeting."""
    return {
        str(request_id): [slot_id, table_id, interpreter_id]
        for request_id, slot_id, table_id, interpreter_id in Meeting.objects.filter(
            fair=fair, status__in=ACTIVE_MEETING_STATES
        ).values_list("request_id", "slot_id", "table_id", "interpreter_id")
    }


def changed_requests(before: dict[str, list], after: dict[str, list]) -> set[str]:
    """Requests added, dropped or moved between two snapshots."""
    return {key for key in before.keys() | after.keys() if before.get(key) != after.get(key)}


def latest_publication(fair: Fair, *, with_snapshot: bool = False) -> Publication | None:
    """The fair's newest publication. Its snapshot (every placement of the fair, 12,000 on a
    large fair) is read only when asked: pages show the kind and the time."""
    found = Publication.objects.filter(fair=fair)
    return (found if with_snapshot else found.defer("snapshot")).first()


def publish(
    fair: Fair, kind: str, *, by=None, run: ScheduleRun | None = None
) -> Publication | None:
    """Publish the live schedule; the same schedule published again is a no-op (None).

    A final schedule is not followed by a preliminary one; an unfinished run is refused.
    """
    if kind not in PublicationKind.values:
        raise ValidationError({"kind": _("Choose preliminary or final.")})
    if run is not None and run.status != RunStatus.FINISHED:
        raise ValidationError(_("This schedule run has not finished; it cannot be published."))
    snapshot = live_snapshot(fair)
    if not snapshot:
        raise ValidationError(_("The schedule is empty: run the scheduler first."))
    with transaction.atomic():
        # One publisher at a time per fair: the second sees the first's publication.
        Fair.objects.select_for_update().filter(pk=fair.pk).first()
        previous = latest_publication(fair, with_snapshot=True)
        if previous is not None:
            if previous.kind == PublicationKind.FINAL and kind == PublicationKind.PRELIMINARY:
                raise ValidationError(_("The final schedule is out; publish a final one again."))
            if previous.kind == kind and previous.snapshot == snapshot:
                return None
        publication = Publication.objects.create(
            fair=fair,
            run=run,
            kind=kind,
            published_by=by if by is not None and by.is_authenticated else None,
            snapshot=snapshot,
        )
        before = previous.snapshot if previous is not None else {}
        transaction.on_commit(lambda: _tell(fair, publication, before, snapshot))
    return publication


def _tell(fair: Fair, publication: Publication, before: dict, after: dict) -> None:
    changed = changed_requests(before, after)
    meetings: dict[int, int] = defaultdict(int)
    changes: dict[int, int] = defaultdict(int)
    rows = fair.requests.filter(pk__in=[int(k) for k in after.keys() | before.keys()])
    for pk, sender, receiver in rows.values_list("pk", "sender_id", "receiver_id"):
        for side in (sender, receiver):
            meetings[side] += str(pk) in after
            changes[side] += str(pk) in changed
    for participant in Participant.objects.filter(pk__in=meetings.keys()):
        try:
            url = reverse("fair:agenda", args=[participant.pk])
        except NoReverseMatch:
            url = ""
        notify(
            people_of(participant),
            PUBLISHED[publication.kind],
            url,
            fair=fair.event.name_en,
            fair_zh=fair.event.name_zh,
            count=meetings[participant.pk],
            changed=changes[participant.pk],
        )
