"""Registry routes of the API (/api/v1/registry/…): the same actions and rules as the pages.

Each module parses, asks the rules with the object, calls a domain action or query, and
serialises; errors follow amity.api.errors.
"""

from ninja import Router

from amity.cities.api import partnerships, places, timeline, transfer

router = Router(tags=["registry"])
for module in (partnerships, places, timeline, transfer):
    router.add_router("", module.router)
