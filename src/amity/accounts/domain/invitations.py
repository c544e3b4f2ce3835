"""Inviting a person by e-mail: an account without a password, and a link to choose one.

The account exists from the invitation on, so other domains can link it at once (a delegation's
head, an enterprise's member). The link is single-use: it is signed with the account's password
hash and last login, both of which change when the invitee sets a password.
"""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.core.validators import validate_email
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.crypto import constant_time_compare
from django.utils.encoding import force_bytes
from django.utils.http import base36_to_int, urlsafe_base64_decode, urlsafe_base64_encode
from django.utils.translation import gettext as _

from amity.accounts.models import Organisation, Role, User

INVITATION_VALID_FOR = timedelta(days=int(getattr(settings, "AMITY_INVITATION_DAYS", 14)))


class _InvitationTokens(PasswordResetTokenGenerator):
    # Its own salt: an invitation link is not a password-reset link, and vice versa.
    key_salt = "amity.accounts.invitation"

    def check_token(self, user, token) -> bool:
        # As Django's check, with the invitation's own lifetime instead of the reset timeout.
        if not (user and token) or token.count("-") != 1:
            return False
        timestamp_b36, _hash = token.split("-")
        try:
            timestamp = base36_to_int(timestamp_b36)
        except ValueError:
            return False
        expected = self._make_token_with_timestamp(user, timestamp, self.secret)
        if not constant_time_compare(expected, token):
            return False
        age = self._num_seconds(self._now()) - timestamp
        return age <= INVITATION_VALID_FOR.total_seconds()


_tokens = _InvitationTokens()


def _check_affiliation(role: str, organisation, partner_place) -> None:
    if role not in Role.values:
        raise ValidationError({"role": _("Choose a role.")})
    if role == Role.ENTERPRISE and organisation is None:
        raise ValidationError({"organisation": _("An enterprise member needs an organisation.")})
    if role == Role.DELEGATE and partner_place is None:
        raise ValidationError({"partner_place": _("A delegate needs a partner city.")})


@transaction.atomic
def invite_person(
    *,
    email: str,
    role: str,
    invited_by: User | None,
    first_name: str = "",
    last_name: str = "",
    organisation: Organisation | None = None,
    partner_place=None,
    language: str | None = None,
) -> User:
    """Create (or find) the invitee's account and e-mail them a link to set a password.

    Inviting someone who has not yet accepted sends a fresh link; inviting someone who already
    has an account with another role or affiliation is refused, naming the e-mail address.
    """
    email = (email or "").strip()
    try:
        validate_email(email)
    except ValidationError:
        raise ValidationError({"email": _("Enter a valid e-mail address.")}) from None
    _check_affiliation(role, organisation, partner_place)
    user = User.objects.select_for_update().filter(email__iexact=email).first()
    if user is None:
        user = User(
            username=_free_username(email),
            email=email,
            first_name=first_name[:150],
            last_name=last_name[:150],
            role=role,
            organisation=organisation if role == Role.ENTERPRISE else None,
            partner_place=partner_place if role == Role.DELEGATE else None,
            preferred_language=language or translation.get_language() or "en",
            is_active=False,
        )
        user.set_unusable_password()
        user.save()
    elif (
        user.role != role
        or user.organisation_id != getattr(organisation, "pk", user.organisation_id)
        or user.partner_place_id != getattr(partner_place, "pk", user.partner_place_id)
    ):
        raise ValidationError(
            {
                "email": _("%(email)s already has an account with another role or affiliation.")
                % {"email": email}
            }
        )
    if not user.has_usable_password():
        transaction.on_commit(lambda: _send_invitation(user, invited_by))
    return user


def _free_username(email: str) -> str:
    base = email.split("@", 1)[0][:140] or "user"
    candidate, n = base, 1
    while User.objects.filter(username__iexact=candidate).exists():
        n += 1
        candidate = f"{base}{n}"
    return candidate


def invitation_link(user: User) -> str:
    """The absolute set-password link of a pending invitation."""
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    with translation.override(user.preferred_language or "en"):
        path = reverse("accounts:accept-invitation", args=[uid, _tokens.make_token(user)])
    return settings.AMITY_SITE_URL.rstrip("/") + path


def _send_invitation(user: User, invited_by: User | None) -> None:
    with translation.override(user.preferred_language or "en"):
        context = {
            "user": user,
            "link": invitation_link(user),
            "invited_by": invited_by,
            "days": INVITATION_VALID_FOR.days,
        }
        subject = render_to_string("accounts/email/invitation_subject.txt", context).strip()
        body = render_to_string("accounts/email/invitation_body.txt", context)
    send_mail(subject, body, None, [user.email])


def user_for_invitation(uidb64: str, token: str) -> User | None:
    """The invitee of a valid, unused, unexpired link, else None."""
    try:
        pk = int(urlsafe_base64_decode(uidb64).decode())
    except (ValueError, UnicodeDecodeError, OverflowError):
        return None
    user = User.objects.filter(pk=pk).first()
    if user is None or user.has_usable_password() or not _tokens.check_token(user, token):
        return None
    return user


@transaction.atomic
def accept_invitation(user: User, password: str) -> User:
    """Set the invitee's password (validated by the site's password rules) and activate them."""
    from django.contrib.auth.password_validation import validate_password

    try:
        validate_password(password, user)
    except ValidationError as error:
        raise ValidationError({"new_password1": error.messages}) from None
    user.set_password(password)
    user.is_active = True
    user.last_login = timezone.now()
    user.save(update_fields=["password", "is_active", "last_login"])
    return user
