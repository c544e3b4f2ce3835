"""Demo data of cooperation: the Shanghai–Los Angeles green shipping corridor and what
Johannesburg learns from Shanghai, with their public sources; invented values labelled demo.

Facts and where they were checked (December 2026):

- Announced in January 2022 by the cities and ports of Shanghai and Los Angeles with C40
  Cities, committing to an implementation plan by the end of 2022: C40's announcement
  (c40.org/news/la-shanghai-green-shipping-corridor) and Offshore Energy's report dated
  31 January 2022.
- Implementation plan outline unveiled on 22 September 2023: carrier partners "will begin
  deploying reduced or zero lifecycle carbon capable ships on the corridor by 2025, and work
  together to demonstrate, by 2030, the feasibility of deploying the world's first zero
  lifecycle carbon emission container ship(s)" (the ports' release as PortNews printed it).
- Johannesburg's learning from Shanghai (since 2009; free public Wi-Fi hotspots from 2011;
  paying municipal services by smartphone; wanting technology for crime prevention and
  emergency communication): China Daily's report of the 2023 forum, "Shanghai boosts friendship
  with global cities", as republished by the Shanghai government's English portal.

The indicator's measured values are invented for the demo and say so.
"""

import datetime

from django.db import transaction

from amity.accounts.models import Organisation
from amity.cities.models import CooperationField, Partnership, Source
from amity.cooperation import domain
from amity.cooperation.models import Indicator, Practice, Project

C40 = (
    "C40 Cities: Los Angeles and Shanghai announce green shipping corridor partnership",
    "https://www.c40.org/news/la-shanghai-green-shipping-corridor/",
    "C40 Cities",
    None,
)
OFFSHORE = (
    "Offshore Energy: China, US to create world's first transpacific green shipping corridor",
    "https://www.offshore-energy.biz/china-us-to-create-worlds-first-transpacific-green-shipping-corridor/",
    "Offshore Energy",
    datetime.date(2022, 1, 31),
)
OUTLINE = (
    "Ports of Los Angeles, Long Beach and Shanghai unveil Implementation Plan Outline (PortNews)",
    "https://www.en.portnews.ru/news/353871/",
    "PortNews",
    datetime.date(2023, 9, 22),
)
CHINA_DAILY = (
    "China Daily: Shanghai boosts friendship with global cities (2023 forum report)",
    "https://english.shanghai.gov.cn/en-Latest-WhatsNew/20231210/3e27c8b853df41348331807ad1a0d1b0.html",
    "China Daily (republished by english.shanghai.gov.cn)",
    datetime.date(2023, 12, 10),
)
CORRIDOR = "Shanghai–Los Angeles green shipping corridor"


def _source(title: str, url: str, publisher: str, published_on) -> Source:
    source, _ = Source.objects.get_or_create(
        title_en=title,
        defaults={"url": url, "publisher": publisher, "published_on": published_on},
    )
    return source


def _fields(*codes: str) -> list[CooperationField]:
    return list(CooperationField.objects.filter(code__in=codes))


@transaction.atomic
def load_demo() -> list[str]:
    lines = []
    if not Project.objects.filter(title_en=CORRIDOR).exists():
        project = _corridor()
        lines.append(f"Cooperation: the {CORRIDOR} with {project.milestones.count()} milestones.")
    if not Practice.objects.filter(title_en="Free public Wi-Fi hotspots").exists():
        _johannesburg()
        lines.append("Cooperation: Johannesburg's three transfers from Shanghai (2023 forum).")
    return lines or ["Cooperation: demo projects and practices already loaded."]


def _organisation(name_en: str, name_zh: str, country: str, city: str) -> Organisation:
    return Organisation.objects.get_or_create(
        name_en=name_en, defaults={"name_zh": name_zh, "country": country, "city_name": city}
    )[0]


def _corridor() -> Project:
    c40 = _source(*C40)
    offshore = _source(*OFFSHORE)
    outline = _source(*OUTLINE)
    los_angeles = Partnership.objects.get(place__name_en="Los Angeles", level="municipal")
    project = domain.create_project(
        title_en=CORRIDOR,
        title_zh="上海—洛杉矶绿色航运走廊",
        summary_en=(
            "Announced in January 2022 by the cities and ports of Shanghai and Los Angeles with "
            "C40 Cities, with shipping lines and cargo owners: decarbonising container shipping "
            "on one of the busiest trans-Pacific routes. The plan's targets: ships with reduced "
            "or zero lifecycle carbon emissions on the route from 2025, and by 2030 a "
            "demonstration of the first zero-lifecycle-carbon container ships."
        ),
        summary_zh=(
            "2022年1月，上海与洛杉矶两市及两港与C40城市气候领导联盟共同宣布，联合航运公司和货主，"
            "推动这一最繁忙的跨太平洋航线之一的集装箱运输脱碳。计划目标：2025年起在航线上投入"
            "低碳或零碳（全生命周期）船舶，2030年前示范首批全生命周期零碳排放集装箱船。"
        ),
        status="running",
        starts_on=datetime.date(2022, 1, 31),
        is_published=True,
        source=c40,
        fields=_fields("transport", "environment"),
        agreements=list(los_angeles.agreements.all()),
    )
    domain.add_partner(project, role="lead", partnership=los_angeles)
    for role, names in (
        ("lead", ("Port of Los Angeles", "洛杉矶港", "US", "Los Angeles")),
        (
            "lead",
            (
                "Shanghai Municipal Transportation Commission (Port of Shanghai)",
                "上海市交通委员会（上海港）",
                "CN",
                "Shanghai",
            ),
        ),
        ("partner", ("C40 Cities", "C40城市气候领导联盟", "", "")),
    ):
        domain.add_partner(project, role=role, organisation=_organisation(*names))
    _milestones(project, offshore, outline)
    _indicator(project)
    domain.post_update(
        project,
        author=None,
        posted_on=datetime.date(2023, 12, 1),
        text_en=(
            "At the 2023 Shanghai International Friendship Cities Cooperation Forum, Los Angeles "
            "said it works with Shanghai on the green shipping corridor (China Daily)."
        ),
        text_zh="在2023上海国际友好城市合作论坛上，洛杉矶表示正与上海合作建设绿色航运走廊（中国日报）。",
    )
    return project


