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


def find_or_create_source(title: str, url: str = "") -> Source:
    """The source with this title, or a new one (its address only http or https)."""
    source = Source(title=(title or "").strip(), url=(url or "").strip())
    try:
        validate_source(source)
    except ValidationError as error:
        # The caller's form names these fields after the source they describe.
        raise ValidationError(
            {f"source_{field}": messages for field, messages in error.message_dict.items()}
        ) from None
    existing = Source.objects.filter(title=source.title).first()
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
    note: str = "",
    url: str = "",
) -> Citation:
    """Record that a source states a fact; a conflicting statement is kept beside the others.

    The stated value must be one the fact can have: a date in a form the registry reads for
    the establishment date, a kind of relationship for the kind, and so on.
    """
    citation = Citation(
        partnership=partnership, fact=fact, value=(value or "").strip(), note=(note or "").strip()
    )
    field_codes = CooperationField.objects.values_list("code", flat=True)
    validate_citation(citation, field_codes if fact == Citation.Fact.FIELDS else ())
    source = find_or_create_source(source_title, url)
    citation, _created = Citation.objects.update_or_create(
        partnership=partnership,
        fact=fact,
        source=source,
        value=citation.value,
        defaults={"note": citation.note},
    )
    return citation


@transaction.atomic
def add_agreement(
    partnership: Partnership,
    *,
    kind: str,
    title: str,
    signed_on: datetime.date | None = None,
    signatories: str = "",
    summary: str = "",
    document: File | None = None,
    source_title: str = "",
    is_demo: bool = False,
) -> Agreement:
    require_choice("kind", kind, AgreementKind.values)
    agreement = Agreement(
        partnership=partnership,
        kind=kind,
        title=(title or "").strip(),
        signed_on=signed_on,
        signatories=signatories,
        summary=summary,
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
    title_en: str,
    starts_on: datetime.date,
    ends_on: datetime.date | None = None,
    title_zh: str = "",
    description: str = "",
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
        description=description,
        delegation_head=delegation_head,
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
    position: str = "",
    organisation: str = "",
    email: str = "",
    phone: str = "",
    address: str = "",
    languages: Iterable[str] | str = (),
    protocol_notes: str = "",
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
        position=position,
        organisation=organisation,
        email=(email or "").strip(),
        phone=phone,
        address=address,
        languages=", ".join(codes),
        protocol_notes=protocol_notes,
        is_demo=is_demo,
    )
    validate_contact(contact)
    contact.save()
    return contact
