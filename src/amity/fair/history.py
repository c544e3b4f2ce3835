"""The fair's records in the audit log (imported from the app's ``ready()``): participants and
their representatives, meeting requests, the schedule (runs and meetings) and outcomes.

Writes that bypass model signals (``update()``, ``bulk_create``) put their rows on record with
``amity.audit.tracking.record_as_they_stand`` (or ``record_bulk``) where they change a fact.
"""

from django.db.models import Q

from amity.audit.entries import Entry, history_entries
from amity.audit.tracking import track
from amity.fair.models import (
    Meeting,
    MeetingOutcome,
    MeetingRequest,
    Participant,
    Representative,
    ScheduleRun,
)

AUTOMATIC = ("created_at", "updated_at")


def register() -> None:
    # The indexes are derived from sectors and languages, not facts anyone changes.
    track(
        Participant,
        excluded_fields=(*AUTOMATIC, "sector_index", "language_index"),
        describe=lambda row: row.name_en,
    )
    track(Representative, describe=lambda row: row.name)
    track(MeetingRequest, excluded_fields=AUTOMATIC, describe=lambda row: f"#{row.id}")
    # A run's result and statistics are the solver's output (kept on the run itself), not a
    # change anyone makes; its status, settings and error are on record.
    track(ScheduleRun, excluded_fields=("result", "stats"), describe=lambda row: f"#{row.id}")
    track(Meeting, excluded_fields=AUTOMATIC, describe=lambda row: f"#{row.id}")
    track(MeetingOutcome, excluded_fields=AUTOMATIC, describe=lambda row: row.rating)


def participant_history(participant: Participant) -> list[Entry]:
    """The participant, its representatives, its requests and its outcomes."""
    pk = participant.pk
    return history_entries(
        (Participant, Q(id=pk)),
        (Representative, Q(participant_id=pk)),
        (MeetingRequest, Q(sender_id=pk) | Q(receiver_id=pk)),
        (MeetingOutcome, Q(participant_id=pk)),
    )


def schedule_history(fair_id: int) -> list[Entry]:
    """The fair's schedule runs and meetings."""
    return history_entries((ScheduleRun, Q(fair_id=fair_id)), (Meeting, Q(fair_id=fair_id)))
