"""The fair's day to the end, in a real browser, on a fair whose morning is under way: a side
marks a no-show and the freed slot is offered only to a waiting pair whose two sides are
checked in; that pair accepts it in one click from an agenda, and the new meeting shows on both
agendas (one of them in Chinese) and in both calendar feeds, where the no-show is cancelled and
cannot be marked back any more. Then a side marks a meeting held,
records its one-question outcome with a note in Chinese, the other side answers in English, and
the organiser's dashboard, in Chinese, counts both. Each step asserts on what a person sees and
on the database."""

from datetime import timedelta
from zoneinfo import ZoneInfo

import icalendar
import pytest
from django.utils import timezone
from playwright.sync_api import expect

from amity.fair.domain.publish import publish
from amity.fair.domain.schedule import add_meeting, sync_slots
from amity.fair.models import (
    FairSession,
    FreedSlot,
    FreedSlotState,
    Meeting,
    MeetingOutcome,
    MeetingStatus,
    OutcomeRating,
    RequestState,
    SessionPart,
    SlotOffer,
    Table,
)
from tests.browser.test_fair_browser import log_in
from tests.factories.accounts import EnterpriseUserFactory, OrganiserFactory
from tests.factories.events import RegistrantFactory, RegistrationFactory
from tests.factories.fair import FairFactory, MeetingRequestFactory, ParticipantFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NAMES = {
    "met": ("Harbour Logistics", "港口物流"),
    "host": ("Dunedin Woollens", "达尼丁羊毛"),
    "waiting": ("Vientiane Silk", "万象丝绸"),
    "present": ("Joburg Solar", "约堡太阳能"),
    "absent": ("Port of LA Tech", "洛杉矶港科技"),
}


@pytest.fixture
def live_day():
    """Five enterprises at a fair whose morning began two to three minutes ago (20-minute
    slots, so a slot freed now is still worth offering for another seven minutes or more):
    ``met`` and ``host`` meet in the first slot; ``host``–``waiting`` and ``present``–``absent``
    are accepted pairs without a meeting. Everybody is free in the first slot; only the
    badges of ``host``, ``waiting`` and ``present`` are to be checked in."""
    start = timezone.now().replace(second=0, microsecond=0) - timedelta(minutes=2)
    fair = FairFactory(
        slot_minutes=20,
        pause_minutes=5,
        event__starts_on=start.date(),
        event__ends_on=start.date(),
    )
    FairSession.objects.create(
        fair=fair,
        part=SessionPart.MORNING,
        starts_at=start,
        ends_at=start + timedelta(minutes=100),
    )
    tables = [Table.objects.create(fair=fair, number=n) for n in (1, 2, 3)]
    slots = sorted(sync_slots(fair), key=lambda s: s.starts_at)
    people = {
        key: ParticipantFactory(fair=fair, organisation__name_en=en, organisation__name_zh=zh)
        for key, (en, zh) in NAMES.items()
    }

    def accepted(sender: str, receiver: str):
        return MeetingRequestFactory(
            fair=fair, sender=people[sender], receiver=people[receiver], state=RequestState.ACCEPTED
        )

    requests = {
        "met": accepted("met", "host"),
        "waiting": accepted("host", "waiting"),
        "absent": accepted("present", "absent"),
    }
    one = add_meeting(requests["met"], slot=slots[0], table=tables[0])
    organiser = OrganiserFactory()
    assert publish(fair, "preliminary", by=organiser) is not None
    badges = {
        key: RegistrantFactory(
            registration=RegistrationFactory(event=fair.event, organisation=p.organisation),
            name_en=f"Rep of {p.name_en}",
        )
        for key, p in people.items()
    }
    members = {key: EnterpriseUserFactory(organisation=p.organisation) for key, p in people.items()}
    return {
        "fair": fair,
        "people": people,
        "requests": requests,
        "slots": slots,
        "tables": tables,
        "one": one,
        "organiser": organiser,
        "badges": badges,
        "members": members,
    }


def _local_time(slot, fair) -> str:
    """A slot's start as the pages show it: hours and minutes in the fair's time zone."""
    return slot.starts_at.astimezone(ZoneInfo(fair.event.time_zone)).strftime("%H:%M")


