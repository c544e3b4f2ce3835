"""What the events pages share: loading the event (or delegation) the rule is asked with."""

from django.shortcuts import get_object_or_404
from django.utils import timezone

from amity.accounts.permissions import ObjectPermissionRequiredMixin
from amity.events.models import Delegation, Event, Session


class EventPermissionMixin(ObjectPermissionRequiredMixin):
    """Loads ``self.event`` from the URL's ``pk`` and asks ``permission_required`` with it."""

    def get_permission_object(self) -> Event:
        self.event = get_object_or_404(
            Event.objects.select_related("host_place"), pk=self.kwargs["pk"]
        )
        return self.event


class DelegationPermissionMixin(ObjectPermissionRequiredMixin):
    def get_permission_object(self) -> Delegation:
        self.delegation = get_object_or_404(
            Delegation.objects.select_related("event", "place"), pk=self.kwargs["pk"]
        )
        self.event = self.delegation.event
        return self.delegation


def in_event_zone(view_method):
    """Run a view method with the event's time zone active (set by the permission mixin)."""

    def wrapper(self, request, *args, **kwargs):
        with timezone.override(self.event.time_zone):
            return view_method(self, request, *args, **kwargs)

    wrapper.__name__ = view_method.__name__
    return wrapper


class SessionPermissionMixin(ObjectPermissionRequiredMixin):
    """Loads ``self.session`` and asks the rule with its event (sessions are the event's)."""

    def get_permission_object(self) -> Event:
        self.session = get_object_or_404(
            Session.objects.select_related("event", "venue"), pk=self.kwargs["pk"]
        )
        self.event = self.session.event
        return self.event
