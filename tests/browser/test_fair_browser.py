"""The fair's flow in a real browser, in English and in Chinese: a partner-city enterprise
registers, writes an English request, finds a Shanghai firm's Chinese offer among its
suggestions with the reason, asks for a meeting; the Shanghai firm accepts; the organiser
sees the counts move."""

import pytest
from playwright.sync_api import expect

from amity.fair.embeddings import shared_backend
from amity.fair.models import MeetingRequest, RequestState
from tests.factories.accounts import (
    PASSWORD,
    EnterpriseUserFactory,
    OrganisationFactory,
    OrganiserFactory,
)
from tests.factories.fair import FairFactory, OpportunityFactory, ParticipantFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WORDS = {
    "en": {
        "username": "Username",
        "password": "Password",
        "log in": "Log in",
        "log out": "Log out",
        "save": "Save",
        "add": "Add",
        "you seek": "You seek",
        "request": "Request a meeting",
        "accept": "Accept",
    },
    "zh-hans": {
        "username": "用户名",
        "password": "密码",
        "log in": "登录",
        "log out": "退出",
        "save": "保存",
        "add": "添加",
        "you seek": "您寻求",
        "request": "请求会谈",
        "accept": "接受",
    },
}


def log_in(page, base: str, lang: str, username: str) -> None:
    words = WORDS[lang]
    page.context.clear_cookies()
    page.goto(f"{base}/{lang}/accounts/login/?next=/{lang}/fair/")
    page.get_by_label(words["username"]).fill(username)
    page.get_by_label(words["password"]).fill(PASSWORD)
    page.get_by_role("button", name=words["log in"], exact=True).click()
    page.wait_for_url(f"**/{lang}/fair/**")


@pytest.mark.parametrize("lang", ["en", "zh-hans"])
def test_partner_enterprise_meets_a_shanghai_firm(page, live_server, lang):
    words = WORDS[lang]
    base = live_server.url
    # Tests run tasks at once, inside the request: a profile change there recomputes the
    # suggestions (embedding model included) before the page answers.
    shared_backend()
    page.set_default_timeout(60_000)
    fair = FairFactory()
    shanghai = ParticipantFactory(
        fair=fair,
        name_en="Pudong Electric Bus Co. (test)",
        name_zh="浦东电动客车有限公司（测试）",
        languages=["zh"],
        sectors=["2910"],
    )
    OpportunityFactory(
        participant=shanghai, kind="offer", title="纯电动城市公交车整车出口及充电站建设", text=""
    )
    tourism = ParticipantFactory(fair=fair, languages=["en"], sectors=["7911"])
    OpportunityFactory(participant=tourism, kind="offer", title="Guided wine tours", text="")
    shanghai_member = EnterpriseUserFactory(organisation=shanghai.organisation)
    jozi = OrganisationFactory(
        name_en="Jozi Transit (test)", name_zh="", country="ZA", city_name="Johannesburg"
    )
    partner = EnterpriseUserFactory(organisation=jozi)
    organiser = OrganiserFactory()

    # The partner-city member registers and writes an English request.
    log_in(page, base, lang, partner.username)
    page.goto(f"{base}/{lang}/fair/{fair.pk}/register/")
    page.locator("[name=city_name]").fill("Johannesburg")
    page.locator("[name=country]").fill("ZA")
    page.locator("[name=sectors]").fill("4921")
    page.locator("[name=languages]").fill("en")
    page.get_by_role("button", name=words["save"], exact=True).click()
    page.wait_for_url(f"**/{lang}/fair/")
    page.goto(
        f"{base}/{lang}/fair/participants/{fair.participants.get(organisation=jozi).pk}/edit/"
    )
    form = page.locator("#opportunity-form")
    form.locator("[name=kind]").select_option("request")
    form.locator("[name=title]").fill("We seek battery-electric buses for our city fleet")
    form.get_by_role("button", name=words["add"], exact=True).click()

    # Its suggestions show the Shanghai firm's Chinese offer, with the reason.
    page.goto(f"{base}/{lang}/fair/")
    shown_name = shanghai.name_en if lang == "en" else shanghai.name_zh
    first = page.locator(".suggestion").first
    expect(first).to_contain_text(shown_name)
    expect(first).to_contain_text(words["you seek"])
    expect(first).to_contain_text("纯电动城市公交车")
    first.get_by_role("button", name=words["request"]).click()
    expect(page.locator(".request--pending")).to_have_count(1)

    # The Shanghai firm accepts.
    log_in(page, base, lang, shanghai_member.username)
    page.locator(".request--pending").get_by_role("button", name=words["accept"]).click()
    expect(page.locator(".request--accepted")).to_have_count(1)
    assert MeetingRequest.objects.get().state == RequestState.ACCEPTED

    # The organiser sees the counts move.
    log_in(page, base, lang, organiser.username)
    page.goto(f"{base}/{lang}/fair/{fair.pk}/overview/")
    expect(page.locator('[data-count="accepted"]')).to_have_text("1")
    expect(page.locator('[data-count="pending"]')).to_have_text("0")
