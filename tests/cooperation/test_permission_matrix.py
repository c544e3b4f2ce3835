"""Who may open which cooperation page or API operation: every role against every route.

Anonymous visitors are sent to the login page (pages) or get 401 (API) for anything that needs
an account; a logged-in user without the permission gets 403. A partner city's delegate sees
the projects their city takes part in and may add updates to them, nothing more.
"""

import datetime
import json

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from amity.cooperation.models import ProjectDocument
from amity.cooperation.tasks import report_path
from tests.factories.accounts import DelegateFactory, EnterpriseUserFactory, OrganiserFactory
from tests.factories.cities import PlaceFactory
from tests.factories.cooperation import (
    IndicatorFactory,
    PracticeFactory,
    ProjectFactory,
    ProjectPartnerFactory,
    TransferFactory,
)
from tests.factories.fair import ParticipantFactory

pytestmark = pytest.mark.django_db

ANONYMOUS, ENTERPRISE, DELEGATE, PARTNER, ORGANISER = (
    "anonymous",
    "enterprise",
    "delegate",
    "partner delegate",
    "organiser",
)
ROLES = [ANONYMOUS, ENTERPRISE, DELEGATE, PARTNER, ORGANISER]
LOGIN = "login"
API = "/api/v1/cooperation"


@pytest.fixture
def world():
    """A published and an unpublished project of one partner city, an indicator, a document,
    a published and an unpublished practice with a transfer, and a generated 2023 report."""
    shown = ProjectPartnerFactory(project=ProjectFactory(is_published=True))
    hidden = ProjectPartnerFactory(
        project=ProjectFactory(is_published=False), partnership=shown.partnership
    )
    indicator = IndicatorFactory(project=shown.project)
    document = ProjectDocument.objects.create(
        project=shown.project,
        title="Plan",
        file=ContentFile(b"%PDF-1.4 plan", name="plan.pdf"),
        content_type="application/pdf",
        size=13,
        uploaded_on=datetime.date(2023, 9, 22),
    )
    practice = PracticeFactory(is_published=True)
    draft = PracticeFactory(is_published=False)
    looking = PracticeFactory(is_published=True, looking_for_partners=True)
    transfer = TransferFactory(practice=practice)
    if not default_storage.exists(report_path(2023)):
        default_storage.save(report_path(2023), ContentFile(b"%PDF-1.4 report"))
    return {
        "shown": shown.project,
        "hidden": hidden.project,
        "city": shown.partnership.place,
        "indicator": indicator,
        "document": document,
        "practice": practice,
        "draft": draft,
        "looking": looking,
        "transfer": transfer,
        "other_city": PlaceFactory(),
        "participant": ParticipantFactory(name_en="Harbour Fuels"),
    }


def log_in(client, role: str, world: dict) -> None:
    factories = {
        ENTERPRISE: EnterpriseUserFactory,
        DELEGATE: DelegateFactory,
        PARTNER: lambda: DelegateFactory(partner_place=world["city"]),
        ORGANISER: OrganiserFactory,
    }
    if role != ANONYMOUS:
        client.force_login(factories[role]())


def en(name: str, *args) -> str:
    with translation.override("en"):
        return reverse(name, args=args)


def _post_json(client, path: str, body: dict, method: str = "post"):
    return getattr(client, method)(path, json.dumps(body), content_type="application/json")


