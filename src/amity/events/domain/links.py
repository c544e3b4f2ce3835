"""An event's partnerships, and the entry each gets on the registry's timeline."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction

from amity.cities.domain import record_exchange
from amity.cities.models import Exchange, ExchangeKind, Partnership
from amity.events.models import Event


@transaction.atomic
def link_partnerships(event: Event, partnerships: Iterable[Partnership]) -> None:
    """Set the partnerships ``event`` concerns; each shows the event on its timeline.

    A partnership whose timeline already has this event (an exchange of kind "event" with the
    event's English name) keeps that entry; unlinking leaves the timeline as it is (the event
    happened, whatever the programme office's list says now).
    """
    partnerships = list(partnerships)
    event.partnerships.set(partnerships)
    listed = set(
        Exchange.objects.filter(
            partnership__in=partnerships, kind=ExchangeKind.EVENT, title_en=event.name_en
        ).values_list("partnership_id", flat=True)
    )
    heads = {
        delegation.place_id: delegation
        for delegation in event.delegations.select_related("place").prefetch_related("members")
    }
    for partnership in partnerships:
        if partnership.pk in listed:
            continue
        delegation = heads.get(partnership.place_id)
        head = (
            next((m.name_en for m in delegation.members.all() if m.role == "head"), "")
            if delegation
            else ""
        )
        record_exchange(
            partnership,
            kind=ExchangeKind.EVENT,
            title_en=event.name_en,
            title_zh=event.name_zh,
            starts_on=event.starts_on,
            ends_on=event.ends_on if event.ends_on != event.starts_on else None,
            description_en=event.description_en,
            description_zh=event.description_zh,
            delegation_head=head,
            delegation_size=len(delegation.members.all()) if delegation else None,
            is_demo=event.is_demo,
        )
