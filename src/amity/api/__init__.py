"""The one API (Django Ninja, /api/v1/) and the pieces every domain's router uses:

    from amity.api import (
        BoundedPagination, InputSchema, MappedPages, PatchSchema, QuerySchema,
        error_responses, get_or_404, require_perm,
    )

See docs/architecture.md ("The API's shared pieces").
"""

from amity.api.errors import error_responses, get_or_404
from amity.api.pagination import BoundedPagination, MappedPages
from amity.api.permissions import require_perm
from amity.api.schemas import InputSchema, PatchSchema, QuerySchema

__all__ = [
    "BoundedPagination",
    "InputSchema",
    "MappedPages",
    "PatchSchema",
    "QuerySchema",
    "error_responses",
    "get_or_404",
    "require_perm",
]
