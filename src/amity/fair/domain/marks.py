"""Must-meet and no-thanks marks on other participants."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from amity.fair.models import Fair, Mark, MarkKind, Participant


@transaction.atomic
def set_mark(participant: Participant, target: Participant, kind: str | None) -> Mark | None:
    """Mark ``target`` must-meet or no-thanks; ``kind=None`` removes the mark."""
    if participant.pk == target.pk:
        raise ValidationError({"target": _("You cannot mark yourself.")})
    if participant.fair_id != target.fair_id:
        raise ValidationError({"target": _("This participant is not at the same fair.")})
    Fair.objects.filter(pk=participant.fair_id).update(recommendations_stale=True)
    if kind is None:
        Mark.objects.filter(participant=participant, target=target).delete()
        return None
    if kind not in MarkKind.values:
        raise ValidationError({"kind": _("Choose must meet or no thanks.")})
    mark, _created = Mark.objects.update_or_create(
        participant=participant, target=target, defaults={"kind": kind}
    )
    return mark
