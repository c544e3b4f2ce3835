"""Inviting a person: an inactive account and a single-use link to set the password."""

import re
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from amity.accounts.domain import invite_person, user_for_invitation
from amity.accounts.models import Role, User
from tests.factories import OrganisationFactory, OrganiserFactory, PlaceFactory

pytestmark = pytest.mark.django_db


def invite_delegate(capture, **overrides):
    inviter = User.objects.filter(username="li.wei").first() or OrganiserFactory(
        username="li.wei", first_name="Li", last_name="Wei"
    )
    dunedin = PlaceFactory(name_en="Dunedin") if "partner_place" not in overrides else None
    arguments = {
        "email": "aroha@dunedin.example",
        "role": Role.DELEGATE,
        "invited_by": inviter,
        "first_name": "Aroha",
        "partner_place": dunedin,
        "language": "en",
        **overrides,
    }
    with capture(execute=True):
        return invite_person(**arguments)


def link_in(message) -> str:
    return re.search(r"https?://\S+", message.body).group(0)


def test_invite_person_creates_an_inactive_account_and_mails_a_link(
    django_capture_on_commit_callbacks, mailoutbox
):
    user = invite_delegate(django_capture_on_commit_callbacks)

    assert (user.is_active, user.has_usable_password(), user.role) == (False, False, "delegate")
    assert [m.to for m in mailoutbox] == [["aroha@dunedin.example"]]
    assert "Dear Aroha," in mailoutbox[0].body
    assert "Li Wei has invited you" in mailoutbox[0].body


def test_invitation_mail_is_in_the_invitees_language(
    django_capture_on_commit_callbacks, mailoutbox
):
    invite_delegate(django_capture_on_commit_callbacks, language="zh-hans")

    assert mailoutbox[0].subject == "您受邀加入 Amity 友城平台"
    assert "/zh-hans/accounts/invitation/" in link_in(mailoutbox[0])


def test_accepting_sets_the_password_logs_in_and_the_link_then_stops_working(
    client, django_capture_on_commit_callbacks, mailoutbox
):
    user = invite_delegate(django_capture_on_commit_callbacks)
    path = link_in(mailoutbox[0]).removeprefix("http://127.0.0.1:8000")

    response = client.post(
        path, {"new_password1": "harbour-kite-93", "new_password2": "harbour-kite-93"}
    )

    user.refresh_from_db()
    assert response.status_code == 302
    assert (user.is_active, user.check_password("harbour-kite-93")) == (True, True)
    assert client.get(path).status_code == 404


def test_a_weak_password_is_refused_and_the_account_stays_inactive(
    client, django_capture_on_commit_callbacks, mailoutbox
):
    user = invite_delegate(django_capture_on_commit_callbacks)
    path = link_in(mailoutbox[0]).removeprefix("http://127.0.0.1:8000")

    response = client.post(path, {"new_password1": "123", "new_password2": "123"})

    user.refresh_from_db()
    assert response.status_code == 200
    assert "too short" in response.content.decode()
    assert user.is_active is False


def test_an_expired_link_does_not_work(
    client, django_capture_on_commit_callbacks, mailoutbox, monkeypatch
):
    invite_delegate(django_capture_on_commit_callbacks)
    link = link_in(mailoutbox[0])
    uid, token = link.rstrip("/").split("/")[-2:]
    later = timezone.now() + timedelta(days=15)
    monkeypatch.setattr(
        "django.contrib.auth.tokens.PasswordResetTokenGenerator._now",
        lambda self: later.replace(tzinfo=None),
    )

    assert user_for_invitation(uid, token) is None


def test_a_tampered_link_does_not_work(client):
    response = client.get(reverse("accounts:accept-invitation", args=["MQ", "abc-def"]))

    assert response.status_code == 404


def test_inviting_again_before_acceptance_sends_a_new_link_to_the_same_account(
    django_capture_on_commit_callbacks, mailoutbox
):
    first = invite_delegate(django_capture_on_commit_callbacks)

    again = invite_delegate(
        django_capture_on_commit_callbacks,
        email="Aroha@Dunedin.example",
        partner_place=first.partner_place,
    )

    assert (again.pk, User.objects.count(), len(mailoutbox)) == (first.pk, 2, 2)


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"email": "not an address"}, "email"),
        ({"role": Role.ENTERPRISE, "organisation": None}, "organisation"),
        ({"partner_place": None}, "partner_place"),
        ({"role": "wizard"}, "role"),
    ],
)
def test_bad_invitations_name_the_field_and_create_nothing(
    django_capture_on_commit_callbacks, mailoutbox, overrides, field
):
    before = User.objects.count()

    with pytest.raises(ValidationError) as error:
        invite_delegate(django_capture_on_commit_callbacks, **overrides)

    assert field in error.value.message_dict
    assert (User.objects.count() - before, mailoutbox) == (1, [])  # only the inviter was made


def test_an_existing_account_with_another_affiliation_is_refused(
    django_capture_on_commit_callbacks,
):
    first = invite_delegate(django_capture_on_commit_callbacks)

    with pytest.raises(ValidationError) as error:
        invite_delegate(
            django_capture_on_commit_callbacks,
            partner_place=first.partner_place,
            role=Role.ENTERPRISE,
            organisation=OrganisationFactory(),
        )

    assert "another role" in error.value.message_dict["email"][0]