def _milestones(project: Project, offshore: Source, outline: Source) -> None:
    domain.add_milestone(
        project,
        title_en="Partnership announced with C40 Cities",
        title_zh="与C40城市气候领导联盟共同宣布合作",
        starts_on=datetime.date(2022, 1, 1),
        ends_on=datetime.date(2022, 1, 31),
        reached_on=datetime.date(2022, 1, 31),
        status="reached",
        source=offshore,
    )
    domain.add_milestone(
        project,
        title_en="Implementation plan (committed for the end of 2022; outline unveiled)",
        title_zh="实施计划（原定2022年底；已发布纲要）",
        starts_on=datetime.date(2022, 1, 31),
        ends_on=datetime.date(2022, 12, 31),
        reached_on=datetime.date(2023, 9, 22),
        status="reached",
        source=outline,
    )
    domain.add_milestone(
        project,
        title_en="Reduced or zero lifecycle carbon capable ships on the corridor",
        title_zh="航线上投入低碳或零碳（全生命周期）船舶",
        starts_on=datetime.date(2025, 1, 1),
        ends_on=datetime.date(2025, 12, 31),
        status="planned",
        source=outline,
    )
    domain.add_milestone(
        project,
        title_en="Feasibility of the first zero-lifecycle-carbon container ships demonstrated",
        title_zh="示范首批全生命周期零碳排放集装箱船的可行性",
        starts_on=datetime.date(2030, 1, 1),
        ends_on=datetime.date(2030, 12, 31),
        status="planned",
        source=outline,
    )


def _indicator(project: Project) -> Indicator:
    indicator = domain.add_indicator(
        project,
        name_en="Share of voyages on reduced-carbon fuels (demo data)",
        name_zh="使用低碳燃料的航次比例（演示数据）",
        unit="%",
        baseline=0.0,
        target=100.0,
        is_demo=True,
    )
    for day, value in (
        (datetime.date(2023, 6, 30), 1.0),
        (datetime.date(2023, 12, 31), 2.5),
        (datetime.date(2024, 6, 30), 4.0),
        (datetime.date(2024, 12, 31), 7.5),
        (datetime.date(2025, 6, 30), 12.0),
    ):
        domain.record_value(
            indicator, measured_on=day, value=value, note="invented for the demo", is_demo=True
        )
    return indicator


def _johannesburg() -> None:
    source = _source(*CHINA_DAILY)
    johannesburg = Partnership.objects.get(place__name_en="Johannesburg", level="municipal").place
    smart_city = _fields("smart-city")
    practices = (
        (
            ("Free public Wi-Fi hotspots", "免费公共无线网络热点"),
            datetime.date(2011, 1, 1),
            "year",
            "adopted",
            (
                "Johannesburg has offered free public Wi-Fi hotspots since 2011, one of the "
                "things it says it learned from Shanghai.",
                "约翰内斯堡自2011年起提供免费公共无线网络热点，这是其所说向上海学习的成果之一。",
            ),
            False,
        ),
        (
            ("Paying municipal services by smartphone", "通过智能手机缴纳市政服务费用"),
            None,
            "",
            "adopted",
            (
                "Residents pay for municipal services by smartphone; Johannesburg has been "
                "learning from Shanghai since 2009.",
                "居民通过智能手机缴纳市政服务费用；约翰内斯堡自2009年起向上海学习。",
            ),
            False,
        ),
        (
            (
                "Technology for crime prevention and emergency communication",
                "预防犯罪与应急通信技术",
            ),
            datetime.date(2023, 12, 1),
            "day",
            "interest",
            (
                "At the 2023 forum Johannesburg said it wants such technology from Shanghai.",
                "在2023年论坛上，约翰内斯堡表示希望从上海引进此类技术。",
            ),
            True,
        ),
    )
    for (title_en, title_zh), since, precision, stage, (note_en, note_zh), looking in practices:
        practice = domain.create_practice(
            title_en=title_en,
            title_zh=title_zh,
            place=None,
            transferability_en=note_en,
            transferability_zh=note_zh,
            key_dates_en="Johannesburg has learned from Shanghai since 2009.",
            key_dates_zh="约翰内斯堡自2009年起向上海学习。",
            looking_for_partners=looking,
            is_published=True,
            source=source,
            fields=smart_city,
        )
        domain.record_transfer(
            practice,
            to_place=johannesburg,
            since=since,
            since_precision=precision,
            stage=stage,
            adaptation_en=note_en,
            adaptation_zh=note_zh,
            source=source,
        )
