"""An organiser prepares an event in a real browser, and a delegate fills in their delegation,
in English and in Chinese: two sessions, a delegation of two, badges with a Chinese name."""

import io

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from amity.events.models import Delegation, Event
from tests.factories.accounts import PASSWORD, DelegateFactory, OrganiserFactory
from tests.factories.cities import PartnershipFactory, PlaceFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WORDS = {
    "en": {
        "username": "Username",
        "password": "Password",
        "log in": "Log in",
        "new event": "New event",
        "save": "Save",
        "add session": "Add a session",
        "delegations": "Delegations",
        "register delegation": "Register a delegation",
        "add member": "Add the member",
        "badges": "Badges",
        "print badges": "Print the badges (PDF)",
        "saved": "Your changes are saved.",
        "edit delegation": "Edit the delegation",
        "delegation of": "Delegation of Dunedin",
    },
    "zh-hans": {
        "username": "用户名",
        "password": "密码",
        "log in": "登录",
        "new event": "新建活动",
        "save": "保存",
        "add session": "添加场次",
        "delegations": "代表团",
        "register delegation": "登记代表团",
        "add member": "添加该成员",
        "badges": "证件",
        "print badges": "打印证件（PDF）",
        "saved": "修改已保存。",
        "edit delegation": "编辑代表团",
        "delegation of": "达尼丁代表团",
    },
}
LANGUAGES = ["en", "zh-hans"]


def log_in(page, base: str, lang: str, username: str, next_path: str) -> None:
    words = WORDS[lang]
    page.goto(f"{base}/{lang}/accounts/login/?next={next_path}")
    page.get_by_label(words["username"]).fill(username)
    page.get_by_label(words["password"]).fill(PASSWORD)
    page.get_by_role("button", name=words["log in"], exact=True).click()
    page.wait_for_url(f"**{next_path}")


def add_session(page, words, title: str, starts: str, ends: str) -> None:
    page.get_by_role("link", name=words["add session"]).click()
    page.locator("#id_kind").select_option("plenary")
    page.locator("#id_title_en").fill(title)
    page.locator("#id_starts_at").fill(starts)
    page.locator("#id_ends_at").fill(ends)
    page.locator("#id_room").fill("Main hall")
    page.get_by_role("button", name=words["save"]).click()
    expect(page.locator(".data-table")).to_contain_text(title)


def add_member(page, words, role: str, name_en: str, name_zh: str) -> None:
    page.locator("#id_member-role").select_option(role)
    page.locator("#id_member-name_en").fill(name_en)
    page.locator("#id_member-name_zh").fill(name_zh)
    page.get_by_role("button", name=words["add member"]).click()
    expect(page.locator("#members-heading + table")).to_contain_text(name_en)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_organiser_prepares_an_event_and_the_delegate_edits_their_delegation(
    page, browser, live_server, lang
):
    words = WORDS[lang]
    dunedin = PartnershipFactory(place=PlaceFactory(name_en="Dunedin", name_zh="达尼丁")).place
    organiser = OrganiserFactory()
    log_in(page, live_server.url, lang, organiser.username, f"/{lang}/events/")

    page.get_by_role("link", name=words["new event"]).first.click()
    page.locator("#id_name_en").fill("Friendship Forum 2031")
    page.locator("#id_name_zh").fill("2031友城论坛")
    page.locator("#id_kind").select_option("forum")
    page.locator("#id_starts_on").fill("2031-11-27")
    page.locator("#id_ends_on").fill("2031-11-28")
    page.locator("#id_is_published").check()
    page.get_by_role("button", name=words["save"]).click()
    expect(page.locator("h1")).to_contain_text("2031")
    add_session(page, words, "Opening", "2031-11-28T09:00", "2031-11-28T10:00")
    add_session(page, words, "Trade panel", "2031-11-28T10:00", "2031-11-28T11:30")

    page.get_by_role("link", name=words["delegations"], exact=True).click()
    page.get_by_role("link", name=words["register delegation"]).click()
    page.locator("#id_place").select_option(str(dunedin.pk))
    page.get_by_role("button", name=words["save"]).click()
    add_member(page, words, "head", "Aroha Head", "阿罗哈")
    add_member(page, words, "interpreter", "Wei Interpreter", "魏译")

    event = Event.objects.get()
    page.goto(f"{live_server.url}/{lang}/events/{event.pk}/?tab=badges")
    badges = page.get_by_role("link", name=words["print badges"])
    response = page.request.get(live_server.url + badges.get_attribute("href"))
    assert response.headers["content-type"] == "application/pdf"
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(response.body())).pages)
    assert "阿罗哈" in text

    delegate = DelegateFactory(partner_place=dunedin)
    context = browser.new_context(locale="en-GB")
    try:
        own = context.new_page()
        log_in(own, live_server.url, lang, delegate.username, f"/{lang}/events/me/")
        own.get_by_role("link", name=words["delegation of"]).click()
        expect(own.locator("#members-heading + table")).to_contain_text("Aroha Head")
        own.get_by_role("link", name=words["edit delegation"]).click()
        own.locator("#id_arrival_flight").fill("NZ289")
        own.locator("#id_arrival_at").fill("2031-11-26T17:35")
        own.get_by_role("button", name=words["save"]).click()
        expect(own.get_by_role("status")).to_contain_text(words["saved"])
    finally:
        context.close()
    assert Delegation.objects.get().arrival_flight == "NZ289"
    assert Event.objects.get().sessions.count() == 2
