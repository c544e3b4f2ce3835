from django.core.management.base import BaseCommand, CommandError

from amity.accounts.models import User
from amity.accounts.tokens import create_api_token


class Command(BaseCommand):
    help = (
        "Create a personal API token for a user and print it (it is shown only once). Send it "
        "as the header 'Authorization: Token <key>'; the user's permissions apply."
    )

    def add_arguments(self, parser):
        parser.add_argument("username", help="the account the token acts for")
        parser.add_argument("--name", default="cli", help="a label to tell tokens apart")

    def handle(self, *args, username: str, name: str, **options):
        user = User.objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"no user named {username!r}")
        self.stdout.write(create_api_token(user, name))
