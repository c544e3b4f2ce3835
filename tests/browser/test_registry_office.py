"""The office's first day in a real browser, in English and in Chinese: the login lock, the
language switch, adding records on a partner's page, and managing people."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from amity.accounts.models import User
from amity.cities.models import Exchange
from tests.factories.accounts import PASSWORD, OrganiserFactory
from tests.factories.cities import PartnershipFactory, PlaceFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WORDS = {
    "en": {
        "username": "Username",
        "password": "Password",
        "log in": "Log in",
        "locked": "Too many failed attempts",
        "add visit": "Add a visit or event",
        "title": "Title (English)",
        "starts": "Starts",
        "save": "Save",
        "visit saved": "The visit or event is on the timeline.",
        "people": "People",
        "invite": "Invite a person",
        "email": "E-mail address",
        "role": "Role",
        "city": "Partner city",
        "send": "Send the invitation",
        "invited": "An invitation is on its way to",
        "pending": "Invitation pending",
        "new password": "New password",
        "again": "New password again",
        "set password": "Set my password",
        "deactivate": "Deactivate",
        "deactivated": "can no longer log in",
        "delegate": "Delegate",
        "language": "Language of the invitation",
    },
    "zh-hans": {
        "username": "用户名",
        "password": "密码",
        "log in": "登录",
        "locked": "失败次数过多",
        "add visit": "添加访问或活动",
        "title": "标题（英文）",
        "starts": "开始",
        "save": "保存",
        "visit saved": "访问或活动已加入时间线。",
        "people": "人员",
        "invite": "邀请一位用户",
        "email": "电子邮件地址",
        "role": "角色",
        "city": "友好城市",
        "send": "发送邀请",
        "invited": "邀请已发送至",
        "pending": "待接受邀请",
        "new password": "新密码",
        "again": "再次输入新密码",
        "set password": "设置密码",
        "deactivate": "停用",
        "deactivated": "已无法登录",
        "delegate": "代表",
        "language": "邀请邮件的语言",
    },
}
LANGUAGES = ["en", "zh-hans"]


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


def log_in(page, base: str, lang: str, username: str, password: str, next_path: str = ""):
    words = WORDS[lang]
    page.goto(f"{base}/{lang}/accounts/login/" + (f"?next={next_path}" if next_path else ""))
    page.get_by_label(words["username"]).fill(username)
    page.get_by_label(words["password"]).fill(password)
    page.get_by_role("button", name=words["log in"], exact=True).click()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_one_persons_typos_lock_only_that_person(page, live_server, lang, settings):
    typist, colleague = OrganiserFactory.create_batch(2)
    words = WORDS[lang]
    for _ in range(settings.AMITY_LOGIN_RATE_LIMIT):
        log_in(page, live_server.url, lang, typist.username, "wrong")

    log_in(page, live_server.url, lang, typist.username, PASSWORD)
    expect(page.get_by_role("alert")).to_contain_text(words["locked"])

    # Same browser, same address: the colleague still gets in.
    log_in(page, live_server.url, lang, colleague.username, PASSWORD, f"/{lang}/network/")
    page.wait_for_url(f"**/{lang}/network/")


@pytest.mark.parametrize(("first", "second"), [("en", "zh-hans"), ("zh-hans", "en")])
def test_the_language_switch_works_after_choosing_the_other_language_once(
    page, live_server, first, second
):
    switch = {"en": "English", "zh-hans": "简体中文"}
    page.goto(f"{live_server.url}/{first}/")
    page.get_by_role("button", name=switch[second]).click()
    page.wait_for_url(f"**/{second}/")

    # An address in the first language again (a bookmark, a shared link) …
    page.goto(f"{live_server.url}/{first}/network/")
    assert page.locator("html").get_attribute("lang") == first
    # … and the switch still leads to the same page in the other language.
    page.get_by_role("button", name=switch[second]).click()
    page.wait_for_url(f"**/{second}/network/")
    assert page.locator("html").get_attribute("lang") == second


@pytest.mark.parametrize("lang", LANGUAGES)
def test_an_organiser_adds_a_visit_on_the_partners_page(page, live_server, lang, csp_violations):
    organiser = OrganiserFactory()
    partnership = PartnershipFactory()
    words = WORDS[lang]
    detail = f"/{lang}/partners/{partnership.pk}/"
    log_in(page, live_server.url, lang, organiser.username, PASSWORD, detail)
    page.wait_for_url(f"**{detail}")

    page.get_by_role("link", name=words["add visit"]).click()
    form = page.locator(".record-form")
    expect(form).to_be_visible()
    assert page.url.endswith(detail)  # opened in place, by htmx
    form.get_by_label(words["title"]).fill("Mayor's visit")
    form.get_by_label(words["starts"], exact=True).fill("2024-04-09")
    form.get_by_role("button", name=words["save"]).click()

    expect(page.get_by_role("status")).to_contain_text(words["visit saved"])
    expect(page.locator(".timeline")).to_contain_text("Mayor's visit")
    assert Exchange.objects.get().title_en == "Mayor's visit"
    assert csp_violations == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_an_organiser_invites_a_delegate_who_sets_a_password_then_is_deactivated(
    page, browser, live_server, lang, csp_violations
):
    organiser = OrganiserFactory()
    dunedin = PartnershipFactory(place=PlaceFactory(name_en="Dunedin", name_zh="达尼丁")).place
    words = WORDS[lang]
    log_in(page, live_server.url, lang, organiser.username, PASSWORD, f"/{lang}/network/")
    page.wait_for_url(f"**/{lang}/network/")

    page.get_by_role("link", name=words["people"], exact=True).click()
    page.get_by_role("link", name=words["invite"]).first.click()
    page.get_by_label(words["email"]).fill("aroha@dunedin.example")
    page.get_by_label(words["role"]).select_option("delegate")
    page.get_by_label(words["city"]).select_option(str(dunedin.pk))
    page.get_by_label(words["language"]).select_option(lang)
    page.get_by_role("button", name=words["send"]).click()
    expect(page.get_by_role("status")).to_contain_text(words["invited"])
    expect(page.locator(".people-table")).to_contain_text(words["pending"])

    # The invitee opens the link of the e-mail in a browser of their own.
    link = re.search(r"https?://\S+", mail.outbox[-1].body).group(0)
    path = link.split("/", 3)[3]
    assert path.startswith(f"{lang}/")  # the link is in the language chosen for the invitee
    context = browser.new_context(locale="en-GB")
    try:
        invitee = context.new_page()
        invitee.goto(f"{live_server.url}/{path}")
        invitee.get_by_label(words["new password"], exact=True).fill("a long Dunedin passphrase")
        invitee.get_by_label(words["again"]).fill("a long Dunedin passphrase")
        invitee.get_by_role("button", name=words["set password"]).click()
        invitee.wait_for_url(f"**/{lang}/**")
        invitee.wait_for_load_state()
    finally:
        context.close()
    assert User.objects.get(email="aroha@dunedin.example").is_active

    page.reload()
    row = page.locator(".people-table tr", has_text="aroha@dunedin.example")
    expect(row).to_contain_text(words["delegate"])
    row.get_by_role("button", name=words["deactivate"]).click()
    expect(page.get_by_role("status")).to_contain_text(words["deactivated"])
    assert not User.objects.get(email="aroha@dunedin.example").is_active
    assert csp_violations == []
