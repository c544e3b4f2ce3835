"""Where a person lands after logging in: the page where their own work starts.

Each domain owns its home page; this table only says which one belongs to which role. A role
whose page is not installed lands on the public partner list.
"""

from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect
from django.urls import NoReverseMatch, reverse

from amity.accounts.models import Role

ROLE_HOMES = {
    Role.ORGANISER: "events:event-list",
    Role.DELEGATE: "events:delegate-home",
    Role.ENTERPRISE: "fair:participant-home",
}
FALLBACK = "cities:partner-list"


@login_required
def my_home(request):
    role = Role.ORGANISER if request.user.is_organiser else request.user.role
    try:
        return redirect(reverse(ROLE_HOMES[role]))
    except (KeyError, NoReverseMatch):
        return redirect(FALLBACK)
