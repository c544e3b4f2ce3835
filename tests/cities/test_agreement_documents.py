"""Agreement files: downloaded through a page that asks the rules, organisers only."""

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import translation

from tests.factories import AgreementFactory, DelegateFactory, EnterpriseUserFactory

pytestmark = pytest.mark.django_db


def _url(name: str, pk: int) -> str:
    with translation.override("en"):
        return reverse(name, args=[pk])


@pytest.fixture
def agreement():
    agreement = AgreementFactory(title_en="Friendship agreement")
    agreement.document.save("friendship-agreement.pdf", ContentFile(b"%PDF-1.4 signed"))
    return agreement


def test_organiser_downloads_the_agreement_from_the_partner_page(organiser_client, agreement):
    page = organiser_client.get(_url("cities:partner-detail", agreement.partnership_id))
    download = _url("cities:agreement-document", agreement.pk)

    response = organiser_client.get(download)

    assert f'href="{download}"' in page.content.decode()
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.4 signed"
    assert "attachment" in response["Content-Disposition"]


@pytest.mark.parametrize("factory", [EnterpriseUserFactory, DelegateFactory])
def test_agreement_document_is_refused_to_other_roles(client, agreement, factory):
    client.force_login(factory())

    page = client.get(_url("cities:partner-detail", agreement.partnership_id))
    response = client.get(_url("cities:agreement-document", agreement.pk))

    assert response.status_code == 403
    assert "/document/" not in page.content.decode()


def test_agreement_document_sends_visitors_to_the_login(client, agreement):
    response = client.get(_url("cities:agreement-document", agreement.pk))

    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_agreement_without_a_document_is_404(organiser_client):
    agreement = AgreementFactory()

    assert organiser_client.get(_url("cities:agreement-document", agreement.pk)).status_code == 404
