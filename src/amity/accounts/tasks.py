"""Background work of the accounts: the daily retention run, for a scheduler to enqueue."""

from django_tasks import task

from amity.accounts.personal_data import erase_expired


@task()
def erase_expired_personal_data() -> dict[str, int]:
    return erase_expired()
