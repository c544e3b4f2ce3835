"""Factories for cooperation: projects with partners, milestones, indicators; practices."""

import datetime

import factory
from factory.django import DjangoModelFactory

from amity.cooperation.models import (
    Indicator,
    IndicatorValue,
    Milestone,
    PartnerRole,
    Practice,
    Project,
    ProjectPartner,
    ProjectStatus,
    Transfer,
    TransferStage,
)
from tests.factories.cities import PartnershipFactory, PlaceFactory


class ProjectFactory(DjangoModelFactory):
    class Meta:
        model = Project

    title_en = factory.Sequence(lambda n: f"Cooperation project {n}")
    title_zh = factory.Sequence(lambda n: f"合作项目{n}")
    summary_en = "Two cities work together."
    status = ProjectStatus.RUNNING
    starts_on = datetime.date(2022, 1, 28)
    is_published = True


class ProjectPartnerFactory(DjangoModelFactory):
    class Meta:
        model = ProjectPartner

    project = factory.SubFactory(ProjectFactory)
    partnership = factory.SubFactory(PartnershipFactory)
    role = PartnerRole.LEAD


class MilestoneFactory(DjangoModelFactory):
    class Meta:
        model = Milestone

    project = factory.SubFactory(ProjectFactory)
    title_en = factory.Sequence(lambda n: f"Milestone {n}")
    starts_on = datetime.date(2023, 1, 1)
    ends_on = datetime.date(2023, 6, 30)


class IndicatorFactory(DjangoModelFactory):
    class Meta:
        model = Indicator

    project = factory.SubFactory(ProjectFactory)
    name_en = "Share of voyages on reduced-carbon fuels"
    name_zh = "使用低碳燃料的航次比例"
    unit = "%"
    baseline = 0.0
    target = 100.0


class IndicatorValueFactory(DjangoModelFactory):
    class Meta:
        model = IndicatorValue

    indicator = factory.SubFactory(IndicatorFactory)
    measured_on = factory.Sequence(lambda n: datetime.date(2023, 1, 1) + datetime.timedelta(n))
    value = 10.0


class PracticeFactory(DjangoModelFactory):
    class Meta:
        model = Practice

    title_en = factory.Sequence(lambda n: f"Practice {n}")
    title_zh = factory.Sequence(lambda n: f"实践{n}")
    results_en = "It worked."
    is_published = True


class TransferFactory(DjangoModelFactory):
    class Meta:
        model = Transfer

    practice = factory.SubFactory(PracticeFactory)
    from_place = None
    to_place = factory.SubFactory(PlaceFactory)
    since = datetime.date(2011, 1, 1)
    since_precision = "year"
    stage = TransferStage.ADOPTED
