"""The fair's day in a real browser, on a small published fair: the organiser moves a meeting
and the participant's calendar feed updates its one entry; the organiser checks people in by
badge code and, in Chinese, by the manual name search; a side marks a meeting no-show from its
agenda. Each step asserts on what a person sees and on the database."""

from zoneinfo import ZoneInfo

import icalendar
import pytest
from playwright.sync_api import expect

from amity.fair.domain.publish import publish
from amity.fair.domain.schedule import add_meeting
from amity.fair.models import Meeting, MeetingStatus, Table
from tests.browser.test_fair_browser import log_in
from tests.factories.accounts import EnterpriseUserFactory, OrganiserFactory
from tests.factories.events import RegistrantFactory, RegistrationFactory
from tests.fair.schedule_helpers import small_fair

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def day():
    """Three participants, two placed meetings of the first one, published preliminary."""
    fair, people, requests, slots = small_fair(participants=3)
    tables = list(Table.objects.filter(fair=fair).order_by("number"))
    one = add_meeting(requests[0], slot=slots[0], table=tables[0])
    two = add_meeting(requests[1], slot=slots[1], table=tables[0])
    organiser = OrganiserFactory()
    assert publish(fair, "preliminary", by=organiser) is not None
    return {
        "fair": fair,
        "people": people,
        "slots": slots,
        "tables": tables,
        "one": one,
        "two": two,
        "organiser": organiser,
    }


def _feed_events(page, url: str) -> list[icalendar.Event]:
    response = page.request.get(url)
    assert response.status == 200
    return icalendar.Calendar.from_ical(response.body()).walk("VEVENT")


def _local_time(slot, fair) -> str:
    """A slot's start as the pages show it: hours and minutes in the fair's time zone."""
    return slot.starts_at.astimezone(ZoneInfo(fair.event.time_zone)).strftime("%H:%M")


def test_a_moved_meeting_updates_its_one_calendar_entry(page, live_server, day, console_problems):
    base, fair, people, one = live_server.url, day["fair"], day["people"], day["one"]
    target_slot, target_table = day["slots"][3], day["tables"][1]
    log_in(page, base, "en", day["organiser"].username)

    # The participant's feed address, as its agenda page links it.
    page.goto(f"{base}/en/fair/participants/{people[1].pk}/agenda/")
    feed_url = page.locator("[data-feed]").get_attribute("href")  # an absolute address
    before = _feed_events(page, feed_url)
    assert [str(event["uid"]) for event in before] == [one.uid]

    # A row's Move link opens the page's one move form for that meeting.
    page.goto(f"{base}/en/fair/{fair.pk}/schedule/")
    page.locator(f'tr[data-meeting="{one.pk}"] [data-action="move"]').click()
    move_form = page.locator('[data-form="move"]')
    expect(page.locator("#move")).to_contain_text("Move a meeting")
    move_form.locator("[name=slot]").select_option(str(target_slot.pk))
    move_form.locator("[name=table]").select_option(str(target_table.pk))
    move_form.get_by_role("button", name="Move", exact=True).click()
    expect(page.locator(".messages")).to_contain_text("The meeting is moved.")
    row = page.locator(f'tr[data-meeting="{one.pk}"]')
    expect(row.locator("td").nth(0)).to_contain_text(_local_time(target_slot, fair))
    expect(row.locator("td").nth(1)).to_have_text(str(target_table.number))

    one.refresh_from_db()
    assert (one.slot_id, one.table_id) == (target_slot.pk, target_table.pk)
    after = _feed_events(page, feed_url)
    assert [str(event["uid"]) for event in after] == [one.uid]
    assert after[0]["sequence"] > before[0]["sequence"]
    assert after[0].decoded("dtstart") == target_slot.starts_at
    assert console_problems == []


def test_the_organiser_checks_people_in_by_badge_and_in_chinese_by_name(
    page, live_server, day, console_problems
):
    base, fair, people = live_server.url, day["fair"], day["people"]
    scanned = RegistrantFactory(
        registration=RegistrationFactory(event=fair.event, organisation=people[1].organisation),
        name_en="Anna Berger",
    )
    searched = RegistrantFactory(
        registration=RegistrationFactory(event=fair.event, organisation=people[2].organisation),
        name_en="Li Wei",
        name_zh="李伟",
    )

    # A handheld scanner types the badge's code into the focused field and presses Enter.
    log_in(page, base, "en", day["organiser"].username)
    page.goto(f"{base}/en/fair/{fair.pk}/checkin/")
    code = page.get_by_label("Scan the badge (or type its code)")
    expect(code).to_be_focused()
    code.fill(scanned.checkin_token)
    code.press("Enter")
    expect(page.locator(".messages")).to_contain_text(
        f"Anna Berger is checked in ({people[1].name_en})."
    )
    scanned.refresh_from_db()
    assert scanned.checked_in_at is not None

    # The fallback, in Chinese: a search by the name in Chinese script, then its button.
    log_in(page, base, "zh-hans", day["organiser"].username)
    page.goto(f"{base}/zh-hans/fair/{fair.pk}/checkin/")
    expect(page.locator("h1")).to_contain_text("签到")
    page.get_by_label("姓名").fill("李伟")
    page.get_by_role("button", name="搜索", exact=True).click()
    found = page.locator("li", has_text="李伟")
    expect(found).to_have_count(1)
    found.get_by_role("button", name="签到", exact=True).click()
    expect(page.locator(".messages")).to_contain_text(f"Li Wei 已签到（{people[2].name_en}）。")
    searched.refresh_from_db()
    assert searched.checked_in_at is not None

    # Searched again, the badge now says so and offers no second check-in.
    page.get_by_label("姓名").fill("李伟")
    page.get_by_role("button", name="搜索", exact=True).click()
    expect(found.locator(".badge")).to_have_text("已签到")
    expect(found.get_by_role("button", name="签到", exact=True)).to_have_count(0)
    assert console_problems == []


def test_a_side_marks_a_meeting_no_show_from_its_agenda(page, live_server, day, console_problems):
    base, people, one, two = live_server.url, day["people"], day["one"], day["two"]
    member = EnterpriseUserFactory(organisation=people[1].organisation)
    log_in(page, base, "en", member.username)
    page.goto(f"{base}/en/fair/participants/{people[1].pk}/agenda/")
    row = page.locator(f'tr[data-meeting="{one.pk}"]')
    status = row.locator("td").nth(5)
    expect(status).to_have_text("Scheduled")

    row.get_by_role("button", name="No-show", exact=True).click()
    expect(page.locator(".messages")).to_contain_text("The meeting is marked No-show.")
    expect(status).to_have_text("No-show")

    assert Meeting.objects.get(pk=one.pk).status == MeetingStatus.NO_SHOW
    # The other side's other meeting is untouched.
    assert Meeting.objects.get(pk=two.pk).status == MeetingStatus.SCHEDULED
    assert console_problems == []
