"""Cooperation's invariants, each written once: the domain actions ask them before saving, and
so do the admin's forms (``cooperation/admin.py``). Each raises one ``ValidationError`` naming
the field; the database constraints say the same (see the models)."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from amity.cooperation.domain.checks import require_order, require_title
from amity.cooperation.models import (
    Indicator,
    IndicatorValue,
    Milestone,
    MilestoneStatus,
    Practice,
    Project,
    ProjectPartner,
    ProjectUpdate,
    Transfer,
)


def validate_project(project: Project) -> None:
    require_title(vars(project))
    require_order(project.starts_on, project.ends_on, end_field="ends_on")


PARTNER_KINDS = ("partnership", "organisation", "participant")


def validate_partner(partner: ProjectPartner) -> None:
    """A partner is exactly one of a partner city, an organisation or a fair participant."""
    chosen = [kind for kind in PARTNER_KINDS if getattr(partner, f"{kind}_id") is not None]
    if len(chosen) != 1:
        raise ValidationError(
            {
                "partnership": _(
                    "Choose exactly one of a partner city, an organisation or a fair participant."
                )
            }
        )
    taken = ProjectPartner.objects.filter(
        project_id=partner.project_id,
        **{f"{kind}_id": getattr(partner, f"{kind}_id") for kind in PARTNER_KINDS},
    ).exclude(pk=partner.pk)
    if taken.exists():
        raise ValidationError({chosen[0]: _("This partner already takes part.")})


def validate_milestone(milestone: Milestone) -> None:
    require_title(vars(milestone))
    require_order(milestone.starts_on, milestone.ends_on, end_field="ends_on")
    if milestone.status == MilestoneStatus.REACHED and not milestone.reached_on:
        raise ValidationError(
            {"reached_on": _("A reached milestone needs the day it was reached.")}
        )


def validate_indicator(indicator: Indicator) -> None:
    require_title(vars(indicator), "name")


def validate_value(value: IndicatorValue) -> None:
    if value.measured_on is None:
        raise ValidationError({"measured_on": _("A measured value needs the day it was measured.")})
    same_day = IndicatorValue.objects.filter(
        indicator_id=value.indicator_id, measured_on=value.measured_on
    ).exclude(pk=value.pk)
    if same_day.exists():
        raise ValidationError({"measured_on": _("A value for this day is already recorded.")})


def validate_update(update: ProjectUpdate) -> None:
    require_title(vars(update), "text")


def validate_practice(practice: Practice) -> None:
    require_title(vars(practice))
    if practice.organisation_url and not (
        practice.organisation_en.strip() or practice.organisation_zh.strip()
    ):
        raise ValidationError(
            {"organisation_en": _("Name the organisation whose web address this is.")}
        )


def normalise_transfer(transfer: Transfer) -> None:
    """A date without its precision is a day; no date has no precision."""
    if transfer.since is not None and not transfer.since_precision:
        transfer.since_precision = "day"
    if transfer.since is None:
        transfer.since_precision = ""


def validate_transfer(transfer: Transfer) -> None:
    # Two empty places are the home city twice.
    if transfer.from_place_id == transfer.to_place_id:
        raise ValidationError({"to_place": _("A city cannot learn a practice from itself.")})
