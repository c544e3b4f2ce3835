"""Bounded pagination for every list in the API: ``?limit=`` (1…AMITY_API_MAX_LIMIT) and
``?offset=`` (0…AMITY_API_MAX_OFFSET); anything else is a 422 naming the parameter.

Without a bound, ``?limit=100000`` made one request serialise the whole registry (6 s, and
other pages waited), and ``?offset=9223372036854775808`` reached the database as an integer
it cannot hold. Use it as ``@paginate(BoundedPagination)``.
"""

from django.conf import settings
from ninja import Field, Schema
from ninja.pagination import LimitOffsetPagination

DEFAULT_LIMIT = 50


class BoundedPagination(LimitOffsetPagination):
    class Input(Schema):
        limit: int = Field(DEFAULT_LIMIT, ge=1, le=settings.AMITY_API_MAX_LIMIT)
        offset: int = Field(0, ge=0, le=settings.AMITY_API_MAX_OFFSET)

    def __init__(self, **kwargs) -> None:
        super().__init__(max_limit=settings.AMITY_API_MAX_LIMIT, **kwargs)


class MappedPages:
    """A sequence the paginator slices; each page is then converted in one call, so a page's
    related rows can be fetched in bulk (``convert_page(list) -> list``)."""

    def __init__(self, items, convert_page) -> None:
        self.items, self.convert_page = items, convert_page

    def __len__(self) -> int:
        return len(self.items) if isinstance(self.items, list) else self.items.count()

    def __getitem__(self, index: slice) -> list:
        return self.convert_page(list(self.items[index]))
