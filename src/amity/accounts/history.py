"""The accounts' records in the audit log (imported from the app's ``ready()``).

Users are not tracked: a login saves the user (its last login time), which is no change of
fact, and the password hash must not be copied anywhere.
"""

from amity.accounts.models import Organisation
from amity.audit.tracking import track


def register() -> None:
    track(Organisation)
