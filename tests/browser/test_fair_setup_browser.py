"""In a real browser, in Chinese: an enterprise member adds a representative (the card
swaps in place with htmx, no reload) and unticks a slot in its availability grid."""

from datetime import UTC, datetime

import pytest
from playwright.sync_api import expect

from amity.fair.domain import add_session
from tests.browser.test_fair_browser import log_in
from tests.factories.accounts import EnterpriseUserFactory
from tests.factories.fair import FairFactory, ParticipantFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_member_edits_representatives_and_availability_in_chinese(page, live_server):
    base, lang = live_server.url, "zh-hans"
    fair = FairFactory(slot_minutes=20, pause_minutes=5)
    # 09:00–10:40 Shanghai time: four slots.
    morning = add_session(
        fair,
        part="morning",
        starts_at=datetime(2026, 5, 14, 1, tzinfo=UTC),
        ends_at=datetime(2026, 5, 14, 2, 40, tzinfo=UTC),
    )
    participant = ParticipantFactory(fair=fair)
    member = EnterpriseUserFactory(organisation=participant.organisation)
    log_in(page, base, lang, member.username)

    # Representatives: added and removed in place.
    page.goto(f"{base}/{lang}/fair/participants/{participant.pk}/")
    page.get_by_role("link", name="代表", exact=True).click()
    expect(page.locator("h1")).to_have_text("代表")
    page.evaluate("window.__kept = true")  # lost if the page reloads
    form = page.locator("#representative-form")
    form.get_by_label("电子邮箱").fill("not-an-address")
    form.locator("[name=name]").fill("王芳")
    form.get_by_role("button", name="添加", exact=True).click()
    expect(page.locator("#representative-form .errorlist")).to_be_visible()
    assert not participant.representatives.exists()
    page.locator("#representative-form [name=email]").fill("wang.fang@example.cn")
    page.locator("#representative-form").get_by_role("button", name="添加", exact=True).click()
    expect(page.locator("#people-card tbody")).to_contain_text("王芳")
    assert page.evaluate("window.__kept") is True
    assert participant.representatives.get().email == "wang.fang@example.cn"

    # Availability: the second slot (09:25) is unticked and saved.
    page.get_by_role("link", name="可会谈时间", exact=True).click()
    expect(page.locator(".availability-grid")).to_contain_text("09:25")
    page.get_by_label("09:25").uncheck()
    page.get_by_role("button", name="保存", exact=True).click()
    expect(page.locator(".availability-grid")).to_be_visible()
    expect(page.get_by_label("09:25")).not_to_be_checked()
    expect(page.get_by_label("09:50")).to_be_checked()
    assert list(participant.unavailable_slots.values_list("session_id", "slot")) == [
        (morning.pk, 1)
    ]
