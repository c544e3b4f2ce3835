"""The demo loads the corridor and Johannesburg's transfers once, with sources, and its 2023
report renders."""

import pytest
from django.urls import reverse

from amity.cities.demo_data import load_demo as load_registry_demo
from amity.cooperation.demo_data import CORRIDOR, load_demo
from amity.cooperation.domain.report import yearly_report
from amity.cooperation.models import IndicatorValue, Practice, Project, Transfer
from amity.documents.pdf import render_pdf

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo():
    load_registry_demo()
    load_demo()


def test_demo_loads_the_corridor_with_sourced_milestones_and_demo_values(demo):
    project = Project.objects.get(title_en=CORRIDOR)

    assert project.source.url.startswith("https://www.c40.org/")
    assert [m.source.url != "" for m in project.milestones.all()] == [True] * 4
    assert [m.reached_on.isoformat() for m in project.milestones.all() if m.reached_on] == [
        "2022-01-31",
        "2023-09-22",
    ]
    assert set(IndicatorValue.objects.values_list("is_demo", flat=True)) == {True}
    assert "demo data" in project.indicators.get().name_en


def test_demo_johannesburg_learns_three_practices_from_the_home_city(demo):
    transfers = Transfer.objects.filter(to_place__name_en="Johannesburg")

    assert sorted(transfers.values_list("stage", flat=True)) == ["adopted", "adopted", "interest"]
    assert set(transfers.values_list("from_place", flat=True)) == {None}
    assert {t.source.url for t in transfers} == {
        "https://english.shanghai.gov.cn/en-Latest-WhatsNew/20231210/3e27c8b853df41348331807ad1a0d1b0.html"
    }


def test_demo_is_idempotent(demo):
    counts = (Project.objects.count(), Practice.objects.count(), Transfer.objects.count())

    load_demo()

    assert (Project.objects.count(), Practice.objects.count(), Transfer.objects.count()) == counts


def test_demo_pages_show_the_chart_and_the_network(client, demo):
    project = Project.objects.get(title_en=CORRIDOR)

    page = client.get(reverse("cooperation:project-detail", args=[project.pk])).content.decode()
    network = client.get(reverse("cooperation:network")).content.decode()

    assert 'class="line-chart"' in page
    assert 'data-points="5"' in page
    assert 'class="learning-network"' in network
    assert "Johannesburg" in network


def test_demo_report_for_2023_renders_as_pdf(demo):
    pdf = render_pdf("cooperation/report_pdf.html", {"report": yearly_report(2023)})

    assert pdf.startswith(b"%PDF")
