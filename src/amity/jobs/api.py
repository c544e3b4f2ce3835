"""The job's status for API clients: the same facts as its page, under the same rule."""

from datetime import datetime
from typing import Any
from uuid import UUID

from django.utils.translation import get_language
from ninja import Router, Schema

from amity.api.errors import error_responses, get_or_404
from amity.api.permissions import require_perm
from amity.jobs.domain import fail_stalled, job_message
from amity.jobs.models import Job

router = Router(tags=["jobs"])


class JobOut(Schema):
    id: UUID
    kind: str
    title: str
    status: str
    done: int
    total: int | None
    message: str
    result: dict[str, Any]
    error: str
    created_at: datetime
    started_at: datetime | None
    finished_at: datetime | None


@router.get(
    "/{job_id}",
    response={200: JobOut, **error_responses(401, 403, 404, 422)},
    summary="A background job's progress and result",
)
def job_detail(request, job_id: UUID):
    fail_stalled(job_id=job_id)  # a job whose worker died reads as failed, as on its page
    job = get_or_404(Job, job_id)
    require_perm(request, "jobs.view_job", job)
    chinese = (get_language() or "").startswith("zh")
    return JobOut(
        id=job.pk,
        kind=job.kind,
        title=(job.title_zh or job.title_en) if chinese else job.title_en,
        status=job.status,
        done=job.done,
        total=job.total,
        message=job_message(job),
        result=job.result,
        error=job.error,
        created_at=job.created_at,
        started_at=job.started_at,
        finished_at=job.finished_at,
    )
