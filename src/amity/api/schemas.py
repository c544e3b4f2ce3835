"""Base schemas for request bodies, shared by every domain's routes.

``InputSchema``: unknown fields and non-finite numbers (NaN, Infinity, which JSON parsers
accept) are refused with a 422 naming the field. ``PatchSchema``: every field optional, but
``null`` only where the field may really be empty — declare those ``X | None = None`` and the
others ``X = None`` (absent means "keep", null means "a 422", not a database error).
"""

from ninja import Schema
from pydantic import ConfigDict


class InputSchema(Schema):
    model_config = ConfigDict(extra="forbid", allow_inf_nan=False)


class PatchSchema(InputSchema):
    """Send only what changes; an empty object changes nothing."""
