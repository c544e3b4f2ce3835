"""Named actions on the registry. Pages, the API, the importer and the demo all call these.

Each action validates its input (ValidationError keyed by field name) and runs in a
transaction, so a failed action leaves nothing half-written.
"""

from amity.cities.domain.invariants import continent_for_country, validate_place
from amity.cities.domain.partners import add_partner, world_city_for
from amity.cities.domain.partnerships import (
    PARTNERSHIP_CHANGES,
    default_status_for,
    record_partnership,
    update_partnership,
)
from amity.cities.domain.places import (
    PLACE_CHANGES,
    PLACE_FIELDS,
    find_or_create_place,
    new_place,
    update_place,
)
from amity.cities.domain.timeline import (
    add_agreement,
    add_contact,
    cite_fact,
    find_or_create_source,
    record_exchange,
)

__all__ = [
    "PARTNERSHIP_CHANGES",
    "PLACE_CHANGES",
    "PLACE_FIELDS",
    "add_agreement",
    "add_contact",
    "add_partner",
    "cite_fact",
    "continent_for_country",
    "default_status_for",
    "find_or_create_place",
    "find_or_create_source",
    "new_place",
    "record_exchange",
    "record_partnership",
    "update_partnership",
    "update_place",
    "validate_place",
    "world_city_for",
]
