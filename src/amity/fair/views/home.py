"""The participant's home: completeness, suggestions with reasons, requests in and out."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render

from amity.fair.domain.queries import fair_for_user, participant_home, participation
from amity.fair.views.common import allowed


@login_required
def participant_home_view(request):
    user = request.user
    if user.is_organiser:
        fair = fair_for_user(user)
        if fair is not None:
            return redirect("fair:organiser-overview", fair.pk)
    fair = fair_for_user(user)
    if fair is None:
        return render(request, "fair/no_fair.html")
    allowed(request, "fair.view_fair", fair)
    participant = participation(fair, user)
    if participant is None:
        return render(request, "fair/not_registered.html", {"fair": fair})
    home = participant_home(participant)
    return render(request, "fair/home.html", {"fair": fair, "home": home})
