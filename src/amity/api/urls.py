"""The one API, under /api/v1/. Each domain contributes a router from its own package."""

from ninja import NinjaAPI

from amity.api.auth import api_auth
from amity.api.errors import install_error_handlers

api = NinjaAPI(
    title="Amity API",
    version="1",
    description=(
        "Partner-city registry and matching fair. Authenticate with the browser session "
        "(and its CSRF token) or an `Authorization: Token …` header; the same permission "
        "rules apply as on the pages."
    ),
    auth=api_auth,
    urls_namespace="api",
)
install_error_handlers(api)
api.add_router("/accounts/", "amity.accounts.api.router")
api.add_router("/registry/", "amity.cities.api.router")
api.add_router("/jobs/", "amity.jobs.api.router")
api.add_router("/events/", "amity.events.api.router")
api.add_router("/fairs/", "amity.fair.api.router")
# Part 2 (schedule, agendas, the day, exports) under the same prefix, from its own module.
api.add_router("/fairs/", "amity.fair.api_schedule.router")
api.add_router("/fairs/", "amity.fair.api_followup.router")
api.add_router("/cooperation/", "amity.cooperation.api.router")
