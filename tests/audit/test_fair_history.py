"""The fair in the audit log: participants, representatives, requests, schedule runs,
meetings and outcomes are on record (who, when, before → after); the fair's personal data
is in a person's export and gone from records and history after erasure."""

from datetime import timedelta

import pytest
from django.utils import timezone

from amity.accounts.personal_data import ERASED, erase_person, export_person
from amity.audit.tracking import acting_as
from amity.fair.domain.day import mark_meeting
from amity.fair.domain.profiles import add_representative, update_profile
from amity.fair.domain.requests import accept_request, expire_requests
from amity.fair.domain.schedule import (
    add_meeting,
    adopt_run,
    cancel_meeting,
    execute_run,
    move_meeting,
    new_run,
    set_locked,
)
from amity.fair.history import participant_history, schedule_history
from amity.fair.models import (
    Meeting,
    MeetingRequest,
    MeetingStatus,
    RequestState,
    RunStatus,
    Table,
)
from tests.factories import EnterpriseUserFactory, OrganiserFactory
from tests.factories.fair import MeetingRequestFactory, ParticipantFactory
from tests.fair.schedule_helpers import small_fair

pytestmark = pytest.mark.django_db


def test_a_profile_change_is_on_record_with_who_and_both_values():
    member = EnterpriseUserFactory()
    participant = ParticipantFactory(organisation=member.organisation, description="Buses.")

    with acting_as(member):
        update_profile(participant, description="Buses and ferries.")

    last = participant.history.first()
    assert (last.history_type, last.history_user, last.description) == (
        "~",
        member,
        "Buses and ferries.",
    )
    assert last.prev_record.description == "Buses."
    entry = participant_history(participant)[0]
    assert (entry.who, entry.action) == (member.get_full_name() or member.username, "changed")
    # The city is looked up again on every save: its Chinese name and GeoNames id may change too.
    assert ("Buses.", "Buses and ferries.") in [(c.before, c.after) for c in entry.changes]


def test_a_request_accepted_and_a_representative_added_are_on_the_participants_record():
    member = EnterpriseUserFactory()
    receiver = ParticipantFactory(organisation=member.organisation)
    request = MeetingRequestFactory(fair=receiver.fair, receiver=receiver)

    with acting_as(member):
        accept_request(request)
        add_representative(receiver, name="Zhang Min", email="zhang@example.org")

    states = [row.state for row in MeetingRequest.history.filter(id=request.pk)]
    assert states == [RequestState.ACCEPTED, RequestState.PENDING]
    subjects = {entry.subject for entry in participant_history(receiver)}
    assert {"meeting request", "representative", "participant"} <= subjects


def test_a_schedule_run_is_on_record_with_the_organiser_who_started_it():
    organiser = OrganiserFactory()
    fair, *_ = small_fair()

    with acting_as(organiser):
        run = execute_run(new_run(fair, started_by=organiser, time_limit=2))

    assert run.status == RunStatus.FINISHED
    (created,) = run.history.all()
    assert (created.history_type, created.history_user) == ("+", organiser)
    assert schedule_history(fair.pk)[0].who == (organiser.get_full_name() or organiser.username)


def test_adopting_a_run_puts_every_meeting_it_writes_or_drops_on_record():
    organiser = OrganiserFactory()
    fair, _people, requests, slots = small_fair()
    table = Table.objects.filter(fair=fair).first()
    by_hand = add_meeting(requests[0], slot=slots[3], table=table, locked=False)
    run = execute_run(new_run(fair, started_by=organiser, time_limit=2))
    # Withdrawn since the run: adopting it drops that meeting instead of placing it.
    MeetingRequest.objects.filter(pk=requests[0].pk).update(state=RequestState.WITHDRAWN)

    with acting_as(organiser):
        placed = adopt_run(run)

    written = Meeting.history.filter(history_type="+", history_user=organiser)
    assert placed == len(requests) - 1
    assert written.count() == placed
    assert set(written.values_list("id", flat=True)) == set(
        Meeting.objects.filter(status=MeetingStatus.SCHEDULED).values_list("id", flat=True)
    )
    dropped = Meeting.history.filter(id=by_hand.pk).first()
    assert (dropped.history_type, dropped.history_user, dropped.status) == (
        "~",
        organiser,
        MeetingStatus.CANCELLED,
    )


