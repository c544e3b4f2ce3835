"""Tasks used by the job tests: real tasks through the real wrapper, doing trivial work."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_noop
from django_tasks import task

from amity.jobs.domain import job_task


@task()
@job_task
def count_to(progress, *, n: int) -> dict:
    for i in range(n):
        progress(i + 1, n, gettext_noop("%(done)s of %(total)s"), done=i + 1, total=n)
    return {"counted": n, "url": "/en/"}


@task()
@job_task
def refuse(progress, *, field: str) -> dict:
    progress(0, 3)
    raise ValidationError({field: "row 2: unknown sector code 9999"})
