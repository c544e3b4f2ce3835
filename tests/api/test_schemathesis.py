"""Property-based tests of the whole API from its own OpenAPI schema.

Schemathesis generates requests for every documented operation — valid ones, and ones that
break the schema — and checks that no answer is a server error, that every status and body is
the documented one, and that no request the schema forbids is accepted. Anonymous and with the
token of an organiser, an enterprise member and a delegate, on whichever database the suite
runs on. Bounded (`AMITY_SCHEMATHESIS_EXAMPLES` per operation and identity);
`docs/benchmarks.md` has the command for a long run.
"""

import os
from datetime import UTC, datetime

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
from amity.fair.domain import add_interpreter, add_representative, add_session, add_table
from tests.factories.accounts import DelegateFactory, EnterpriseUserFactory, OrganiserFactory
from tests.factories.cities import CitationFactory, ExchangeFactory, PartnershipFactory
from tests.factories.cooperation import (
    IndicatorValueFactory,
    MilestoneFactory,
    ProjectPartnerFactory,
    TransferFactory,
)
from tests.factories.events import (
    DelegationFactory,
    DelegationMemberFactory,
    EventFactory,
    RegistrantFactory,
    RegistrationFactory,
)
from tests.factories.fair import FairFactory, ParticipantFactory

EXAMPLES = int(os.environ.get("AMITY_SCHEMATHESIS_EXAMPLES", "3"))

schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application)

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
def records():
    """A few records for the generated ids to find (most find nothing: a 404 is fine), and
    the people whose tokens the requests carry: an enterprise member whose firm is
    registered for an event, and a delegate in their city's delegation to it."""
    for _ in range(3):
        partnership = PartnershipFactory()
        CitationFactory(partnership=partnership)
        ExchangeFactory(partnership=partnership)
        project = ProjectPartnerFactory(partnership=partnership).project
        MilestoneFactory(project=project)
        IndicatorValueFactory(indicator__project=project)
        TransferFactory()
    event = EventFactory()
    member = EnterpriseUserFactory()
    RegistrantFactory(
        registration=RegistrationFactory(event=event, organisation=member.organisation)
    )
    delegate = DelegateFactory()
    DelegationMemberFactory(
        delegation=DelegationFactory(event=event, place=delegate.partner_place), user=delegate
    )
    _fair_with_set_up(member)
    return {"organiser": OrganiserFactory(), "enterprise": member, "delegate": delegate}


def _fair_with_set_up(member) -> None:
    """A fair whose set-up rows and the member's participant the generated ids can find."""
    fair = FairFactory()
    session = add_session(
        fair,
        part="morning",
        starts_at=datetime(2026, 5, 14, 1, tzinfo=UTC),
        ends_at=datetime(2026, 5, 14, 3, tzinfo=UTC),
    )
    add_table(fair, number=1)
    add_interpreter(fair, name="Li Na", languages=["zh", "en"], sessions=[session])
    mine = ParticipantFactory(fair=fair, organisation=member.organisation)
    add_representative(mine, name="Wang Fang")


@pytest.fixture(params=["anonymous", "organiser", "enterprise", "delegate"])
def identity(request, records) -> dict[str, str]:
    if request.param == "anonymous":
        return {}
    token = create_api_token(records[request.param], "schemathesis")
    return {"Authorization": f"Token {token}"}


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
