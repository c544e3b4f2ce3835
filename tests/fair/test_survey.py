"""The second-stage survey: one private link per participant, sent once, reminded once."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone, translation

from amity.fair.domain.day import mark_meeting
from amity.fair.domain.schedule import add_meeting
from amity.fair.domain.survey import (
    answer_survey,
    invitation_by_token,
    send_survey,
    survey_meetings,
)
from amity.fair.models import (
    FollowUpAnswer,
    MeetingOutcome,
    MeetingStatus,
    SurveyInvitation,
    Table,
)
from amity.jobs.models import Job
from amity.notifications.models import Notification
from tests.factories.accounts import EnterpriseUserFactory, OrganiserFactory
from tests.fair.schedule_helpers import small_fair

pytestmark = pytest.mark.django_db


def _held_fair():
    """p0 met p1 and p2 (held); p0 and p3 have a scheduled meeting that was never marked."""
    fair, people, requests, slots = small_fair(participants=4)
    table = Table.objects.filter(fair=fair).first()
    held = [add_meeting(r, slot=slots[i], table=table) for i, r in enumerate(requests[:2])]
    for meeting in held:
        mark_meeting(meeting, MeetingStatus.HELD)
    add_meeting(requests[2], slot=slots[2], table=table)
    members = [EnterpriseUserFactory(organisation=p.organisation) for p in people]
    return fair, people, held, members


def test_every_participant_with_a_held_meeting_is_invited_once():
    fair, people, _held, members = _held_fair()

    first = send_survey(fair)
    again = send_survey(fair)

    assert (first.invited, again.invited, again.reminded) == (3, 0, 0)
    invited = set(SurveyInvitation.objects.values_list("participant", flat=True))
    assert invited == {people[0].pk, people[1].pk, people[2].pk}
    assert Notification.objects.filter(recipient=members[3]).count() == 0
    assert Notification.objects.filter(recipient=members[0]).count() == 1


def test_the_invitation_is_mailed_with_an_absolute_private_link(django_capture_on_commit_callbacks):
    fair, people, _held, members = _held_fair()

    with django_capture_on_commit_callbacks(execute=True):
        send_survey(fair)

    token = SurveyInvitation.objects.get(participant=people[1]).token
    mailed = [m for m in mail.outbox if m.to == [members[1].email]]
    assert len(mailed) == 1
    assert f"http://127.0.0.1:8000{reverse('fair:survey', args=[token])}" in mailed[0].body


def test_one_reminder_follows_after_two_weeks_unless_answered():
    fair, people, _held, _members = _held_fair()
    start = timezone.now()
    send_survey(fair, now=start)
    answered = SurveyInvitation.objects.get(participant=people[1])
    answered.answered_at = start
    answered.save()

    early = send_survey(fair, now=start + timedelta(days=13))
    due = send_survey(fair, now=start + timedelta(days=15))
    later = send_survey(fair, now=start + timedelta(days=40))

    assert (early.reminded, due.reminded, later.reminded) == (0, 2, 0)


def test_a_participant_without_accounts_is_mailed_at_its_contact_address_in_both_languages(
    django_capture_on_commit_callbacks,
):
    fair, people, _held, members = _held_fair()
    members[2].delete()
    people[2].contact_email = "office@example.org"
    people[2].save()

    with django_capture_on_commit_callbacks(execute=True):
        send_survey(fair)

    [message] = [m for m in mail.outbox if m.to == ["office@example.org"]]
    assert "What came of your meetings" in message.body
    assert "会谈" in message.body


def test_the_survey_does_not_go_out_before_its_day():
    fair, *_ = _held_fair()
    fair.event.ends_on = timezone.localdate()
    fair.event.save()

    with pytest.raises(ValidationError) as error:
        send_survey(fair)

    assert "opens on" in str(error.value)
    assert not SurveyInvitation.objects.exists()


def test_answers_update_the_outcomes_and_nothing_yet_keeps_the_rating():
    fair, people, held, _members = _held_fair()
    send_survey(fair)
    invitation = SurveyInvitation.objects.get(participant=people[0])
    for meeting in held:
        MeetingOutcome.objects.create(meeting=meeting, participant=people[0], rating="follow_up")

    answer_survey(
        invitation, {held[0].pk: ("contract", "Signed in March"), held[1].pk: ("nothing_yet", "")}
    )

    ratings = dict(
        MeetingOutcome.objects.filter(participant=people[0]).values_list("meeting", "rating")
    )
    assert ratings == {held[0].pk: "agreement", held[1].pk: "follow_up"}
    changed = MeetingOutcome.objects.get(meeting=held[0], participant=people[0])
    # The survey's update of the first-stage rating is on record like any other change.
    assert changed.history.first().rating == "agreement"
    invitation.refresh_from_db()
    assert invitation.answered_at is not None


def test_a_link_answers_only_its_own_participants_meetings_and_nothing_changes():
    fair, people, held, _members = _held_fair()
    send_survey(fair)
    invitation = SurveyInvitation.objects.get(participant=people[1])  # met p0 in held[0] only

    with pytest.raises(ValidationError) as error:
        answer_survey(invitation, {held[0].pk: ("mou", ""), held[1].pk: ("contract", "")})

    assert f"meeting-{held[1].pk}" in error.value.message_dict
    assert not FollowUpAnswer.objects.exists()
    assert [m.pk for m in survey_meetings(people[1])] == [held[0].pk]


def test_an_unknown_or_unsent_token_opens_nothing(client):
    _held_fair()
    assert invitation_by_token("no-such-token") is None
    assert client.get(reverse("fair:survey", args=["no-such-token"])).status_code == 404


def test_the_survey_page_works_without_login_in_both_languages(client):
    fair, people, held, _members = _held_fair()
    send_survey(fair)
    token = SurveyInvitation.objects.get(participant=people[0]).token
    url = reverse("fair:survey", args=[token])

    page = client.get(url).content.decode()
    with translation.override("zh-hans"):
        chinese = client.get(reverse("fair:survey", args=[token])).content.decode()
    client.post(url, {f"result-{held[0].pk}": "visit", f"note-{held[0].pk}": "Visit in May"})

    assert f'data-meeting="{held[0].pk}"' in page
    assert f'data-meeting="{held[1].pk}"' in page
    assert "会谈" in chinese
    answer = FollowUpAnswer.objects.get()
    assert (answer.meeting, answer.result, answer.note) == (held[0], "visit", "Visit in May")


def test_the_organiser_sends_the_survey_as_a_job(client, django_capture_on_commit_callbacks):
    fair, *_ = _held_fair()
    client.force_login(OrganiserFactory())

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("fair:survey-admin", args=[fair.pk]), {"action": "send"})

    job = Job.objects.get()
    assert response["Location"].endswith(reverse("jobs:job-detail", args=[job.pk]))
    assert (job.status, job.result["invited"]) == ("succeeded", 3)
    assert SurveyInvitation.objects.filter(sent_at__isnull=False).count() == 3


def test_the_organiser_sets_the_survey_delay_and_a_bad_value_changes_nothing(client):
    fair, *_ = _held_fair()
    client.force_login(OrganiserFactory())
    url = reverse("fair:survey-admin", args=[fair.pk])

    client.post(url, {"action": "delay", "survey_after_days": "180"})
    client.post(url, {"action": "delay", "survey_after_days": "0"})

    fair.refresh_from_db()
    assert fair.survey_after_days == 180