def _open_agenda(page, base: str, lang: str, member) -> None:
    """Log in as a member of the enterprise and follow its home page's Agenda button."""
    log_in(page, base, lang, member.username)
    page.get_by_role("link", name={"en": "Agenda", "zh-hans": "日程"}[lang], exact=True).click()
    page.wait_for_url("**/agenda/")


def _feed(page) -> dict[str, tuple]:
    """The calendar feed the open agenda page links: {uid: (start, status)}."""
    response = page.request.get(page.locator("[data-feed]").get_attribute("href"))
    assert response.status == 200
    events = icalendar.Calendar.from_ical(response.body()).walk("VEVENT")
    return {str(e["uid"]): (e.decoded("dtstart"), str(e["status"])) for e in events}


def _scan(page, token: str) -> None:
    code = page.get_by_label("Scan the badge (or type its code)")
    code.fill(token)
    code.press("Enter")


def test_a_no_show_slot_goes_to_a_waiting_pair_checked_in_and_is_taken_in_one_click(
    page, live_server, live_day, console_problems
):
    base, fair, people = live_server.url, live_day["fair"], live_day["people"]
    one, first_slot = live_day["one"], live_day["slots"][0]

    # The organiser scans the badges of three enterprises; Port of LA Tech has not come.
    log_in(page, base, "en", live_day["organiser"].username)
    page.get_by_role("link", name="Check-in", exact=True).click()
    for key in ("host", "waiting", "present"):
        _scan(page, live_day["badges"][key].checkin_token)
        expect(page.locator(".messages")).to_contain_text(
            f"Rep of {people[key].name_en} is checked in ({people[key].name_en})."
        )

    # Harbour Logistics does not turn up: Dunedin Woollens marks it from its agenda.
    _open_agenda(page, base, "en", live_day["members"]["host"])
    expect(page.locator('[data-section="offers"]')).to_have_count(0)
    page.locator(f'tr[data-meeting="{one.pk}"]').get_by_role(
        "button", name="No-show", exact=True
    ).click()
    expect(page.locator(".messages")).to_contain_text("The meeting is marked No-show.")

    # The freed slot is offered to the waiting pair whose sides are both here, not to the pair
    # with a side not checked in (both are free in the slot and under their caps).
    offers = page.locator('[data-section="offers"]')
    expect(offers.get_by_role("heading")).to_have_text("Free slots offered to you")
    offer = offers.locator("li", has_text="Vientiane Silk")
    expect(offer).to_have_count(1)
    expect(offer).to_contain_text(_local_time(first_slot, fair))
    freed = FreedSlot.objects.get(source=one)
    assert freed.slot_id == first_slot.pk
    assert [o.request_id for o in SlotOffer.objects.filter(freed_slot=freed)] == [
        live_day["requests"]["waiting"].pk
    ]

    # One click on the agenda takes it: the new meeting is in the freed slot at a free table.
    offer.get_by_role("button", name="Accept this slot", exact=True).click()
    expect(page.locator(".messages")).to_contain_text("Accepted: the meeting is in both agendas.")
    expect(page.locator('[data-section="offers"]')).to_have_count(0)
    new = Meeting.objects.get(
        request=live_day["requests"]["waiting"], status=MeetingStatus.SCHEDULED
    )
    assert (new.slot_id, new.table_id) == (first_slot.pk, live_day["tables"][1].pk)
    freed.refresh_from_db()
    assert (freed.state, freed.filled_by_id) == (FreedSlotState.TAKEN, new.pk)
    row = page.locator(f'tr[data-meeting="{new.pk}"]')
    expect(row.locator("td").nth(0)).to_contain_text(_local_time(first_slot, fair))
    expect(row.locator("td").nth(1)).to_have_text("2")
    expect(row.locator("td").nth(2)).to_have_text("Vientiane Silk")
    expect(row.locator("td").nth(5)).to_have_text("Scheduled")

    # A slip of the finger on the old row cannot seat Dunedin Woollens twice in the slot.
    old = page.locator(f'tr[data-meeting="{one.pk}"]')
    old.get_by_role("button", name="Held", exact=True).click()
    expect(page.locator(".messages")).to_contain_text(
        "Its slot went to a replacement meeting: this meeting stays a no-show."
    )
    expect(old.locator("td").nth(5)).to_have_text("No-show")
    assert Meeting.objects.get(pk=one.pk).status == MeetingStatus.NO_SHOW
    # Its calendar keeps one meeting in the slot: the no-show leaves it, the new one is in.
    assert _feed(page) == {
        one.uid: (first_slot.starts_at, "CANCELLED"),
        new.uid: (first_slot.starts_at, "CONFIRMED"),
    }

    # The other side sees it on its agenda, in Chinese, and its calendar feed carries it.
    _open_agenda(page, base, "zh-hans", live_day["members"]["waiting"])
    row = page.locator(f'tr[data-meeting="{new.pk}"]')
    expect(row.locator("td").nth(0)).to_contain_text(_local_time(first_slot, fair))
    expect(row.locator("td").nth(2)).to_have_text("达尼丁羊毛")
    expect(row.locator("td").nth(5)).to_have_text("已排定")
    assert _feed(page) == {new.uid: (first_slot.starts_at, "CONFIRMED")}
    assert console_problems == []


