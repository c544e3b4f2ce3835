"""Sending the second-stage survey as a background job, with progress for the organiser."""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from django_tasks import task

from amity.fair.domain.survey import send_survey
from amity.fair.models import Fair
from amity.jobs.domain import job_task, start_job

SENDING = gettext_noop("Sending the survey: %(done)s of %(total)s participants")
SENT = gettext_noop("Survey sent: %(invited)s invited, %(reminded)s reminded")
SURVEY_KIND = "fair.survey"


@task()
@job_task
def send_survey_job(progress, *, fair_id: int) -> dict:
    fair = Fair.objects.select_related("event").get(pk=fair_id)

    def report(done: int, total: int) -> None:
        progress(done, total, SENDING, done=done, total=total)

    result = send_survey(fair, report)
    progress(1, 1, SENT, invited=result.invited, reminded=result.reminded)
    return {
        "url": reverse("fair:survey-admin", args=[fair.pk]),
        "invited": result.invited,
        "reminded": result.reminded,
    }


def start_survey(fair: Fair, owner):
    return start_job(
        kind=f"{SURVEY_KIND}:{fair.pk}",
        title=lambda: _("Second-stage survey of %(fair)s") % {"fair": fair.event.name_en},
        owner=owner,
        task=send_survey_job,
        fair_id=fair.pk,
    )
