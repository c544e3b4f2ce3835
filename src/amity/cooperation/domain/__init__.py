"""Domain actions of cooperation: the only code that writes projects, practices, transfers."""

from amity.cooperation.domain.outcomes import link_outcome
from amity.cooperation.domain.practices import (
    create_practice,
    record_transfer,
    update_practice,
    update_transfer,
)
from amity.cooperation.domain.projects import (
    add_document,
    add_indicator,
    add_milestone,
    add_partner,
    create_project,
    post_update,
    record_value,
    update_project,
)

__all__ = [
    "add_document",
    "add_indicator",
    "add_milestone",
    "add_partner",
    "create_practice",
    "create_project",
    "link_outcome",
    "post_update",
    "record_transfer",
    "record_value",
    "update_practice",
    "update_project",
    "update_transfer",
]