def _page(client, action: str, w: dict):
    shown, practice = w["shown"].pk, w["practice"].pk
    gets = {
        "project list": en("cooperation:project-list"),
        "project detail": en("cooperation:project-detail", shown),
        "unpublished project": en("cooperation:project-detail", w["hidden"].pk),
        "project create GET": en("cooperation:project-create"),
        "project edit GET": en("cooperation:project-update", shown),
        "document download": en("cooperation:document-download", w["document"].pk),
        "practice list": en("cooperation:practice-list"),
        "practice detail": en("cooperation:practice-detail", practice),
        "unpublished practice": en("cooperation:practice-detail", w["draft"].pk),
        "practice create GET": en("cooperation:practice-create"),
        "practice edit GET": en("cooperation:practice-update", practice),
        "transfer create GET": en("cooperation:transfer-create", practice),
        "transfer edit GET": en("cooperation:transfer-update", w["transfer"].pk),
        "network": en("cooperation:network"),
        "report index": en("cooperation:report-index"),
        "report": en("cooperation:report", 2023),
        "report pdf": en("cooperation:report-pdf", 2023),
        "outcome link GET": en("cooperation:outcome-link", shown),
        "participant partner add GET": en("cooperation:participant-partner-add", shown)
        + "?q=Harbour",
        "overview": en("cooperation:overview"),
    }
    if action in gets:
        return client.get(gets[action])
    title = {"title_en": "Corridor", "status": "running"}
    posts = {
        "project create POST": (en("cooperation:project-create"), title),
        "project edit POST": (en("cooperation:project-update", shown), title),
        "partner add POST": (
            en("cooperation:partner-add", shown),
            {"role": "observer", "organisation": EnterpriseUserFactory().organisation_id},
        ),
        "participant partner add POST": (
            en("cooperation:participant-partner-add", shown),
            {"role": "partner", "participant": w["participant"].pk},
        ),
        "milestone add POST": (
            en("cooperation:milestone-add", shown),
            {"title_en": "Plan", "starts_on": "2023-09-22", "status": "planned"},
        ),
        "indicator add POST": (
            en("cooperation:indicator-add", shown),
            {"name_en": "Voyages", "unit": "%"},
        ),
        "value add POST": (
            en("cooperation:value-add", w["indicator"].pk),
            {"measured_on": "2024-06-30", "value": "12"},
        ),
        "update add POST": (
            en("cooperation:update-add", shown),
            {"posted_on": "2024-01-05", "text_en": "First ships on the route."},
        ),
        "document add POST": (
            en("cooperation:document-add", shown),
            {"title": "Minutes", "file": SimpleUploadedFile("m.pdf", b"%PDF-1.4 x")},
        ),
        "practice create POST": (en("cooperation:practice-create"), {"title_en": "Wi-Fi"}),
        "practice edit POST": (en("cooperation:practice-update", practice), {"title_en": "W"}),
        "transfer create POST": (
            en("cooperation:transfer-create", practice),
            {"to_place": w["other_city"].pk, "stage": "interest"},
        ),
        "transfer edit POST": (
            en("cooperation:transfer-update", w["transfer"].pk),
            {"to_place": w["other_city"].pk, "stage": "pilot"},
        ),
        "report POST": (en("cooperation:report-index"), {"year": "2023"}),
        # No such outcome: an organiser passes the rule and the form refuses the choice (422).
        "outcome link POST": (en("cooperation:outcome-link", shown), {"outcome": "999999"}),
        # No fair is upcoming: whoever may ask is told so (302 back with a message).
        "practice meeting POST": (
            en("cooperation:practice-meeting", w["looking"].pk),
            {"receiver": "1"},
        ),
    }
    path, data = posts[action]
    return client.post(path, data)


def _api(client, action: str, w: dict):
    shown = w["shown"].pk
    gets = {
        "GET /api/v1/cooperation/projects": f"{API}/projects",
        "GET /api/v1/cooperation/projects/{project_id}": f"{API}/projects/{shown}",
        "GET unpublished project": f"{API}/projects/{w['hidden'].pk}",
        "GET /api/v1/cooperation/practices": f"{API}/practices",
        "GET /api/v1/cooperation/practices/{practice_id}": f"{API}/practices/{w['practice'].pk}",
        "GET unpublished practice": f"{API}/practices/{w['draft'].pk}",
        "GET /api/v1/cooperation/transfers": f"{API}/transfers",
    }
    if action in gets:
        return client.get(gets[action])
    writes = {
        "POST /api/v1/cooperation/projects": (f"{API}/projects", {"title_en": "C"}, "post"),
        "PATCH /api/v1/cooperation/projects/{project_id}": (
            f"{API}/projects/{shown}",
            {"status": "completed"},
            "patch",
        ),
        "POST /api/v1/cooperation/projects/{project_id}/partners": (
            f"{API}/projects/{shown}/partners",
            {"role": "funder", "organisation_id": EnterpriseUserFactory().organisation_id},
            "post",
        ),
        "POST partner: a fair participant": (
            f"{API}/projects/{shown}/partners",
            {"role": "partner", "participant_id": w["participant"].pk},
            "post",
        ),
        "POST /api/v1/cooperation/projects/{project_id}/milestones": (
            f"{API}/projects/{shown}/milestones",
            {"title_en": "Plan", "starts_on": "2023-09-22"},
            "post",
        ),
        "POST /api/v1/cooperation/projects/{project_id}/indicators": (
            f"{API}/projects/{shown}/indicators",
            {"name_en": "Voyages"},
            "post",
        ),
        "POST /api/v1/cooperation/indicators/{indicator_id}/values": (
            f"{API}/indicators/{w['indicator'].pk}/values",
            {"measured_on": "2024-06-30", "value": 12},
            "post",
        ),
        "POST /api/v1/cooperation/projects/{project_id}/updates": (
            f"{API}/projects/{shown}/updates",
            {"text_en": "Ships sailed."},
            "post",
        ),
        "POST /api/v1/cooperation/practices": (f"{API}/practices", {"title_en": "Wi-Fi"}, "post"),
        "POST /api/v1/cooperation/projects/{project_id}/outcomes": (
            f"{API}/projects/{shown}/outcomes",
            {"outcome_id": 999999},
            "post",
        ),
        "POST /api/v1/cooperation/practices/{practice_id}/meeting-requests": (
            f"{API}/practices/{w['looking'].pk}/meeting-requests",
            {"receiver_id": 1},
            "post",
        ),
        "POST /api/v1/cooperation/transfers": (
            f"{API}/transfers",
            {
                "practice_id": w["practice"].pk,
                "to_place_id": w["other_city"].pk,
                "stage": "interest",
            },
            "post",
        ),
    }
    path, body, method = writes[action]
    return _post_json(client, path, body, method)


