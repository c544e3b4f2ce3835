"""Base schemas for request bodies and query strings, shared by every domain's routes.

``InputSchema``: unknown fields and non-finite numbers (NaN, Infinity, which JSON parsers
accept) are refused with a 422 naming the field. ``PatchSchema``: every field optional, but
``null`` only where the field may really be empty — declare those ``X | None = None`` and the
others ``X = None`` (absent means "keep", null means "a 422", not a database error).
``QuerySchema``: for ``Query[…]`` filters. All three refuse a NUL character in any text, which
no database column or query can hold (Django's form fields refuse it the same way).
"""

from typing import Any

from django.utils.translation import gettext as _
from ninja import Schema
from pydantic import ConfigDict, field_validator


class _NoNul(Schema):
    @field_validator("*", mode="after")
    @classmethod
    def _no_nul(cls, value: Any) -> Any:
        texts = value if isinstance(value, list) else [value]
        if any(isinstance(text, str) and "\x00" in text for text in texts):
            raise ValueError(_("must not contain a NUL character"))
        return value


class QuerySchema(_NoNul):
    pass


class InputSchema(_NoNul):
    model_config = ConfigDict(extra="forbid", allow_inf_nan=False)


class PatchSchema(InputSchema):
    """Send only what changes; an empty object changes nothing."""
