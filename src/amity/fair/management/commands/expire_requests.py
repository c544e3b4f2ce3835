from django.core.management.base import BaseCommand

from amity.fair.domain import expire_requests


class Command(BaseCommand):
    help = "Expire the fair's pending meeting requests past their time (run hourly from cron)."

    def handle(self, *args, **options) -> None:
        self.stdout.write(f"{expire_requests()} requests expired")