EVERYONE = dict.fromkeys(ROLES, 200)
PAGE_ORGANISERS = {ANONYMOUS: LOGIN, ENTERPRISE: 403, DELEGATE: 403, PARTNER: 403}
API_ORGANISERS = {ANONYMOUS: 401, ENTERPRISE: 403, DELEGATE: 403, PARTNER: 403}
PAGES: dict[str, dict[str, int | str]] = {
    "project list": EVERYONE,
    "project detail": EVERYONE,
    "unpublished project": {**PAGE_ORGANISERS, PARTNER: 200, ORGANISER: 200},
    "project create GET": {**PAGE_ORGANISERS, ORGANISER: 200},
    "project create POST": {**PAGE_ORGANISERS, ORGANISER: 302},
    "project edit GET": {**PAGE_ORGANISERS, ORGANISER: 200},
    "project edit POST": {**PAGE_ORGANISERS, ORGANISER: 302},
    "partner add POST": {**PAGE_ORGANISERS, ORGANISER: 302},
    "participant partner add GET": {**PAGE_ORGANISERS, ORGANISER: 200},
    "participant partner add POST": {**PAGE_ORGANISERS, ORGANISER: 302},
    "milestone add POST": {**PAGE_ORGANISERS, ORGANISER: 302},
    "indicator add POST": {**PAGE_ORGANISERS, ORGANISER: 302},
    "value add POST": {**PAGE_ORGANISERS, ORGANISER: 302},
    "update add POST": {**PAGE_ORGANISERS, PARTNER: 302, ORGANISER: 302},
    "document add POST": {**PAGE_ORGANISERS, ORGANISER: 302},
    "document download": EVERYONE,
    "practice list": EVERYONE,
    "practice detail": EVERYONE,
    "unpublished practice": {**PAGE_ORGANISERS, ORGANISER: 200},
    "practice create GET": {**PAGE_ORGANISERS, ORGANISER: 200},
    "practice create POST": {**PAGE_ORGANISERS, ORGANISER: 302},
    "practice edit GET": {**PAGE_ORGANISERS, ORGANISER: 200},
    "practice edit POST": {**PAGE_ORGANISERS, ORGANISER: 302},
    "transfer create GET": {**PAGE_ORGANISERS, ORGANISER: 200},
    "transfer create POST": {**PAGE_ORGANISERS, ORGANISER: 302},
    "transfer edit GET": {**PAGE_ORGANISERS, ORGANISER: 200},
    "transfer edit POST": {**PAGE_ORGANISERS, ORGANISER: 302},
    "network": EVERYONE,
    "report index": {**PAGE_ORGANISERS, ORGANISER: 200},
    "report POST": {**PAGE_ORGANISERS, ORGANISER: 302},
    "report": {**PAGE_ORGANISERS, ORGANISER: 200},
    "report pdf": {**PAGE_ORGANISERS, ORGANISER: 200},
    "outcome link GET": {**PAGE_ORGANISERS, ORGANISER: 200},
    "overview": EVERYONE,
    "outcome link POST": {**PAGE_ORGANISERS, ORGANISER: 422},
    "practice meeting POST": {
        ANONYMOUS: LOGIN,
        ENTERPRISE: 302,
        DELEGATE: 302,
        PARTNER: 302,
        ORGANISER: 403,
    },
}
ENDPOINTS: dict[str, dict[str, int]] = {
    "GET /api/v1/cooperation/projects": EVERYONE,
    "GET /api/v1/cooperation/projects/{project_id}": EVERYONE,
    "GET unpublished project": {**API_ORGANISERS, PARTNER: 200, ORGANISER: 200},
    "POST /api/v1/cooperation/projects": {**API_ORGANISERS, ORGANISER: 201},
    "PATCH /api/v1/cooperation/projects/{project_id}": {**API_ORGANISERS, ORGANISER: 200},
    "POST /api/v1/cooperation/projects/{project_id}/partners": {**API_ORGANISERS, ORGANISER: 201},
    "POST partner: a fair participant": {**API_ORGANISERS, ORGANISER: 201},
    "POST /api/v1/cooperation/projects/{project_id}/milestones": {
        **API_ORGANISERS,
        ORGANISER: 201,
    },
    "POST /api/v1/cooperation/projects/{project_id}/indicators": {
        **API_ORGANISERS,
        ORGANISER: 201,
    },
    "POST /api/v1/cooperation/indicators/{indicator_id}/values": {
        **API_ORGANISERS,
        ORGANISER: 201,
    },
    "POST /api/v1/cooperation/projects/{project_id}/updates": {
        **API_ORGANISERS,
        PARTNER: 201,
        ORGANISER: 201,
    },
    "GET /api/v1/cooperation/practices": EVERYONE,
    "GET /api/v1/cooperation/practices/{practice_id}": EVERYONE,
    "GET unpublished practice": {**API_ORGANISERS, ORGANISER: 200},
    "POST /api/v1/cooperation/practices": {**API_ORGANISERS, ORGANISER: 201},
    "GET /api/v1/cooperation/transfers": EVERYONE,
    "POST /api/v1/cooperation/transfers": {**API_ORGANISERS, ORGANISER: 201},
    # Allowed, then refused by the domain: no outcome has that id.
    "POST /api/v1/cooperation/projects/{project_id}/outcomes": {**API_ORGANISERS, ORGANISER: 422},
    # Allowed, then refused by the domain: there is no upcoming fair (422 naming "fair").
    "POST /api/v1/cooperation/practices/{practice_id}/meeting-requests": {
        ANONYMOUS: 401,
        ENTERPRISE: 422,
        DELEGATE: 422,
        PARTNER: 422,
        ORGANISER: 403,
    },
}
URL_NAMES = {
    "project list": "project-list",
    "project detail": "project-detail",
    "project create GET": "project-create",
    "project edit GET": "project-update",
    "partner add POST": "partner-add",
    "participant partner add GET": "participant-partner-add",
    "milestone add POST": "milestone-add",
    "indicator add POST": "indicator-add",
    "value add POST": "value-add",
    "update add POST": "update-add",
    "document add POST": "document-add",
    "document download": "document-download",
    "practice list": "practice-list",
    "practice detail": "practice-detail",
    "practice create GET": "practice-create",
    "practice edit GET": "practice-update",
    "transfer create GET": "transfer-create",
    "transfer edit GET": "transfer-update",
    "network": "network",
    "report index": "report-index",
    "report": "report",
    "report pdf": "report-pdf",
    "practice meeting POST": "practice-meeting",
    "outcome link GET": "outcome-link",
    "overview": "overview",
}
COVERED_ROUTES: set[str] = {f"cooperation:{name}" for name in URL_NAMES.values()} | {
    action for action in ENDPOINTS if action.startswith(("GET /", "POST /", "PATCH /"))
}
CASES = [
    ("page", action, role, expected)
    for action, row in PAGES.items()
    for role, expected in row.items()
] + [
    ("api", action, role, expected)
    for action, row in ENDPOINTS.items()
    for role, expected in row.items()
]


@pytest.mark.parametrize(("kind", "action", "role", "expected"), CASES)
def test_permission_matrix(
    client, world, django_capture_on_commit_callbacks, kind, action, role, expected
):
    log_in(client, role, world)

    with django_capture_on_commit_callbacks(execute=True):
        response = (_page if kind == "page" else _api)(client, action, world)

    if expected == LOGIN:
        assert (response.status_code, response["Location"].split("?")[0]) == (
            302,
            en("accounts:login"),
        )
    else:
        assert response.status_code == expected, getattr(response, "content", b"")[:500]
    if hasattr(response, "streaming_content"):
        response.close()


def test_the_matrix_covers_every_cooperation_route():
    from amity.api.urls import api
    from amity.cooperation import urls

    pages = {f"cooperation:{pattern.name}" for pattern in urls.urlpatterns}
    schema = api.get_openapi_schema()
    operations = {
        f"{method.upper()} {path}"
        for path, methods in schema["paths"].items()
        if path.startswith("/api/v1/cooperation/")
        for method in methods
    }

    assert (pages | operations) - COVERED_ROUTES == set()
