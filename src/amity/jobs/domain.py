"""Starting a job, reporting its progress, and ending it — the only code that writes ``Job``.

Report progress outside ``transaction.atomic`` blocks: a write inside one stays invisible to
the owner's page until the block commits. Long work therefore computes first (reporting as it
goes) and then writes its result in one short transaction.
"""

from __future__ import annotations

import functools
import logging
import threading
import time
from collections.abc import Callable
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.utils import timezone, translation
from django.utils.module_loading import import_string
from django.utils.translation import gettext

from amity.audit.tracking import acting_as
from amity.jobs.models import Job, JobStatus

logger = logging.getLogger(__name__)

# Progress is written at most this often (plus every change of message and the last step),
# so a loop over 100,000 items does not become 100,000 UPDATEs.
WRITE_INTERVAL_SECONDS = 0.5


def in_both_languages(render: Callable[[], str]) -> tuple[str, str]:
    """``render()`` under English and under Simplified Chinese: a title for both readers."""
    with translation.override("en"):
        english = str(render())
    with translation.override("zh-hans"):
        chinese = str(render())
    return english, chinese


def start_job(*, kind: str, title: Callable[[], str], owner, task, **arguments: Any) -> Job:
    """Record a job and enqueue ``task`` for it once the current transaction commits.

    ``task`` is a django-tasks task whose function is wrapped by ``job_task``; ``arguments``
    must be JSON values (ids, not objects). ``title`` is rendered in both languages.
    """
    title_en, title_zh = in_both_languages(title)
    return _record_and_enqueue(
        Job(
            kind=kind,
            title_en=title_en[:300],
            title_zh=title_zh[:300],
            owner=owner if owner is not None and owner.is_authenticated else None,
            language=translation.get_language() or settings.LANGUAGE_CODE,
            task_path=task.module_path,
            arguments=arguments,
        ),
        task,
    )


def _record_and_enqueue(job: Job, task) -> Job:
    job.save()
    # After commit: a worker must not look for a job row that is not visible yet.
    transaction.on_commit(functools.partial(task.enqueue, job_id=str(job.pk), **job.arguments))
    return job


def can_restart(job: Job) -> bool:
    """A failed job runs again once, with the same arguments, if it recorded its task."""
    return (
        job.status == JobStatus.FAILED
        and bool(job.task_path)
        and not Job.objects.filter(restarted_from=job).exists()
    )


def restart_job(job: Job, *, owner) -> Job:
    """A new job of the same kind, title and arguments as the failed ``job``; ``job`` stays as
    it was, as the record of what went wrong."""
    with transaction.atomic():
        job = Job.objects.select_for_update().get(pk=job.pk)
        if not can_restart(job):
            raise ValidationError(gettext("Only a failed job can be started again, and once."))
        return _record_and_enqueue(
            Job(
                kind=job.kind,
                title_en=job.title_en,
                title_zh=job.title_zh,
                owner=owner if owner is not None and owner.is_authenticated else job.owner,
                language=translation.get_language() or job.language,
                task_path=job.task_path,
                arguments=job.arguments,
                restarted_from=job,
            ),
            import_string(job.task_path),
        )


class Progress:
    """Handed to a job's function: ``progress(done, total, message_id, **params)``."""

    def __init__(self, job_id: str) -> None:
        self.job_id = job_id
        self.done = 0
        self.total: int | None = None
        self.message = ""
        self.params: dict[str, Any] = {}
        self._written_at = 0.0
        self._written_message = ""

    def __call__(
        self, done: int, total: int | None = None, message: str = "", /, **params: Any
    ) -> None:
        """``message`` is an untranslated id (mark it with ``gettext_noop``); positional-only
        arguments leave every name free for the message's parameters (even ``done``)."""
        self.total = total if total is not None else self.total
        self.done = min(done, self.total) if self.total is not None else done
        if message:
            self.message, self.params = message, params
        now = time.monotonic()
        last = self.total is not None and self.done >= self.total
        if (
            last
            or self.message != self._written_message
            or now - self._written_at >= (WRITE_INTERVAL_SECONDS)
        ):
            self.write()
            self._written_at, self._written_message = now, self.message

    def write(self) -> None:
        Job.objects.filter(pk=self.job_id).update(
            done=self.done,
            total=self.total,
            message=self.message[:300],
            message_params=self.params,
            updated_at=timezone.now(),
        )


