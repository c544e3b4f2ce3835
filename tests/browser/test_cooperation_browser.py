"""An organiser follows a project in a real browser, in English and in Chinese: adds a
milestone and a measured value, records a transfer; the chart and the network show them."""

import pytest
from playwright.sync_api import expect

from amity.cooperation.models import IndicatorValue, Milestone
from tests.factories.accounts import PASSWORD, OrganiserFactory
from tests.factories.cities import PlaceFactory
from tests.factories.cooperation import IndicatorFactory, PracticeFactory, ProjectFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WORDS = {
    "en": {
        "username": "Username",
        "password": "Password",
        "log in": "Log in",
        "add milestone": "Add a milestone",
        "title": "Title (English)",
        "planned start": "Planned start",
        "save": "Save",
        "milestone saved": "The milestone is on the timeline.",
        "record value": "Record a measured value",
        "measured on": "Measured on",
        "value": "Value",
        "value saved": "The value is on the chart.",
        "add transfer": "Add a transfer",
        "to city": "To city",
        "transfer saved": "The transfer is recorded.",
    },
    "zh-hans": {
        "username": "用户名",
        "password": "密码",
        "log in": "登录",
        "add milestone": "添加里程碑",
        "title": "标题（英文）",
        "planned start": "计划开始",
        "save": "保存",
        "milestone saved": "里程碑已加入时间线。",
        "record value": "记录测量值",
        "measured on": "测量日期",
        "value": "数值",
        "value saved": "数值已加入图表。",
        "add transfer": "添加实践推广",
        "to city": "学习城市",
        "transfer saved": "实践推广已记录。",
    },
}


@pytest.fixture
def csp_violations(page):
    messages: list[str] = []
    page.on(
        "console",
        lambda message: (
            messages.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    return messages


@pytest.mark.parametrize("lang", ["en", "zh-hans"])
def test_organiser_adds_a_milestone_a_value_and_a_transfer_and_sees_them_drawn(
    page, live_server, lang, csp_violations, cooperation_fields
):
    words = WORDS[lang]
    organiser = OrganiserFactory()
    project = ProjectFactory(title_en="Green shipping corridor")
    indicator = IndicatorFactory(project=project)
    practice = PracticeFactory(title_en="Free public Wi-Fi hotspots", place=None)
    PlaceFactory(name_en="Johannesburg", name_zh="约翰内斯堡", country="ZA")
    detail = f"/{lang}/cooperation/projects/{project.pk}/"
    page.goto(f"{live_server.url}/{lang}/accounts/login/?next={detail}")
    page.get_by_label(words["username"]).fill(organiser.username)
    page.get_by_label(words["password"]).fill(PASSWORD)
    page.get_by_role("button", name=words["log in"], exact=True).click()
    page.wait_for_url(f"**{detail}")

    page.get_by_role("link", name=words["add milestone"]).click()
    page.get_by_label(words["title"]).fill("Implementation plan outline")
    page.get_by_label(words["planned start"]).fill("2023-09-22")
    page.get_by_role("button", name=words["save"]).click()
    expect(page.get_by_role("status")).to_contain_text(words["milestone saved"])
    expect(page.locator(".timeline")).to_contain_text("Implementation plan outline")

    page.get_by_role("link", name=words["record value"]).click()
    page.get_by_label(words["measured on"]).fill("2024-06-30")
    page.get_by_label(words["value"], exact=True).fill("12.5")
    page.get_by_role("button", name=words["save"]).click()
    expect(page.get_by_role("status")).to_contain_text(words["value saved"])
    chart = page.locator(f"#indicator-{indicator.pk} svg.line-chart")
    expect(chart).to_have_attribute("data-points", "1")
    expect(chart.locator("circle.line-chart__point")).to_have_count(1)
    expect(page.locator(f"#indicator-{indicator.pk} table.values")).to_contain_text("12.5")

    page.goto(f"{live_server.url}/{lang}/cooperation/practices/{practice.pk}/")
    page.get_by_role("link", name=words["add transfer"]).click()
    page.get_by_label(words["to city"]).select_option(
        label="约翰内斯堡" if lang == "zh-hans" else "Johannesburg"
    )
    page.get_by_role("button", name=words["save"]).click()
    expect(page.get_by_role("status")).to_contain_text(words["transfer saved"])

    page.goto(f"{live_server.url}/{lang}/cooperation/network/")
    network = page.locator("svg.learning-network")
    expect(network).to_have_attribute("data-edges", "1")
    expect(network).to_contain_text("约翰内斯堡" if lang == "zh-hans" else "Johannesburg")
    assert Milestone.objects.get().title_en == "Implementation plan outline"
    assert IndicatorValue.objects.get().value == 12.5
    assert csp_violations == []
