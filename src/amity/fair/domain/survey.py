"""The second-stage survey: months after the fair, what came of each meeting that was held.

Each participant with a held meeting gets one private link (``SurveyInvitation.token``) that
opens its own meetings and nothing else, without a login. Sending is idempotent: an invitation
is claimed by a conditional update before its message goes out, so a second run (or two at
once) sends nothing twice; one reminder follows ``REMIND_AFTER_DAYS`` later if unanswered.
An answer also updates the side's first-stage rating, if it gave one, when it says more than
"nothing yet".
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from amity.audit.tracking import record_as_they_stand
from amity.fair.domain.notices import people_of
from amity.fair.models import (
    Fair,
    FollowUpAnswer,
    FollowUpResult,
    Meeting,
    MeetingOutcome,
    MeetingStatus,
    OutcomeRating,
    Participant,
    SurveyInvitation,
)
from amity.notifications.domain import notify, render

REMIND_AFTER_DAYS = 14
INVITED = gettext_noop(
    "What came of your meetings at %(fair)s? Tell us in two minutes with your private link."
)
REMINDED = gettext_noop(
    "A reminder: what came of your meetings at %(fair)s? Your private link is still open."
)
# A second-stage answer as the first stage's rating; "nothing yet" leaves the rating as it is.
AS_RATING = {
    FollowUpResult.CONTRACT: OutcomeRating.AGREEMENT,
    FollowUpResult.MOU: OutcomeRating.AGREEMENT,
    FollowUpResult.VISIT: OutcomeRating.FOLLOW_UP,
    FollowUpResult.NEGOTIATING: OutcomeRating.NEGOTIATING,
    FollowUpResult.NOTHING_YET: None,
    FollowUpResult.NONE: OutcomeRating.NO_FURTHER_CONTACT,
}


def survey_opens_on(fair: Fair) -> date:
    return fair.event.ends_on + timedelta(days=fair.survey_after_days)


def set_survey_delay(fair: Fair, days: int) -> Fair:
    if not 1 <= days <= 730:
        raise ValidationError({"survey_after_days": _("Choose 1 to 730 days after the fair.")})
    Fair.objects.filter(pk=fair.pk).update(survey_after_days=days)
    fair.survey_after_days = days
    return fair


def surveyed_participants(fair: Fair):
    """Participants with at least one held meeting."""
    return (
        Participant.objects.filter(fair=fair, seats__meeting__status=MeetingStatus.HELD)
        .distinct()
        .order_by("pk")
    )


def check_survey_open(fair: Fair, now: datetime | None = None) -> None:
    opens = survey_opens_on(fair)
    if timezone.localdate(now or timezone.now()) < opens:
        raise ValidationError(
            _("The survey opens on %(date)s, %(days)s days after the fair.")
            % {"date": opens.isoformat(), "days": fair.survey_after_days}
        )


@dataclass
class SendReport:
    invited: int = 0
    reminded: int = 0
    skipped: list[int] = field(default_factory=list)


def send_survey(
    fair: Fair,
    progress: Callable[[int, int], None] | None = None,
    now: datetime | None = None,
) -> SendReport:
    """Invite every participant with a held meeting once, and remind once if unanswered."""
    now = now or timezone.now()
    check_survey_open(fair, now)
    report = SendReport()
    participants = list(surveyed_participants(fair))
    for done, participant in enumerate(participants, start=1):
        message = _claim(participant, now)
        if message is not None:
            with transaction.atomic():
                if _send(fair, participant, message):
                    report.invited += message == INVITED
                    report.reminded += message == REMINDED
                else:
                    report.skipped.append(participant.pk)
        if progress is not None:
            progress(done, len(participants))
    return report


def _claim(participant: Participant, now: datetime) -> str | None:
    """Which message is due, claimed so that no other run sends it: the invitation or the
    reminder, or None."""
    invitation, _created = SurveyInvitation.objects.get_or_create(
        participant=participant, defaults={"token": secrets.token_urlsafe(32)}
    )
    pending = SurveyInvitation.objects.filter(pk=invitation.pk)
    if pending.filter(sent_at__isnull=True).update(sent_at=now):
        return INVITED
    due = now - timedelta(days=REMIND_AFTER_DAYS)
    if pending.filter(answered_at__isnull=True, reminded_at__isnull=True, sent_at__lte=due).update(
        reminded_at=now
    ):
        return REMINDED
    return None


def survey_url(invitation: SurveyInvitation) -> str:
    return settings.AMITY_SITE_URL.rstrip("/") + reverse("fair:survey", args=[invitation.token])


def _send(fair: Fair, participant: Participant, message: str) -> bool:
    """The app notice and e-mail to the participant's people; without accounts, one e-mail in
    both languages to its contact address. False when there is nobody to tell."""
    url = survey_url(participant.survey_invitation)
    params = {"fair": fair.event.name_en, "fair_zh": fair.event.name_zh}
    people = people_of(participant)
    if people:
        notify(people, message, url, **params)
        return True
    if not participant.contact_email:
        return False
    texts = [render(message, params, language) for language in ("en", "zh-hans")]
    body = "\n\n".join(texts) + f"\n\n{url}"
    transaction.on_commit(
        lambda: send_mail(texts[0][:150], body, None, [participant.contact_email])
    )
    return True


def invitation_by_token(token: str) -> SurveyInvitation | None:
    return (
        SurveyInvitation.objects.select_related("participant__fair__event")
        .filter(token=token, sent_at__isnull=False)
        .first()
    )


def survey_meetings(participant: Participant) -> list[Meeting]:
    """The participant's held meetings, each with ``answer`` (its own, or None)."""
    meetings = list(
        Meeting.objects.filter(status=MeetingStatus.HELD, seats__participant=participant)
        .select_related("slot", "request__sender", "request__receiver")
        .order_by("slot__starts_at")
    )
    answers = {
        a.meeting_id: a
        for a in FollowUpAnswer.objects.filter(
            participant=participant, meeting__in=[m.pk for m in meetings]
        )
    }
    for meeting in meetings:
        meeting.answer = answers.get(meeting.pk)
        meeting.other = meeting.request.other_side(participant)
    return meetings


