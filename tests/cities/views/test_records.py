"""Organisers add visits, agreements, contacts, sources and other names on the partner's page."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from amity.cities.models import Agreement, Citation, Contact, Exchange
from tests.cities.views.browsing import log_in, url
from tests.factories.cities import CitationFactory, PartnershipFactory

pytestmark = pytest.mark.django_db

HTMX = {"HX-Request": "true"}
EXCHANGE = {"kind": "incoming_visit", "title_en": "Mayor's visit", "starts_on": "2024-04-09"}


@pytest.fixture
def partnership():
    return PartnershipFactory()


def test_adding_a_visit_returns_to_the_partner_with_a_confirmation(organiser_client, partnership):
    response = organiser_client.post(
        url("cities:exchange-add", partnership.pk), EXCHANGE, follow=True
    )

    html = response.content.decode()
    assert response.redirect_chain == [
        (url("cities:partner-detail", partnership.pk) + "#timeline-heading", 302)
    ]
    assert "The visit or event is on the timeline." in html
    assert "Mayor&#x27;s visit" in html
    assert Exchange.objects.get().starts_on == datetime.date(2024, 4, 9)


def test_the_confirmation_is_in_chinese_on_the_chinese_page(organiser_client, partnership):
    response = organiser_client.post(
        url("cities:exchange-add", partnership.pk, lang="zh-hans"), EXCHANGE, follow=True
    )

    assert "访问或活动已加入时间线。" in response.content.decode()


def test_with_htmx_the_form_comes_as_a_fragment_and_success_reloads_the_page(
    organiser_client, partnership
):
    form = organiser_client.get(url("cities:exchange-add", partnership.pk), headers=HTMX)
    saved = organiser_client.post(
        url("cities:exchange-add", partnership.pk), EXCHANGE, headers=HTMX
    )

    assert "<html" not in form.content.decode()
    assert 'hx-post="' in form.content.decode()
    assert (saved.status_code, saved["HX-Redirect"]) == (
        204,
        url("cities:partner-detail", partnership.pk),
    )


def test_a_bad_visit_shows_the_error_in_the_form_and_saves_nothing(organiser_client, partnership):
    data = {**EXCHANGE, "ends_on": "2024-04-01"}

    fragment = organiser_client.post(url("cities:exchange-add", partnership.pk), data, headers=HTMX)
    page = organiser_client.post(url("cities:exchange-add", partnership.pk), data)

    assert fragment.status_code == 200
    assert "the exchange ends before it starts" in fragment.content.decode()
    assert page.status_code == 422
    assert Exchange.objects.count() == 0


def test_an_agreement_is_added_with_its_file(organiser_client, partnership):
    document = SimpleUploadedFile("agreement.pdf", b"%PDF-1.4 demo", content_type="application/pdf")
    data = {
        "kind": "mou",
        "title_zh": "港口合作备忘录",
        "signed_on": "2023-12-01",
        "document": document,
    }

    organiser_client.post(url("cities:agreement-add", partnership.pk), data)

    agreement = Agreement.objects.get()
    with agreement.document.open("rb") as stored:
        assert (agreement.title_zh, stored.read()) == ("港口合作备忘录", b"%PDF-1.4 demo")


def test_an_agreement_file_of_another_kind_is_refused(organiser_client, partnership):
    script = SimpleUploadedFile("agreement.html", b"<script>", content_type="text/html")

    response = organiser_client.post(
        url("cities:agreement-add", partnership.pk),
        {"kind": "mou", "title_en": "MoU", "document": script},
    )

    assert response.status_code == 422
    assert Agreement.objects.count() == 0


def test_an_agreement_needs_a_title_in_one_language(organiser_client, partnership):
    response = organiser_client.post(url("cities:agreement-add", partnership.pk), {"kind": "mou"})

    assert "give a title in English or Chinese" in response.content.decode()


def test_a_contact_is_added_and_bad_language_codes_are_named(organiser_client, partnership):
    bad = organiser_client.post(
        url("cities:contact-add", partnership.pk),
        {"kind": "representative", "name": "Aroha Tane", "languages": "English!"},
    )
    good = organiser_client.post(
        url("cities:contact-add", partnership.pk),
        {
            "kind": "representative",
            "name": "Aroha Tane",
            "languages": "en, mi",
            "position_zh": "顾问",
        },
    )

    assert "use language codes such as en, zh, lo" in bad.content.decode()
    assert good.status_code == 302
    assert Contact.objects.get().languages == "en, mi"


def test_a_source_without_a_value_cites_what_the_registry_records(organiser_client, partnership):
    organiser_client.post(
        url("cities:citation-add", partnership.pk),
        {"fact": "established_on", "source_title": "Shanghai FAO list"},
    )

    citation = Citation.objects.get()
    assert (citation.value, citation.source.title_en) == ("1994-10-21", "Shanghai FAO list")


def test_a_source_stating_a_date_that_is_not_one_is_refused(organiser_client, partnership):
    response = organiser_client.post(
        url("cities:citation-add", partnership.pk),
        {"fact": "established_on", "value": "banana", "source_title": "FAO"},
    )

    assert "&#x27;banana&#x27; is not a date" in response.content.decode()
    assert Citation.objects.count() == 0


def test_facts_without_a_source_are_marked_unsourced_until_one_is_cited(client, partnership):
    before = client.get(url("cities:partner-detail", partnership.pk)).content.decode()
    CitationFactory(partnership=partnership, fact="kind", value="friendship_city")
    CitationFactory(partnership=partnership, fact="established_on")
    after = client.get(url("cities:partner-detail", partnership.pk)).content.decode()

    assert before.count('class="unsourced"') == 2
    assert after.count('class="unsourced"') == 0


@pytest.mark.parametrize(
    ("role", "shown"), [("anonymous", False), ("delegate", False), ("organiser", True)]
)
def test_only_organisers_see_the_add_buttons(client, partnership, role, shown):
    log_in(client, role)

    html = client.get(url("cities:partner-detail", partnership.pk)).content.decode()

    buttons = ["Add a visit or event", "Add an agreement", "Add a source"]
    assert {button: button in html for button in buttons} == dict.fromkeys(buttons, shown)


@pytest.mark.parametrize("record", ["exchange", "agreement", "contact", "citation"])
@pytest.mark.parametrize(("role", "status"), [("enterprise", 403), ("delegate", 403)])
def test_other_roles_may_not_add_anything(client, partnership, record, role, status):
    log_in(client, role)

    response = client.post(url(f"cities:{record}-add", partnership.pk), EXCHANGE)

    assert response.status_code == status
    assert Exchange.objects.count() == 0


def test_an_other_name_is_added_and_removed_on_the_edit_page(organiser_client, partnership):
    added = organiser_client.post(
        url("cities:name-add", partnership.pk), {"name": "Ōtepoti"}, follow=True
    )
    entry = partnership.place.alternate_names.get()
    removed = organiser_client.post(
        url("cities:name-remove", partnership.pk, entry.pk), follow=True
    )

    assert "can now be found as “Ōtepoti”" in added.content.decode()
    assert "Ōtepoti" in added.content.decode()
    assert "“Ōtepoti” is removed." in removed.content.decode()
    assert partnership.place.alternate_names.count() == 0
