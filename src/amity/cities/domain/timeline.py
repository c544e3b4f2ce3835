"""Actions on what a partnership gathers: cited facts, agreements, exchanges, contacts."""

import datetime
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.core.files import File
from django.db import transaction
from django.utils.translation import gettext as _

from amity.cities.domain.checks import full_clean, require_choice
from amity.cities.models import (
    Agreement,
    AgreementKind,
    Citation,
    Contact,
    ContactKind,
    Exchange,
    ExchangeKind,
    Partnership,
    Source,
)


def _source(title: str, url: str = "") -> Source:
    title = title.strip()
    if not title:
        raise ValidationError({"source_title": _("a source needs a title")})
    source, _created = Source.objects.get_or_create(title=title, defaults={"url": url})
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
    """Record that a source states a fact; a conflicting statement is kept beside the others."""
    require_choice("fact", fact, Citation.Fact.values)
    citation, _created = Citation.objects.update_or_create(
        partnership=partnership,
        fact=fact,
        source=_source(source_title, url),
        value=value.strip(),
        defaults={"note": note.strip()},
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
    if signed_on and partnership.ended_on and signed_on > partnership.ended_on:
        raise ValidationError({"signed_on": _("the partnership had already ended")})
    agreement = Agreement(
        partnership=partnership,
        kind=kind,
        title=title.strip(),
        signed_on=signed_on,
        signatories=signatories,
        summary=summary,
        source=_source(source_title) if source_title else None,
        is_demo=is_demo,
    )
    if document is not None:
        agreement.document = document
    full_clean(agreement, exclude=["document"] if document is None else [])
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
    if ends_on is not None and ends_on < starts_on:
        raise ValidationError({"ends_on": _("the exchange ends before it starts")})
    exchange = Exchange(
        partnership=partnership,
        kind=kind,
        title_en=title_en.strip(),
        title_zh=title_zh.strip(),
        starts_on=starts_on,
        ends_on=ends_on,
        description=description,
        delegation_head=delegation_head,
        delegation_size=delegation_size,
        source=_source(source_title) if source_title else None,
        is_demo=is_demo,
    )
    full_clean(exchange)
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
    languages: Iterable[str] = (),
    protocol_notes: str = "",
    is_demo: bool = False,
) -> Contact:
    """Add a person or office to a partnership; languages are BCP 47 codes such as "en"."""
    require_choice("kind", kind, ContactKind.values)
    codes = [code.strip() for code in languages if code.strip()]
    if any(not code.replace("-", "").isalnum() for code in codes):
        raise ValidationError({"languages": _("use language codes such as en, zh, lo")})
    contact = Contact(
        partnership=partnership,
        kind=kind,
        name=name.strip(),
        position=position,
        organisation=organisation,
        email=email,
        phone=phone,
        address=address,
        languages=", ".join(codes),
        protocol_notes=protocol_notes,
        is_demo=is_demo,
    )
    full_clean(contact)
    contact.save()
    return contact