def job_task(function: Callable[..., dict[str, Any] | None]) -> Callable[..., None]:
    """Wrap ``function(progress, **arguments) -> result`` as the body of a job's task.

    A ``ValidationError`` fails the job with its message (the owner can correct the input);
    any other exception fails it with a general message and is raised again for the log.
    """

    @functools.wraps(function)
    def run(job_id: str, **arguments: Any) -> None:
        job = _begin(job_id)
        if job is None:
            return
        progress = Progress(job_id)
        # What the job changes is on record as changed by the one who started it.
        with translation.override(job.language), Heartbeat(job_id), acting_as(job.owner):
            try:
                result = function(progress, **arguments) or {}
            except ValidationError as error:
                _finish(job_id, JobStatus.FAILED, progress, error="; ".join(error.messages))
                return
            except Exception:
                logger.exception("job %s (%s) failed", job_id, job.kind)
                _finish(
                    job_id,
                    JobStatus.FAILED,
                    progress,
                    error=gettext("An internal error stopped the job; it has been logged."),
                )
                raise
        _finish(job_id, JobStatus.SUCCEEDED, progress, result=result)

    return run


def _begin(job_id: str) -> Job | None:
    with transaction.atomic():
        job = Job.objects.select_for_update().filter(pk=job_id).first()
        if job is None or job.status != JobStatus.QUEUED:
            # Deleted, or already run: a task delivered twice must not run twice.
            return None
        job.status = JobStatus.RUNNING
        job.started_at = timezone.now()
        job.save(update_fields=["status", "started_at", "updated_at"])
    return job


def _finish(
    job_id: str,
    status: JobStatus,
    progress: Progress,
    *,
    result: dict[str, Any] | None = None,
    error: str = "",
) -> None:
    done = progress.total if status == JobStatus.SUCCEEDED and progress.total else progress.done
    Job.objects.filter(pk=job_id).update(
        status=status,
        done=done,
        total=progress.total,
        message=progress.message[:300],
        message_params=progress.params,
        result=result or {},
        error=error,
        finished_at=timezone.now(),
        updated_at=timezone.now(),
    )


class Heartbeat:
    """While a job's function runs, its row's ``updated_at`` is refreshed every
    ``AMITY_JOB_HEARTBEAT_SECONDS`` from a thread of its own, even when the function reports
    nothing for a long time (a solver thinking). A worker that is killed stops beating; its job
    is then found by ``fail_stalled``."""

    def __init__(self, job_id: str, interval: float | None = None) -> None:
        self.job_id = job_id
        self.interval = settings.AMITY_JOB_HEARTBEAT_SECONDS if interval is None else interval
        self._stopped = threading.Event()
        self._thread = threading.Thread(
            target=self._run, name=f"job-heartbeat-{job_id}", daemon=True
        )

    def beat(self) -> None:
        Job.objects.filter(pk=self.job_id, status=JobStatus.RUNNING).update(
            updated_at=timezone.now()
        )

    def _run(self) -> None:
        try:
            while not self._stopped.wait(self.interval):
                self.beat()
        finally:
            # This thread's own database connection; the job's function keeps its own.
            connection.close()

    def __enter__(self) -> Heartbeat:
        self._thread.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._stopped.set()
        self._thread.join()


def stall_limit() -> timedelta:
    return timedelta(seconds=settings.AMITY_JOB_STALL_SECONDS)


def fail_stalled(after: timedelta | None = None, *, job_id=None) -> int:
    """Mark running jobs without a sign of life for ``after`` (default: the stall limit) as
    failed, with the reason: their worker died. Only one job's if ``job_id`` is given."""
    jobs = Job.objects.filter(
        status=JobStatus.RUNNING,
        updated_at__lt=timezone.now() - (stall_limit() if after is None else after),
    )
    if job_id is not None:
        jobs = jobs.filter(pk=job_id)
    return jobs.update(
        status=JobStatus.FAILED,
        error=gettext("The job stopped reporting progress (its worker stopped); start it again."),
        finished_at=timezone.now(),
        updated_at=timezone.now(),
    )


def job_message(job: Job) -> str:
    """The job's latest step in the reader's language."""
    if not job.message:
        return ""
    try:
        return gettext(job.message) % job.message_params
    except (KeyError, TypeError, ValueError):
        # A message whose parameters do not fit its text still says something useful.
        return gettext(job.message)
