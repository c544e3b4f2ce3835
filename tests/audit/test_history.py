"""The audit log: who changed a registry fact, when, and from what to what."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from amity.accounts.tokens import create_api_token
from amity.audit.tracking import acting_as
from amity.cities.importing import import_partnerships
from amity.cities.models import Partnership, Place
from tests.cities.views.browsing import url
from tests.factories import (
    ContactFactory,
    DelegateFactory,
    EnterpriseUserFactory,
    OrganiserFactory,
    PartnershipFactory,
)

pytestmark = pytest.mark.django_db

CSV = (
    "partner,country_iso2,partner_kind,relationship,established_on,source\n"
    "Auditville,NZ,city,friendship_city,1994-10,Test list\n"
)


def test_a_change_through_the_api_is_on_record_with_the_token_user_and_both_values(client):
    organiser = OrganiserFactory(first_name="Li", last_name="Wei")
    partnership = PartnershipFactory(status="active")
    key = create_api_token(organiser, "script")

    response = client.patch(
        f"/api/v1/registry/partnerships/{partnership.pk}",
        {"status": "dormant"},
        content_type="application/json",
        headers={"Authorization": f"Token {key}"},
    )

    assert response.status_code == 200
    last = partnership.history.first()
    assert (last.history_type, last.history_user, last.status) == ("~", organiser, "dormant")
    assert last.prev_record.status == "active"


def test_an_import_records_each_new_place_and_partnership_by_the_acting_user():
    organiser = OrganiserFactory()

    with acting_as(organiser):
        import_partnerships(CSV.encode(), "list.csv")

    place = Place.objects.get(name_en="Auditville")
    partnership = Partnership.objects.get(place=place)
    assert [(h.history_type, h.history_user) for h in place.history.all()] == [("+", organiser)]
    assert [(h.history_type, h.history_user) for h in partnership.history.all()] == [
        ("+", organiser)
    ]
    # Two citations: the source states the date and the kind of relationship.
    citations = partnership.citations.all()
    assert len(citations) == 2
    assert all(c.history.get().history_user == organiser for c in citations)


def test_an_import_through_the_api_carries_the_token_user(client):
    organiser = OrganiserFactory()
    key = create_api_token(organiser, "script")

    response = client.post(
        "/api/v1/registry/partnerships/import",
        {"file": SimpleUploadedFile("list.csv", CSV.encode(), content_type="text/csv")},
        headers={"Authorization": f"Token {key}"},
    )

    assert response.status_code == 200, response.content
    place = Place.objects.get(name_en="Auditville")
    assert place.history.get().history_user == organiser


def test_a_reimport_that_changes_a_partnership_records_the_change():
    import_partnerships(CSV.encode(), "list.csv")
    changed = CSV.replace("friendship_city,1994-10", "friendship_city,1995-03")

    import_partnerships(changed.encode(), "list.csv")

    partnership = Partnership.objects.get(place__name_en="Auditville")
    assert [h.history_type for h in partnership.history.all()] == ["~", "+"]
    assert str(partnership.history.first().established_on) == "1995-03-01"


def test_organisers_see_the_diff_on_the_partner_page_in_both_languages(client):
    organiser = OrganiserFactory(first_name="Li", last_name="Wei")
    partnership = PartnershipFactory(status="active")
    partnership.status = "dormant"
    with acting_as(organiser):
        partnership.save()
    client.force_login(organiser)

    english = client.get(url("cities:partner-detail", partnership.pk)).content.decode()
    chinese = client.get(
        url("cities:partner-detail", partnership.pk, lang="zh-hans")
    ).content.decode()

    assert 'id="history-heading"' in english
    assert "Li Wei" in english
    assert "<del>Active</del> → <ins>Dormant</ins>" in english
    assert "历史记录" in chinese
    assert "<del>有效</del> → <ins>休眠</ins>" in chinese


@pytest.mark.parametrize(
    "make_user",
    [None, DelegateFactory, EnterpriseUserFactory],
    ids=["anonymous", "delegate", "enterprise"],
)
def test_other_roles_see_no_history(client, make_user):
    partnership = PartnershipFactory()
    ContactFactory(partnership=partnership, name="Secret Person")
    if make_user is not None:
        client.force_login(make_user())

    response = client.get(url("cities:partner-detail", partnership.pk))

    assert response.context.get("history") is None
    assert "history-heading" not in response.content.decode()
    assert "Secret Person" not in response.content.decode()
