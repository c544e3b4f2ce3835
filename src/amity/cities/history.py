"""The registry's facts in the audit log (imported from the app's ``ready()``)."""

from django.db.models import Q

from amity.audit.entries import Entry, history_entries
from amity.audit.tracking import track
from amity.cities.models import Agreement, Citation, Contact, Exchange, Partnership, Place

AUTOMATIC = ("created_at", "updated_at")


def register() -> None:
    # search_names is derived from the names (domain/names.py), not a fact anyone changes.
    track(Place, excluded_fields=("search_names",))
    track(Partnership, excluded_fields=AUTOMATIC, describe=_partnership)
    track(Agreement)
    track(Exchange)
    track(Contact, describe=lambda row: row.name)
    track(Citation, describe=lambda row: f"{row.get_fact_display()} {row.value}".strip())


def _partnership(row) -> str:
    level = row.get_level_display()
    return f"{level} · {row.home_district}" if row.home_district else level


def partnership_history(partnership: Partnership) -> list[Entry]:
    """Everything recorded about a partner: the partnership, its place and its records."""
    by_partnership = Q(partnership_id=partnership.pk)
    return history_entries(
        (Partnership, Q(id=partnership.pk)),
        (Place, Q(id=partnership.place_id)),
        (Agreement, by_partnership),
        (Exchange, by_partnership),
        (Citation, by_partnership),
        (Contact, by_partnership),
    )
