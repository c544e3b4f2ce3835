"""The one API, under /api/v1/. Each domain contributes a router from its own package."""

from ninja import NinjaAPI

from amity.api.auth import api_auth

api = NinjaAPI(
    title="Amity API",
    version="1",
    description="Partner-city registry and matching fair. The same permission rules as the pages.",
    auth=api_auth,
    urls_namespace="api",
)
