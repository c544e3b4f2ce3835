"""The matching fair's records; thin models, rules live in ``amity.fair.domain``."""

from amity.fair.models.day import MeetingOutcome, OutcomeRating
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
from amity.fair.models.schedule import (
    ACTIVE_MEETING_STATES,
    FeedToken,
    Meeting,
    MeetingSeat,
    MeetingStatus,
    Publication,
    PublicationKind,
    RunStatus,
    ScheduleRun,
    ScheduleSlot,
)
from amity.fair.models.setup import Fair, FairSession, Interpreter, SessionPart, Table
from amity.fair.models.suggestions import Recommendation, TextEmbedding

__all__ = [
    "ACTIVE_MEETING_STATES",
    "COOPERATION_CHOICES",
    "OPEN_STATES",
    "Fair",
    "FairSession",
    "FeedToken",
    "Interpreter",
    "Mark",
    "MarkKind",
    "Meeting",
    "MeetingOutcome",
    "MeetingRequest",
    "MeetingSeat",
    "MeetingStatus",
    "Opportunity",
    "OpportunityKind",
    "OrganisationSize",
    "OutcomeRating",
    "Participant",
    "ParticipantStatus",
    "Publication",
    "PublicationKind",
    "Recommendation",
    "Representative",
    "RequestPriority",
    "RequestState",
    "RunStatus",
    "ScheduleRun",
    "ScheduleSlot",
    "SessionPart",
    "Table",
    "TextEmbedding",
    "Unavailability",
]
