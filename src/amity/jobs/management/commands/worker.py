"""`amity worker`: run background tasks — one RQ worker in production, else the database queue."""

from datetime import timedelta

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

from amity.jobs.domain import fail_stalled


class Command(BaseCommand):
    help = (
        "Run background tasks (imports, schedule runs, documents): with AMITY_PROFILE=production "
        "one RQ worker on REDIS_URL, else the database-backed queue (`amity db_worker`). Jobs "
        "left running by a worker that died are marked failed first."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--burst",
            action="store_true",
            help="run the tasks waiting now, then stop (RQ's --burst; db_worker's --batch)",
        )

    def handle(self, *args, **options) -> None:
        abandoned = fail_stalled(timedelta(seconds=settings.AMITY_JOB_STALL_SECONDS))
        if abandoned:
            self.stderr.write(f"{abandoned} abandoned job(s) marked failed; they can be restarted")
        if settings.PRODUCTION:
            # django-tasks-rq's own job class runs our tasks through RQ; one queue, one worker.
            call_command(
                "rqworker", "default", job_class="django_tasks_rq.Job", burst=options["burst"]
            )
        else:
            call_command("db_worker", batch=options["burst"])