def test_a_meeting_the_adopted_run_places_anew_leaves_its_old_row_on_record_as_deleted():
    organiser = OrganiserFactory()
    fair, _people, requests, slots = small_fair()
    table = Table.objects.filter(fair=fair).first()
    old = add_meeting(requests[0], slot=slots[3], table=table, locked=False)
    run = execute_run(new_run(fair, started_by=organiser, time_limit=2))

    with acting_as(organiser):
        adopt_run(run)

    assert not Meeting.objects.filter(pk=old.pk).exists()
    gone = Meeting.history.get(id=old.pk, history_type="-")
    assert (gone.history_user, gone.request_id, gone.slot_id) == (
        organiser,
        requests[0].pk,
        slots[3].pk,
    )
    assert Meeting.objects.get(request=requests[0], status=MeetingStatus.SCHEDULED).pk != old.pk


def test_each_change_to_a_live_meeting_is_on_record_with_its_before_and_after():
    organiser = OrganiserFactory()
    fair, _people, requests, slots = small_fair()
    first, second = Table.objects.filter(fair=fair).order_by("number")[:2]
    meeting = add_meeting(requests[0], slot=slots[0], table=first, locked=False)
    other = add_meeting(requests[1], slot=slots[1], table=first, locked=False)

    with acting_as(organiser):
        set_locked(meeting, True)
        move_meeting(meeting, slot=slots[2], table=second)
        mark_meeting(meeting, MeetingStatus.NO_SHOW)
        cancel_meeting(other)

    rows = list(Meeting.history.filter(id=meeting.pk).order_by("history_id"))
    assert [(r.history_type, r.locked, r.slot_id, r.status) for r in rows] == [
        ("+", False, slots[0].pk, MeetingStatus.SCHEDULED),
        ("~", True, slots[0].pk, MeetingStatus.SCHEDULED),
        ("~", True, slots[2].pk, MeetingStatus.SCHEDULED),
        ("~", True, slots[2].pk, MeetingStatus.NO_SHOW),
    ]
    assert {r.history_user for r in rows[1:]} == {organiser}
    cancelled = Meeting.history.filter(id=other.pk).first()
    assert (cancelled.history_type, cancelled.status) == ("~", MeetingStatus.CANCELLED)


def test_an_expired_request_is_on_record():
    request = MeetingRequestFactory(expires_at=timezone.now() - timedelta(minutes=1))

    assert expire_requests() == 1

    assert [row.state for row in MeetingRequest.history.filter(id=request.pk)] == [
        RequestState.EXPIRED,
        RequestState.PENDING,
    ]


def test_the_fairs_personal_data_is_exported_and_erased_with_its_history():
    person = EnterpriseUserFactory(email="zhang@example.org")
    participant = ParticipantFactory(contact_email="zhang@example.org", contact_phone="+86 1")
    representative = add_representative(
        participant, name="Zhang Min", email="zhang@example.org", phone="+86 21 5555"
    )

    exported = export_person(person)["fair.representatives"]
    counts = erase_person(person, by=OrganiserFactory())

    assert {(row["as"], row.get("name", row.get("contact_email"))) for row in exported} == {
        ("representative", "Zhang Min"),
        ("contact", "zhang@example.org"),
    }
    assert counts["fair.representatives"] == 2
    representative.refresh_from_db()
    participant.refresh_from_db()
    assert (representative.name, representative.email, representative.phone) == (ERASED, "", "")
    assert (participant.contact_email, participant.contact_phone) == ("", "")
    assert not representative.history.exclude(name=ERASED).exists()
    assert not participant.history.exclude(contact_email="").exists()
