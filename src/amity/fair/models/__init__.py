"""The matching fair's records; thin models, rules live in ``amity.fair.domain``."""

from amity.fair.models.participants import (
    COOPERATION_CHOICES,
    Opportunity,
    OpportunityKind,
    OrganisationSize,
    Participant,
    ParticipantStatus,
    Representative,
    Unavailability,
)
from amity.fair.models.requests import (
    OPEN_STATES,
    Mark,
    MarkKind,
    MeetingRequest,
    RequestPriority,
    RequestState,
)
from amity.fair.models.setup import Fair, FairSession, Interpreter, SessionPart, Table
from amity.fair.models.suggestions import Recommendation, TextEmbedding

__all__ = [
    "COOPERATION_CHOICES",
    "OPEN_STATES",
    "Fair",
    "FairSession",
    "Interpreter",
    "Mark",
    "MarkKind",
    "MeetingRequest",
    "Opportunity",
    "OpportunityKind",
    "OrganisationSize",
    "Participant",
    "ParticipantStatus",
    "Recommendation",
    "Representative",
    "RequestPriority",
    "RequestState",
    "SessionPart",
    "Table",
    "TextEmbedding",
    "Unavailability",
]