def answer_survey(
    invitation: SurveyInvitation, answers: dict[int, tuple[str, str]], now: datetime | None = None
) -> list[FollowUpAnswer]:
    """Record {meeting id: (result, note)}; all answers or none, each error naming its meeting."""
    participant = invitation.participant
    own = {m.pk: m for m in survey_meetings(participant)}
    errors: dict[str, list[str]] = {}
    for meeting_id, (result, _note) in answers.items():
        if meeting_id not in own:
            errors[f"meeting-{meeting_id}"] = [_("This is not one of your held meetings.")]
        elif result not in FollowUpResult.values:
            errors[f"meeting-{meeting_id}"] = [_("Choose what came of this meeting.")]
    if errors:
        raise ValidationError(errors)
    if not answers:
        raise ValidationError(_("Answer for at least one meeting."))
    saved = []
    with transaction.atomic():
        for meeting_id, (result, note) in answers.items():
            saved.append(_answer_one(own[meeting_id], participant, result, note))
        SurveyInvitation.objects.filter(pk=invitation.pk).update(answered_at=now or timezone.now())
    return saved


def answer_meeting(
    meeting: Meeting, participant: Participant, result: str, note: str = ""
) -> FollowUpAnswer:
    """One side's second-stage answer for one meeting (the API's way, for a signed-in side)."""
    if meeting.status != MeetingStatus.HELD:
        raise ValidationError(_("Only a meeting that was held can have an outcome."))
    if participant.pk not in (meeting.request.sender_id, meeting.request.receiver_id):
        raise ValidationError(_("Only the two sides of a meeting record its outcome."))
    if result not in FollowUpResult.values:
        raise ValidationError({"result": _("Choose what came of this meeting.")})
    with transaction.atomic():
        return _answer_one(meeting, participant, result, note)


def _answer_one(meeting: Meeting, participant: Participant, result: str, note: str):
    note = (note or "")[:2000]
    answer, _created = FollowUpAnswer.objects.update_or_create(
        meeting=meeting, participant=participant, defaults={"result": result, "note": note}
    )
    rating = AS_RATING[FollowUpResult(result)]
    if rating is not None:
        # Only a side's own first-stage rating is brought up to date: the first stage stays
        # what was said after the meeting, counted in the month it was said.
        outcomes = MeetingOutcome.objects.filter(meeting=meeting, participant=participant)
        ids = list(outcomes.values_list("pk", flat=True))
        outcomes.update(rating=rating)
        record_as_they_stand(MeetingOutcome, ids)
    return answer


def survey_status(fair: Fair) -> dict:
    """For the organisers' page: who was asked, reminded and who answered."""
    invitations = SurveyInvitation.objects.filter(participant__fair=fair)
    return {
        "eligible": surveyed_participants(fair).count(),
        "invited": invitations.filter(sent_at__isnull=False).count(),
        "reminded": invitations.filter(reminded_at__isnull=False).count(),
        "answered": invitations.filter(answered_at__isnull=False).count(),
        "opens_on": survey_opens_on(fair),
    }
