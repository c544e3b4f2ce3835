"""Organisers manage people: who has which role, invitations, deactivation, organisations."""

import pytest
from django.core import mail

from amity.accounts.domain import deactivate_person, reactivate_person, user_for_invitation
from amity.accounts.models import Organisation, Role, User
from tests.factories.accounts import (
    PASSWORD,
    DelegateFactory,
    EnterpriseUserFactory,
    OrganisationFactory,
    OrganiserFactory,
    UserFactory,
)
from tests.factories.cities import PartnershipFactory

pytestmark = pytest.mark.django_db

PEOPLE = "/en/accounts/people/"
INVITE = "/en/accounts/people/invite/"


def test_the_people_page_shows_each_persons_role_and_status(organiser_client):
    member = EnterpriseUserFactory(first_name="Mei", last_name="Chen")
    delegate = DelegateFactory(first_name="Aroha", last_name="Tane")
    deactivate_person(delegate, by=OrganiserFactory())

    html = organiser_client.get(PEOPLE).content.decode()

    assert "Mei Chen" in html
    assert "Enterprise member" in html
    assert member.organisation.name_en in html
    assert "Aroha Tane" in html
    assert "Deactivated" in html


def test_the_people_page_in_chinese(organiser_client):
    EnterpriseUserFactory()

    html = organiser_client.get("/zh-hans/accounts/people/").content.decode()

    assert "企业成员" in html
    assert "邀请" in html


def test_the_people_page_reads_a_fixed_number_of_queries(
    organiser_client, django_assert_num_queries
):
    EnterpriseUserFactory()
    DelegateFactory()
    # session, user, the count, the page of people with organisations and places
    with django_assert_num_queries(4):
        organiser_client.get(PEOPLE)
    EnterpriseUserFactory.create_batch(10)
    DelegateFactory.create_batch(10)
    with django_assert_num_queries(4):
        organiser_client.get(PEOPLE)


def test_people_filter_by_role_and_status(organiser_client):
    EnterpriseUserFactory(username="member1")
    DelegateFactory(username="delegate1")

    response = organiser_client.get(PEOPLE, {"role": Role.DELEGATE})

    assert [row["person"].username for row in response.context["rows"]] == ["delegate1"]


def test_inviting_an_enterprise_member_sends_the_link_and_lists_them_as_pending(
    organiser_client, django_capture_on_commit_callbacks
):
    organisation = OrganisationFactory()

    with django_capture_on_commit_callbacks(execute=True):
        response = organiser_client.post(
            INVITE,
            {
                "email": "mei@huangpu.example",
                "role": Role.ENTERPRISE,
                "organisation": organisation.pk,
                "language": "zh-hans",
            },
            follow=True,
        )

    person = User.objects.get(email="mei@huangpu.example")
    assert (person.role, person.organisation, person.is_active) == (
        "enterprise",
        organisation,
        False,
    )
    assert len(mail.outbox) == 1
    assert "An invitation is on its way to mei@huangpu.example." in response.content.decode()
    assert "Invitation pending" in response.content.decode()


def test_inviting_a_delegate_without_a_city_names_the_field(organiser_client):
    response = organiser_client.post(
        INVITE, {"email": "x@dunedin.example", "role": Role.DELEGATE, "language": "en"}
    )

    assert response.status_code == 422
    assert "A delegate needs a partner city." in response.content.decode()


def test_the_invite_form_offers_the_partner_cities(organiser_client):
    partnership = PartnershipFactory(place__name_en="Dunedin")

    html = organiser_client.get(INVITE).content.decode()

    assert f'<option value="{partnership.place.pk}">Dunedin</option>' in html


def test_a_deactivated_person_cannot_log_in_and_is_reactivated(client, organiser_client):
    person = EnterpriseUserFactory()
    organiser_client.post(f"/en/accounts/people/{person.pk}/deactivate/")

    refused = client.login(username=person.username, password=PASSWORD)
    organiser_client.post(f"/en/accounts/people/{person.pk}/reactivate/")
    allowed = client.login(username=person.username, password=PASSWORD)

    assert (refused, allowed) == (False, True)


def test_deactivation_ends_a_pending_invitation_link(
    organiser_client, django_capture_on_commit_callbacks
):
    organisation = OrganisationFactory()
    with django_capture_on_commit_callbacks(execute=True):
        organiser_client.post(
            INVITE,
            {
                "email": "mei@h.example",
                "role": "enterprise",
                "organisation": organisation.pk,
                "language": "en",
            },
        )
    person = User.objects.get(email="mei@h.example")
    link = mail.outbox[0].body.split("/invitation/")[1].split()[0].strip("/")
    uid, token = link.split("/")

    assert user_for_invitation(uid, token) == person
    deactivate_person(person, by=OrganiserFactory())
    assert user_for_invitation(uid, token) is None
    reactivate_person(person)
    assert User.objects.get(pk=person.pk).is_active is False  # still to accept the invitation


@pytest.mark.parametrize("target", [OrganiserFactory, lambda: UserFactory(is_superuser=True)])
def test_organisers_cannot_deactivate_organisers_or_administrators(organiser_client, target):
    person = target()

    response = organiser_client.post(f"/en/accounts/people/{person.pk}/deactivate/")

    assert response.status_code == 403
    assert User.objects.get(pk=person.pk).is_active


@pytest.mark.parametrize("factory", [EnterpriseUserFactory, DelegateFactory])
def test_other_roles_do_not_see_people(client, factory):
    client.force_login(factory())

    assert client.get(PEOPLE).status_code == 403
    assert client.get(INVITE).status_code == 403


def test_organisers_add_an_organisation(organiser_client):
    response = organiser_client.post(
        "/en/accounts/organisations/",
        {
            "name_en": "Otago Fine Foods",
            "name_zh": "奥塔哥食品",
            "country": "nz",
            "city_name": "Dunedin",
        },
        follow=True,
    )

    assert Organisation.objects.get().country == "NZ"
    assert "Otago Fine Foods is added." in response.content.decode()


def test_a_superuser_made_by_createsuperuser_may_manage_everything(client, monkeypatch):
    from django.core.management import call_command

    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", "a-long-admin-password")
    call_command("createsuperuser", interactive=False, username="admin", email="a@example.org")
    client.login(username="admin", password="a-long-admin-password")

    assert client.get(PEOPLE).status_code == 200
    assert client.get("/en/admin/accounts/user/").status_code == 200
