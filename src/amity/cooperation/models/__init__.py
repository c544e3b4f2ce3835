"""Cooperation projects with their milestones and indicators; practices and their transfers."""

from amity.cooperation.models.links import ProjectOutcome
from amity.cooperation.models.practices import (
    PRACTICE_SECTIONS,
    Practice,
    Transfer,
    TransferStage,
)
from amity.cooperation.models.projects import (
    Indicator,
    IndicatorValue,
    Milestone,
    MilestoneStatus,
    PartnerRole,
    Project,
    ProjectDocument,
    ProjectPartner,
    ProjectStatus,
    ProjectUpdate,
)

__all__ = [
    "PRACTICE_SECTIONS",
    "Indicator",
    "IndicatorValue",
    "Milestone",
    "MilestoneStatus",
    "PartnerRole",
    "Practice",
    "Project",
    "ProjectDocument",
    "ProjectOutcome",
    "ProjectPartner",
    "ProjectStatus",
    "ProjectUpdate",
    "Transfer",
    "TransferStage",
]