def test_a_held_meetings_outcome_recorded_in_chinese_shows_on_the_dashboard(
    page, live_server, live_day, console_problems
):
    base, people, one = live_server.url, live_day["people"], live_day["one"]
    note = "下个月在达尼丁继续洽谈羊毛出口。"

    # Dunedin Woollens, in Chinese, marks the meeting held and answers the one question.
    _open_agenda(page, base, "zh-hans", live_day["members"]["host"])
    row = page.locator(f'tr[data-meeting="{one.pk}"]')
    expect(row.get_by_label("洽谈结果")).to_have_count(0)
    row.get_by_role("button", name="已举办", exact=True).click()
    expect(page.locator(".messages")).to_contain_text("会谈已标记为已举办。")
    expect(row.locator("td").nth(5)).to_have_text("已举办")
    row.get_by_label("洽谈结果").select_option(label="洽谈中")
    row.get_by_label("备注").fill(note)
    row.get_by_role("button", name="记录成果", exact=True).click()
    expect(page.locator(".messages")).to_contain_text("谢谢，成果已记录。")
    # Back on the agenda, the answer shows, and a second answer would start from it.
    expect(row.locator("[data-outcome]")).to_have_text("您记录的成果： 洽谈中")
    expect(row.get_by_label("洽谈结果")).to_have_value(OutcomeRating.NEGOTIATING)
    expect(row.get_by_label("备注")).to_have_value(note)

    # Harbour Logistics answers too, in English, without a note.
    _open_agenda(page, base, "en", live_day["members"]["met"])
    row = page.locator(f'tr[data-meeting="{one.pk}"]')
    expect(row.locator("td").nth(5)).to_have_text("Held")
    row.get_by_label("Outcome").select_option(label="Follow-up planned")
    row.get_by_role("button", name="Record the outcome", exact=True).click()
    expect(page.locator(".messages")).to_contain_text("Thank you: the outcome is recorded.")

    answers = {
        (o.participant_id, o.rating, o.note) for o in MeetingOutcome.objects.filter(meeting=one)
    }
    assert answers == {
        (people["host"].pk, OutcomeRating.NEGOTIATING, note),
        (people["met"].pk, OutcomeRating.FOLLOW_UP, ""),
    }

    # The organiser's dashboard, in Chinese, one click from the fair's overview.
    log_in(page, base, "zh-hans", live_day["organiser"].username)
    page.get_by_role("link", name="对接会数据看板", exact=True).click()
    expect(page.locator("h1")).to_contain_text("对接会数据看板")

    def bar(heading: str, label: str):
        card = page.locator(
            "section.card", has=page.get_by_role("heading", name=heading, exact=True)
        )
        return card.locator("g", has_text=label).locator("text").nth(1)

    expect(bar("成果", "洽谈中")).to_have_text("1")
    expect(bar("成果", "计划跟进")).to_have_text("1")
    expect(bar("成果", "无进一步联系")).to_have_text("0")
    expect(bar("成果", "已达成协议")).to_have_text("0")
    expect(bar("从请求到会谈", "已举办")).to_have_text("1")
    month = timezone.localdate().strftime("%Y-%m")
    cells = page.locator(f'[data-chart="outcomes-over-time"] tr[data-month="{month}"] td')
    expect(cells).to_have_text([month, "2", "0"])
    city = page.locator('[data-chart="per-city-outcomes"] tbody tr')
    expect(city.locator("td")).to_have_text(["上海", "1", "2", "0"])
    assert console_problems == []
