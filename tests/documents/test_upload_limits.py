"""Every stored file has a size and type limit, and the limits hold on every way in."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command

from amity.cities.models import Agreement
from amity.documents.checks import unlimited_file_fields
from amity.documents.uploads import check_upload
from tests.cities.views.browsing import url
from tests.factories import PartnershipFactory


def test_every_file_field_of_every_model_has_upload_limits():
    assert unlimited_file_fields() == []
    # The same as a system check, so a new field fails `manage.py check` too.
    call_command("check", "--fail-level", "ERROR")


@pytest.mark.parametrize(
    ("name", "content", "code"),
    [
        ("agreement.exe", b"MZ\x90\x00", "file_kind"),
        ("agreement.html", b"<script>", "file_kind"),
        ("agreement.pdf", b"MZ\x90\x00 not a PDF", "file_content"),
        ("scan.png", b"%PDF-1.4", "file_content"),
    ],
)
def test_a_file_of_the_wrong_kind_is_refused(name, content, code):
    with pytest.raises(ValidationError) as refused:
        check_upload("document", SimpleUploadedFile(name, content))

    assert refused.value.code == code


def test_an_oversized_file_is_refused_whatever_its_kind(settings):
    settings.AMITY_DOCUMENT_MAX_BYTES = 1_000
    big = SimpleUploadedFile("agreement.pdf", b"%PDF-1.4" + b"0" * 1_000)

    with pytest.raises(ValidationError) as refused:
        check_upload("document", big)

    assert refused.value.code == "file_too_large"
    assert "0.001 MB" in str(refused.value.messages)


def test_a_file_of_the_right_kind_and_size_passes():
    check_upload("document", SimpleUploadedFile("Agreement.PDF", b"%PDF-1.7 ..."))
    check_upload("document", SimpleUploadedFile("letter.docx", b"PK\x03\x04..."))


@pytest.mark.django_db
def test_the_model_refuses_a_wrong_file_as_the_admin_would_save_it():
    agreement = Agreement(
        partnership=PartnershipFactory(),
        kind="mou",
        title_en="MoU",
        document=SimpleUploadedFile("agreement.pdf", b"#!/bin/sh\nrm -rf /"),
    )

    with pytest.raises(ValidationError) as refused:
        agreement.full_clean()

    assert "document" in refused.value.message_dict


@pytest.mark.django_db
def test_the_partner_page_form_refuses_an_oversized_agreement(organiser_client, settings):
    settings.AMITY_DOCUMENT_MAX_BYTES = 100
    partnership = PartnershipFactory()
    big = SimpleUploadedFile("agreement.pdf", b"%PDF-1.4" + b"x" * 200)

    response = organiser_client.post(
        url("cities:agreement-add", partnership.pk),
        {"kind": "mou", "title_en": "MoU", "document": big},
    )

    assert response.status_code == 422
    assert "larger than 0.0001 MB" in response.content.decode()
    assert Agreement.objects.count() == 0


@pytest.mark.django_db
def test_the_partner_page_form_refuses_a_disguised_file_in_chinese(organiser_client):
    partnership = PartnershipFactory()
    disguised = SimpleUploadedFile("agreement.pdf", b"MZ\x90\x00")

    response = organiser_client.post(
        url("cities:agreement-add", partnership.pk, lang="zh-hans"),
        {"kind": "mou", "title_en": "MoU", "document": disguised},
    )

    assert response.status_code == 422
    assert "文件内容不是 .pdf 文件" in response.content.decode()
    assert Agreement.objects.count() == 0
