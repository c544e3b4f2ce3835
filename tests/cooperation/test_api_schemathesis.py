"""Property-based tests of the cooperation API from its own OpenAPI schema (as tests/api does
for the registry and accounts).

Schemathesis generates requests for every documented operation — valid ones, and ones that
break the schema — and checks that no answer is a server error, that every status and body is
the documented one. Anonymous and as an organiser (token), on whichever database the suite
runs on. Bounded to a few hundred examples in all (`AMITY_SCHEMATHESIS_EXAMPLES` per operation
and identity); `docs/benchmarks.md` has the command for a long run.
"""

import os

import pytest
import schemathesis
from django.core import signals
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    negative_data_rejection,
    response_schema_conformance,
    status_code_conformance,
)

from amity.accounts.tokens import create_api_token
from amity.config.wsgi import application
from tests.factories.accounts import OrganiserFactory
from tests.factories.cooperation import (
    IndicatorValueFactory,
    MilestoneFactory,
    ProjectPartnerFactory,
    TransferFactory,
)

EXAMPLES = int(os.environ.get("AMITY_SCHEMATHESIS_EXAMPLES", "6"))

schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application)
# The domains this issue owns; the other domains' routes are theirs to test.
schema = schema.include(path_regex=r"^/api/v1/cooperation/")

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _keep_the_test_connection():
    """Requests go through the WSGI application, as from a server: at each request's start and
    end Django closes a connection that is inside a transaction, and with it the test's
    (PostgreSQL). Django's own test client keeps it open the same way."""
    for signal in (signals.request_started, signals.request_finished):
        signal.disconnect(close_old_connections)
    yield
    for signal in (signals.request_started, signals.request_finished):
        signal.connect(close_old_connections)


@pytest.fixture
def registry():
    """A few records for the generated ids to find (most find nothing: a 404 is fine)."""
    for _ in range(3):
        partner = ProjectPartnerFactory()
        MilestoneFactory(project=partner.project)
        IndicatorValueFactory(indicator__project=partner.project)
        TransferFactory()


@pytest.fixture(params=["anonymous", "organiser"])
def identity(request, registry) -> dict[str, str]:
    if request.param == "anonymous":
        return {}
    return {"Authorization": f"Token {create_api_token(OrganiserFactory(), 'schemathesis')}"}


CHECKS = [
    not_a_server_error,
    status_code_conformance,
    response_schema_conformance,
    negative_data_rejection,
]


@schema.parametrize()
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,
    suppress_health_check=list(HealthCheck),
)
def test_the_api_answers_every_generated_request_as_documented(case, identity):
    case.call_and_validate(headers=identity, checks=CHECKS)
