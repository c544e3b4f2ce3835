"""Actions on what a partnership gathers: cited facts, agreements, exchanges, contacts."""

import datetime
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.core.files import File
from django.db import transaction
from django.utils.translation import gettext as _

from amity.cities.domain.invariants import (
    language_codes,
    require_choice,
    validate_agreement,
    validate_citation,
    validate_contact,
    validate_exchange,
    validate_source,
)
from amity.cities.models import (
    Agreement,
    AgreementKind,
    Citation,
    Contact,
    ContactKind,
    CooperationField,
    Exchange,
    ExchangeKind,
    Partnership,
    Source,
)


def find_or_create_source(title: str, url: str = "", title_zh: str = "") -> Source:
    """The source with this (English or original) title, or a new one.

    Its address may only be an http or https link. An existing source keeps its details.
    """
    source = Source(
        title_en=(title or "").strip(), title_zh=(title_zh or "").strip(), url=(url or "").strip()
    )
    try:
        validate_source(source)
    except ValidationError as error:
        # The caller's form names these fields after the source they describe.
        raise ValidationError(
            {
                f"source_{field.removesuffix('_en')}": messages
                for field, messages in error.message_dict.items()
            }
        ) from None
    existing = Source.objects.filter(title_en=source.title_en).first()
    if existing is not None:
        return existing
    source.save()
    return source


@transaction.atomic
def cite_fact(
    partnership: Partnership,
    fact: str,
    value: str,
    source_title: str,
    note_en: str = "",
    url: str = "",
    note_zh: str = "",
) -> Citation:
    """Record that a source states a fact; a conflicting statement is kept beside the others.

    The stated value must be one the fact can have: a date in a form the registry reads for
    the establishment date, a kind of relationship for the kind, and so on.
    """
    citation = Citation(
        partnership=partnership,
        fact=fact,
        value=(value or "").strip(),
        note_en=(note_en or "").strip(),
        note_zh=(note_zh or "").strip(),
    )
    field_codes = CooperationField.objects.values_list("code", flat=True)
    validate_citation(citation, field_codes if fact == Citation.Fact.FIELDS else ())
    source = find_or_create_source(source_title, url)
    citation, _created = Citation.objects.update_or_create(
        partnership=partnership,
        fact=fact,
        source=source,
        value=citation.value,
        defaults={"note_en": citation.note_en, "note_zh": citation.note_zh},
    )
    return citation


@transaction.atomic
def add_agreement(
    partnership: Partnership,
    *,
    kind: str,
    title_en: str = "",
    title_zh: str = "",
    signed_on: datetime.date | None = None,
    signatories: str = "",
    summary_en: str = "",
    summary_zh: str = "",
    document: File | None = None,
    source_title: str = "",
    is_demo: bool = False,
) -> Agreement:
    require_choice("kind", kind, AgreementKind.values)
    agreement = Agreement(
        partnership=partnership,
        kind=kind,
        title_en=(title_en or "").strip(),
        title_zh=(title_zh or "").strip(),
        signed_on=signed_on,
        signatories=(signatories or "").strip(),
        summary_en=summary_en or "",
        summary_zh=summary_zh or "",
        is_demo=is_demo,
    )
    if document is not None:
        agreement.document = document
    validate_agreement(agreement, partnership)
    agreement.source = find_or_create_source(source_title) if source_title else None
    agreement.save()
    return agreement


@transaction.atomic
def record_exchange(
    partnership: Partnership,
    *,
    kind: str,
    starts_on: datetime.date,
    title_en: str = "",
    title_zh: str = "",
    ends_on: datetime.date | None = None,
    description_en: str = "",
    description_zh: str = "",
    delegation_head: str = "",
    delegation_size: int | None = None,
    source_title: str = "",
    is_demo: bool = False,
) -> Exchange:
    """Put a visit, an event or an anniversary on the partnership's timeline."""
    require_choice("kind", kind, ExchangeKind.values)
    exchange = Exchange(
        partnership=partnership,
        kind=kind,
        title_en=(title_en or "").strip(),
        title_zh=(title_zh or "").strip(),
        starts_on=starts_on,
        ends_on=ends_on,
        description_en=description_en or "",
        description_zh=description_zh or "",
        delegation_head=(delegation_head or "").strip(),
        delegation_size=delegation_size,
        is_demo=is_demo,
    )
    validate_exchange(exchange)
    exchange.source = find_or_create_source(source_title) if source_title else None
    exchange.save()
    return exchange


@transaction.atomic
def add_contact(
    partnership: Partnership,
    *,
    name: str,
    kind: str = ContactKind.REPRESENTATIVE,
    position_en: str = "",
    position_zh: str = "",
    organisation: str = "",
    email: str = "",
    phone: str = "",
    address: str = "",
    languages: Iterable[str] | str = (),
    protocol_notes_en: str = "",
    protocol_notes_zh: str = "",
    is_demo: bool = False,
) -> Contact:
    """Add a person or office to a partnership; languages are BCP 47 codes such as "en"."""
    require_choice("kind", kind, ContactKind.values)
    try:
        codes = language_codes(languages)
    except ValueError:
        raise ValidationError({"languages": _("use language codes such as en, zh, lo")}) from None
    contact = Contact(
        partnership=partnership,
        kind=kind,
        name=(name or "").strip(),
        position_en=(position_en or "").strip(),
        position_zh=(position_zh or "").strip(),
        organisation=(organisation or "").strip(),
        email=(email or "").strip(),
        phone=(phone or "").strip(),
        address=(address or "").strip(),
        languages=", ".join(codes),
        protocol_notes_en=protocol_notes_en or "",
        protocol_notes_zh=protocol_notes_zh or "",
        is_demo=is_demo,
    )
    validate_contact(contact)
    contact.save()
    return contact
