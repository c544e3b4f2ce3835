"""Pages ask the rules with the object they are about, as the API does (amity.api.permissions)."""

from django.contrib.auth.mixins import PermissionRequiredMixin


class ObjectPermissionRequiredMixin(PermissionRequiredMixin):
    """Like Django's mixin, but the rule is asked with ``get_permission_object()``.

    A visitor who is not logged in goes to the login page; a user without the permission gets
    the friendly 403. A view that loads its object here keeps it (``self.object``) so the
    handler does not read it twice.
    """

    def get_permission_object(self):
        return None

    def has_permission(self) -> bool:
        return self.request.user.has_perms(
            self.get_permission_required(), self.get_permission_object()
        )
