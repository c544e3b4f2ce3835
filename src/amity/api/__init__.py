"""The one API (Django Ninja, /api/v1/) and the pieces every domain's router uses:

from amity.api import (
    BoundedPagination, InputSchema, PatchSchema, error_responses, get_or_404, require_perm,
)
"""

from amity.api.errors import error_responses, get_or_404
from amity.api.pagination import BoundedPagination
from amity.api.permissions import require_perm
from amity.api.schemas import InputSchema, PatchSchema

__all__ = [
    "BoundedPagination",
    "InputSchema",
    "PatchSchema",
    "error_responses",
    "get_or_404",
    "require_perm",
]
