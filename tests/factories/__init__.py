"""factory_boy factories, one module per domain (``tests.factories.<domain>``).

Factories build valid records with the fewest fields set; a test states the fields it cares
about. Every factory password is ``password`` so tests can log in with the client. The names
below are re-exported for the tests written before the split; new tests import from the
domain's module.
"""

from tests.factories.accounts import (
    PASSWORD,
    DelegateFactory,
    EnterpriseUserFactory,
    OrganisationFactory,
    OrganiserFactory,
    UserFactory,
)
from tests.factories.cities import (
    AgreementFactory,
    CitationFactory,
    ContactFactory,
    ExchangeFactory,
    PartnershipFactory,
    PlaceFactory,
    SourceFactory,
)
from tests.factories.cooperation import (
    IndicatorFactory,
    IndicatorValueFactory,
    MilestoneFactory,
    PracticeFactory,
    ProjectFactory,
    ProjectPartnerFactory,
    TransferFactory,
)
from tests.factories.fair import (
    FairFactory,
    MeetingRequestFactory,
    OpportunityFactory,
    ParticipantFactory,
)

__all__ = [
    "PASSWORD",
    "AgreementFactory",
    "CitationFactory",
    "ContactFactory",
    "DelegateFactory",
    "EnterpriseUserFactory",
    "ExchangeFactory",
    "FairFactory",
    "IndicatorFactory",
    "IndicatorValueFactory",
    "MeetingRequestFactory",
    "MilestoneFactory",
    "OpportunityFactory",
    "OrganisationFactory",
    "OrganiserFactory",
    "ParticipantFactory",
    "PartnershipFactory",
    "PlaceFactory",
    "PracticeFactory",
    "ProjectFactory",
    "ProjectPartnerFactory",
    "SourceFactory",
    "TransferFactory",
    "UserFactory",
]
