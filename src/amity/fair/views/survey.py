"""The second-stage survey: the participant's page (its private link, no login) and the
organisers' page (when it goes out, sending it as a job, who answered)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from amity.fair.domain.survey import (
    answer_survey,
    check_survey_open,
    invitation_by_token,
    set_survey_delay,
    survey_meetings,
    survey_status,
)
from amity.fair.models import FollowUpResult
from amity.fair.survey_tasks import start_survey
from amity.fair.views.common import error_text, load_fair


@require_http_methods(["GET", "POST"])
def survey_view(request, token: str):
    invitation = invitation_by_token(token)
    if invitation is None:
        raise Http404
    participant = invitation.participant
    errors: dict = {}
    if request.method == "POST":
        answers = _posted_answers(request.POST)
        try:
            answer_survey(invitation, answers)
        except ValidationError as error:
            errors = getattr(error, "message_dict", {"": error.messages})
            messages.error(request, error_text(error))
        else:
            messages.success(request, _("Thank you: your answers are recorded."))
            return redirect("fair:survey", token)
    context = {
        "participant": participant,
        "fair": participant.fair,
        "meetings": survey_meetings(participant),
        "results": FollowUpResult.choices,
        "errors": errors,
        "tz": participant.fair.event.time_zone,
    }
    return render(request, "fair/survey.html", context)


def _posted_answers(data) -> dict[int, tuple[str, str]]:
    """``result-<meeting id>`` (and ``note-<meeting id>``) fields; unanswered ones are left out."""
    answers = {}
    for key, value in data.items():
        if key.startswith("result-") and value:
            try:
                meeting_id = int(key.removeprefix("result-"))
            except ValueError:
                continue
            answers[meeting_id] = (value, data.get(f"note-{meeting_id}", ""))
    return answers


@login_required
def survey_admin_view(request, fair_id: int):
    fair = load_fair(request, fair_id, "fair.manage_schedule")
    if request.method == "POST":
        try:
            if request.POST.get("action") == "send":
                check_survey_open(fair)
                job = start_survey(fair, request.user)
                return redirect("jobs:job-detail", job.pk)
            set_survey_delay(fair, _int(request.POST.get("survey_after_days")))
        except ValidationError as error:
            messages.error(request, error_text(error))
        else:
            messages.success(request, _("The survey's date is saved."))
        return redirect("fair:survey-admin", fair.pk)
    context = {"fair": fair, "status": survey_status(fair)}
    return render(request, "fair/survey_admin.html", context)


def _int(value) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0
