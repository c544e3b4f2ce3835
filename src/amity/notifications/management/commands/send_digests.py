from django.core.management.base import BaseCommand

from amity.notifications.domain import send_digests


class Command(BaseCommand):
    help = "E-mail the daily digest to everyone who chose it (run once a day, e.g. from cron)."

    def handle(self, *args, **options) -> None:
        self.stdout.write(f"{send_digests()} digests sent")
