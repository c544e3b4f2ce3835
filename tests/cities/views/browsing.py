"""How the page tests ask for pages: URLs in a language, roles, partners by name, query counts."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from amity.cities.models import Partnership
from tests.factories.accounts import DelegateFactory, EnterpriseUserFactory, OrganiserFactory
from tests.factories.cities import PartnershipFactory, PlaceFactory

ROLES = ["anonymous", "enterprise", "delegate", "organiser"]
USER_FACTORIES = {
    "enterprise": EnterpriseUserFactory,
    "delegate": DelegateFactory,
    "organiser": OrganiserFactory,
}


def log_in(client, role: str) -> None:
    if role != "anonymous":
        client.force_login(USER_FACTORIES[role]())


def url(name: str, *args, lang: str = "en") -> str:
    with translation.override(lang):
        return reverse(name, args=args)


def partner_names(response) -> list[str]:
    return [partnership.place.name_en for partnership in response.context["page"].object_list]


def make_partner(name: str, **kwargs) -> Partnership:
    place_fields = {
        key.removeprefix("place__"): kwargs.pop(key) for key in list(kwargs) if "place__" in key
    }
    return PartnershipFactory(place=PlaceFactory(name_en=name, **place_fields), **kwargs)


def count_queries(client, address: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(address).status_code == 200
    return len(queries)
