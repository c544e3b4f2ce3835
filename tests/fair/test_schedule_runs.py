"""Schedule runs: a run records its input and result, adopting it fills the live schedule."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from amity.engine.scheduling.model import UnscheduledReason
from amity.fair.domain.schedule import (
    add_meeting,
    adopt_run,
    compare_runs,
    execute_run,
    move_meeting,
    new_run,
    set_locked,
)
from amity.fair.models import Meeting, MeetingSeat, MeetingStatus, RequestState, RunStatus, Table
from tests.factories.fair import MeetingRequestFactory, ParticipantFactory
from tests.fair.schedule_helpers import small_fair

pytestmark = pytest.mark.django_db


def test_a_run_schedules_every_meeting_and_records_its_input():
    fair, _people, _requests, slots = small_fair()
    assert len(slots) == 4
    run = execute_run(new_run(fair, time_limit=2))

    assert run.status == RunStatus.FINISHED
    assert len(run.input_hash) == 64
    assert run.stats["requested"] == run.stats["scheduled"] == 3
    assert run.stats["priority"] == run.stats["priority_bound"]
    assert run.result["unscheduled"] == []


def test_the_same_input_gives_the_same_hash_and_a_finished_run_is_not_run_again():
    fair, *_ = small_fair()
    first = execute_run(new_run(fair, time_limit=2))
    second = execute_run(new_run(fair, time_limit=2))
    assert first.input_hash == second.input_hash
    assert compare_runs(first, second)["only_first"] == 0
    with pytest.raises(ValidationError):
        execute_run(first)


def test_an_unschedulable_meeting_is_listed_with_its_reason():
    # Four meetings of one participant but only three slots: one cannot be held.
    fair, _people, _requests, slots = small_fair(participants=5, slot_minutes=30)
    assert len(slots) == 3
    run = execute_run(new_run(fair, time_limit=2))
    assert run.stats["scheduled"] == 3
    assert len(run.result["unscheduled"]) == 1
    assert run.result["unscheduled"][0][1] in {r.value for r in UnscheduledReason}


def test_adopting_a_run_makes_meetings_with_one_seat_per_side():
    fair, people, _requests, _slots = small_fair()
    run = execute_run(new_run(fair, time_limit=2))
    assert adopt_run(run) == 3
    assert Meeting.objects.filter(fair=fair, status=MeetingStatus.SCHEDULED).count() == 3
    assert MeetingSeat.objects.filter(participant=people[0]).count() == 3


def test_a_rerun_keeps_a_locked_meeting_in_its_slot_and_and_a_moved_one_gets_a_higher_sequence():
    fair, _people, _requests, _slots = small_fair()
    adopt_run(execute_run(new_run(fair, time_limit=2)))
    locked = Meeting.objects.filter(fair=fair).first()
    set_locked(locked, True)
    before = {m.request_id: (m.slot_id, m.table_id) for m in Meeting.objects.filter(fair=fair)}
    adopt_run(execute_run(new_run(fair, time_limit=2, seed=3)))

    again = Meeting.objects.get(request=locked.request, status=MeetingStatus.SCHEDULED)
    assert (again.pk, again.slot_id) == (locked.pk, locked.slot_id)
    others = Meeting.objects.filter(fair=fair, status=MeetingStatus.SCHEDULED, locked=False)
    assert others.count() == 2
    for meeting in others:
        moved = before[meeting.request_id] != (meeting.slot_id, meeting.table_id)
        assert meeting.sequence == (1 if moved else 0)


def test_adopting_an_unfinished_run_is_refused():
    fair, *_ = small_fair()
    with pytest.raises(ValidationError):
        adopt_run(new_run(fair))


def test_moving_into_a_taken_slot_names_the_conflict_and_changes_nothing():
    fair, people, _requests, _slots = small_fair()
    adopt_run(execute_run(new_run(fair, time_limit=2)))
    one, two = Meeting.objects.filter(fair=fair)[:2]
    with pytest.raises(ValidationError) as error:
        move_meeting(one, slot=two.slot, table=two.table)
    assert "Table" in str(error.value)
    assert people[0].name_en in str(error.value)
    one.refresh_from_db()
    assert one.sequence == 0


def test_moving_into_a_free_slot_raises_the_sequence():
    fair, _people, _requests, slots = small_fair(participants=3)
    adopt_run(execute_run(new_run(fair, time_limit=2)))
    used = set(Meeting.objects.values_list("slot_id", flat=True))
    free = next(s for s in slots if s.pk not in used)
    meeting = Meeting.objects.filter(fair=fair).first()
    moved = move_meeting(meeting, slot=free, table=Table.objects.filter(fair=fair).last())
    assert (moved.slot_id, moved.sequence) == (free.pk, 1)
    assert set(moved.seats.values_list("slot_id", flat=True)) == {free.pk}


def test_the_database_refuses_a_second_seat_for_a_participant_in_one_slot():
    fair, people, _requests, _slots = small_fair()
    adopt_run(execute_run(new_run(fair, time_limit=2)))
    one, two = Meeting.objects.filter(fair=fair)[:2]
    with pytest.raises(IntegrityError), transaction.atomic():
        MeetingSeat.objects.filter(meeting=two, participant=people[0]).update(slot=one.slot)


def test_the_database_refuses_a_second_meeting_at_a_table_in_one_slot():
    fair, _people, _requests, _slots = small_fair()
    adopt_run(execute_run(new_run(fair, time_limit=2)))
    one, two = Meeting.objects.filter(fair=fair)[:2]
    with pytest.raises(IntegrityError), transaction.atomic():
        Meeting.objects.filter(pk=two.pk).update(slot=one.slot, table=one.table)


def test_a_late_meeting_needs_an_accepted_request():
    fair, people, _requests, slots = small_fair(participants=2)
    pending = MeetingRequestFactory(
        fair=fair, sender=people[1], receiver=ParticipantFactory(fair=fair)
    )
    assert pending.state == RequestState.PENDING
    with pytest.raises(ValidationError):
        add_meeting(pending, slot=slots[0], table=Table.objects.filter(fair=fair).first())
