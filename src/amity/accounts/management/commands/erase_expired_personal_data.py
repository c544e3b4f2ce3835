"""``amity erase-expired-personal-data``: apply every domain's retention period (run daily)."""

from django.core.management.base import BaseCommand

from amity.accounts.personal_data import erase_expired


class Command(BaseCommand):
    help = (
        "Erase personal data past its retention period, e.g. delegation members' names, "
        "contacts, travel and needs AMITY_ERASE_DELEGATION_DATA_AFTER_DAYS after the event."
    )

    def handle(self, *args, **options) -> None:
        for key, count in erase_expired().items():
            self.stdout.write(f"{key}: {count} records erased")
