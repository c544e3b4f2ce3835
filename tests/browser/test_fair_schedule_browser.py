"""The schedule in a real browser: the organiser starts a run, sees its progress and then the
preview, uses it and publishes; a participant opens its agenda in Chinese and downloads its
calendar (ICS). No Content Security Policy violation and no console error on the way."""

import icalendar
import pytest
from playwright.sync_api import expect

from amity.fair.models import Meeting, Participant, Publication
from tests.browser.test_fair_browser import log_in
from tests.factories.accounts import EnterpriseUserFactory, OrganiserFactory
from tests.fair.schedule_helpers import small_fair

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_organiser_schedules_and_publishes_and_a_participant_gets_the_agenda_in_chinese(
    page, live_server, console_problems
):
    base = live_server.url
    page.set_default_timeout(60_000)
    fair, people, _requests, _slots = small_fair()
    Participant.objects.filter(pk=people[1].pk).update(name_zh="杭州茶业（测试）")
    Participant.objects.filter(pk=people[0].pk).update(name_zh="上海港务（测试）")
    organiser = OrganiserFactory()
    member = EnterpriseUserFactory(organisation=people[1].organisation)

    # The organiser starts a run; tests run tasks at once, so its job page shows it finished.
    log_in(page, base, "en", organiser.username)
    page.goto(f"{base}/en/fair/{fair.pk}/schedule/")
    page.locator("[name=time_limit]").fill("2")
    page.get_by_role("button", name="Start a run", exact=True).click()
    page.wait_for_url("**/en/jobs/**")
    progress = page.locator(".job-status progress")
    expect(page.locator(".job-status--succeeded")).to_have_count(1)
    assert progress.get_attribute("value") == progress.get_attribute("max")

    # The preview, then the schedule is used and published.
    page.get_by_role("link", name="Open the result").click()
    expect(page.locator('[data-count="scheduled"]')).to_have_text("3 / 3")
    page.get_by_role("button", name="Use this schedule").click()
    page.wait_for_url(f"**/en/fair/{fair.pk}/schedule/")
    page.get_by_role("button", name="Publish preliminary").click()
    expect(page.locator("body")).to_contain_text("The schedule is published")
    assert Publication.objects.filter(fair=fair).count() == 1

    # The participant reads its agenda in Chinese and downloads the calendar.
    log_in(page, base, "zh-hans", member.username)
    page.goto(f"{base}/zh-hans/fair/participants/{people[1].pk}/agenda/")
    expect(page.locator("h1")).to_contain_text("杭州茶业（测试）")
    expect(page.locator("table.agenda tbody tr")).to_have_count(1)
    expect(page.locator("table.agenda")).to_contain_text("上海港务（测试）")
    feed = page.request.get(page.locator("[data-feed]").get_attribute("href"))
    events = icalendar.Calendar.from_ical(feed.body()).walk("VEVENT")
    meeting = Meeting.objects.get(request__receiver=people[1])

    assert feed.status == 200
    assert [str(event["uid"]) for event in events] == [meeting.uid]
    assert console_problems == []
