"""Pieces the fair's views share: loading an object under a rule, and domain errors on forms."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404
from django.utils import translation

from amity.fair.models import Fair, MeetingRequest, Participant


def is_chinese() -> bool:
    return (translation.get_language() or "").startswith("zh")


def allowed(request, perm: str, obj) -> None:
    if not request.user.has_perm(perm, obj):
        raise PermissionDenied


def load_fair(request, fair_id: int, perm: str = "fair.view_fair") -> Fair:
    fair = get_object_or_404(Fair.objects.select_related("event"), pk=fair_id)
    allowed(request, perm, fair)
    return fair


def load_participant(request, pk: int, perm: str = "fair.view_participant") -> Participant:
    participant = get_object_or_404(
        Participant.objects.select_related("fair__event", "organisation"), pk=pk
    )
    allowed(request, perm, participant)
    return participant


def load_request(request, pk: int, perm: str) -> MeetingRequest:
    meeting_request = get_object_or_404(
        MeetingRequest.objects.select_related("sender", "receiver", "fair"), pk=pk
    )
    allowed(request, perm, meeting_request)
    return meeting_request


def errors_onto(form, error: ValidationError) -> None:
    """Put a domain error on the form: on its field when the form has one, else on top."""
    if hasattr(error, "error_dict"):
        for name, messages in error.message_dict.items():
            form.add_error(name if name in form.fields else None, messages)
    else:
        form.add_error(None, error.messages)


def error_text(error: ValidationError) -> str:
    return " ".join(error.messages)


def back(request, default: str = "fair:participant-home"):
    """Redirect to the form's ``next`` when it is a local address, else to ``default``."""
    from django.shortcuts import redirect
    from django.utils.http import url_has_allowed_host_and_scheme

    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return redirect(target)
    return redirect(default)
