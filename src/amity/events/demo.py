"""The demo event: the 2023 Shanghai International Friendship Cities Cooperation Forum.

Real facts follow China Daily's report (republished on the Shanghai government's English
portal) and, where named, Xinhua's: two days, city tours and a business matching fair on
Thursday 30 November 2023, the forum on Friday 1 December; delegations from 13 cities in 12
countries including Dunedin, Vientiane, Johannesburg and Los Angeles; the opening speech by
Vice-Mayor Hua Yuan; Dunedin's mayor Jules Radich; two forum sessions (smart cities, economic
and trade cooperation). Every such fact carries its source URL. The other nine cities, the
members, flights, hotels, rooms and session times are invented and flagged ``is_demo``.
"""

from __future__ import annotations

import datetime
from zoneinfo import ZoneInfo

from django.db import transaction

from amity.accounts.models import User
from amity.cities.demo_data import FORUM_CITIES, FORUM_DAY_1, FORUM_DAY_2
from amity.cities.models import Partnership
from amity.events.domain.attendees import add_attendee
from amity.events.domain.delegations import register_delegation
from amity.events.domain.programme import add_speaker, save_session
from amity.events.models import (
    Delegation,
    Event,
    EventKind,
    EventStatus,
    InvitationStatus,
    Session,
    SessionKind,
    Venue,
)

CHINA_DAILY = (
    "https://english.shanghai.gov.cn/en-Latest-WhatsNew/20231210/"
    "3e27c8b853df41348331807ad1a0d1b0.html"
)
XINHUA = "http://en.people.cn/n3/2023/1204/c90000-20105506.html"
SHANGHAI = ZoneInfo("Asia/Shanghai")
FORUM_NAME = "2023 Shanghai International Friendship Cities Cooperation Forum"

# Speakers the reports name: (city or None for Shanghai, name, role, title, source).
NAMED_SPEAKERS = {
    "Dunedin": ("Jules Radich", "Mayor of Dunedin", CHINA_DAILY),
    "Los Angeles": (
        "Wajenda Chambeshi",
        "Director of International Relations, Policy and Protocol, City of Los Angeles",
        XINHUA,
    ),
}
# Invented members: a Latin name and its Chinese transliteration, for badges in both scripts.
DEMO_PEOPLE = (
    ("Alex Morgan", "亚历克斯·摩根"),
    ("Sam Taylor", "萨姆·泰勒"),
    ("Jordan Lee", "乔丹·李"),
    ("Casey Brown", "凯西·布朗"),
    ("Robin Clarke", "罗宾·克拉克"),
    ("Avery Quinn", "埃弗里·奎因"),
)
DEMO_ROLES = ("official", "business", "interpreter", "staff", "press")
# Invented flights landing at Pudong (UTC hour on 29 November), and hotels.
HOTELS = ("Bund Riverside Hotel (demo data)", "Pudong Garden Hotel (demo data)")


def _at(day: datetime.date, hour: int, minute: int = 0) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=SHANGHAI)


def forum_2023() -> Event:
    """The demo forum, created (with its programme and delegations) on first call."""
    existing = Event.objects.filter(name_en=FORUM_NAME, starts_on=FORUM_DAY_1).first()
    return existing if existing is not None else _create_forum()


@transaction.atomic
def _create_forum() -> Event:
    event = Event.objects.create(
        name_en=FORUM_NAME,
        name_zh="2023上海国际友好城市合作论坛",
        kind=EventKind.FORUM,
        status=EventStatus.HELD,
        time_zone="Asia/Shanghai",
        starts_on=FORUM_DAY_1,
        ends_on=FORUM_DAY_2,
        description_en=(
            "Two days with Shanghai's friendship cities: city tours and a business matching "
            "fair on Thursday, the forum on Friday (source: China Daily). Rooms, times, "
            "members, flights and hotels are demo data."
        ),
        description_zh=(
            "与上海友好城市共度两天：周四城市参观和企业对接会，周五论坛（来源：中国日报）。"
            "会场、时间、成员、航班和酒店为演示数据。"
        ),
        is_published=True,
    )
    venue = Venue.objects.create(
        name_en="Forum conference centre (demo data)",
        name_zh="论坛会议中心（演示数据）",
        is_demo=True,
    )
    event.venues.add(venue)
    partnerships = {
        p.place.name_en: p
        for p in Partnership.objects.select_related("place").filter(
            place__name_en__in=[city for city, _head, _size in FORUM_CITIES], level="municipal"
        )
    }
    delegations = _add_delegations(event, partnerships)
    # The registry's demo already has the forum on these partners' timelines (its own demo
    # entries, one per day): link without adding a third.
    event.partnerships.set(partnerships.values())
    _add_programme(event, venue, delegations)
    return event


def _add_delegations(event: Event, partnerships: dict[str, Partnership]) -> dict[str, Delegation]:
    delegations = {}
    for order, (city, head_title, size) in enumerate(FORUM_CITIES, 1):
        partnership = partnerships.get(city)
        if partnership is None:
            continue
        lands = datetime.datetime(2023, 11, 29, 1, 0, tzinfo=datetime.UTC) + datetime.timedelta(
            minutes=47 * order
        )
        delegation = register_delegation(
            event=event,
            place=partnership.place,
            is_demo=True,
            protocol_order=order,
            arrival_flight=f"DM{100 + order}",
            arrival_at=lands,
            departure_flight=f"DM{200 + order}",
            departure_at=lands + datetime.timedelta(days=3, hours=5),
            hotel=HOTELS[order % 2],
            interpreter_languages="en" if order % 3 else "en,es",
            dietary_needs="Vegetarian (1) — demo data" if order % 4 == 0 else "",
            invitation_status=InvitationStatus.VISA_GRANTED,
        )
        delegations[city] = delegation
        named = NAMED_SPEAKERS.get(city)
        head_name, head_zh = (named[0], "") if named else DEMO_PEOPLE[order % len(DEMO_PEOPLE)]
        add_attendee(
            delegation=delegation,
            is_demo=named is None,
            role="head",
            name_en=head_name if named else f"{head_name} ({city})",
            name_zh=head_zh,
            title_en=named[1] if named else head_title,
            organisation_name=f"City of {city}",
        )
        for index in range(1, size):
            name, name_zh = DEMO_PEOPLE[(order + index) % len(DEMO_PEOPLE)]
            add_attendee(
                delegation=delegation,
                is_demo=True,
                role=DEMO_ROLES[index % len(DEMO_ROLES)],
                name_en=f"{name} ({city} {index})",
                name_zh=f"{name_zh}{index}",
                organisation_name=f"City of {city}",
                email=f"{city.lower().replace(' ', '-')}-{index}@demo.example",
            )
    _link_demo_delegate(delegations.get("Dunedin"))
    return delegations


def _link_demo_delegate(delegation: Delegation | None) -> None:
    """The demo delegate account is the coordinator of Dunedin's delegation."""
    user = User.objects.filter(username="delegate").first()
    if delegation is None or user is None:
        return
    add_attendee(
        delegation=delegation,
        user=user,
        is_demo=True,
        role="staff",
        name_en="Delegation coordinator (demo data)",
        name_zh="代表团联络员（演示数据）",
        organisation_name="City of Dunedin",
    )


def _add_programme(event: Event, venue: Venue, delegations: dict[str, Delegation]) -> None:
    common = {"venue": venue, "source_url": CHINA_DAILY}
    save_session(
        event=event,
        kind=SessionKind.CITY_TOUR,
        title_en="City tours for the visiting delegations",
        title_zh="友城代表团城市参观",
        starts_at=_at(FORUM_DAY_1, 9),
        ends_at=_at(FORUM_DAY_1, 12),
        room="",
        languages="en,zh",
        description_en="Named in the report; the times are demo data.",
        description_zh="见于报道；时间为演示数据。",
        **{**common, "venue": None},
    )
    save_session(
        event=event,
        kind=SessionKind.BUSINESS_MATCHING,
        title_en="Business matching fair with Shanghai enterprises",
        title_zh="友城企业对接会",
        starts_at=_at(FORUM_DAY_1, 14),
        ends_at=_at(FORUM_DAY_1, 17, 30),
        room="Hall B (demo data)",
        languages="en,zh",
        interpretation=False,
        description_en="Named in the report; the room and times are demo data.",
        description_zh="见于报道；会场和时间为演示数据。",
        **common,
    )
    opening = save_session(
        event=event,
        kind=SessionKind.PLENARY,
        title_en="Opening of the forum",
        title_zh="论坛开幕式",
        starts_at=_at(FORUM_DAY_2, 9),
        ends_at=_at(FORUM_DAY_2, 10),
        room="Main hall (demo data)",
        languages="en,zh",
        interpretation=True,
        description_en="Theme: Deepening friendship cities cooperation and promoting "
        "high-quality development. Times and room are demo data.",
        description_zh="主题：深化友城合作，促进高质量发展。时间和会场为演示数据。",
        **common,
    )
    add_speaker(
        opening,
        name_en="Hua Yuan",
        role_en="Opening speech; Vice-Mayor of Shanghai",
        role_zh="开幕致辞；上海市副市长",
        order=1,
        source_url=CHINA_DAILY,
    )
    save_session(
        event=event,
        kind=SessionKind.PANEL,
        title_en="Smart city development and deepening cooperation between friendship cities",
        title_zh="智慧城市发展与深化友城合作",
        starts_at=_at(FORUM_DAY_2, 10, 15),
        ends_at=_at(FORUM_DAY_2, 12),
        room="Main hall (demo data)",
        languages="en,zh",
        interpretation=True,
        **{**common, "source_url": XINHUA},
    )
    save_session(
        event=event,
        kind=SessionKind.PANEL,
        title_en="Economic and trade cooperation and the high-quality development of "
        "friendship cities",
        title_zh="经贸合作与友城高质量发展",
        starts_at=_at(FORUM_DAY_2, 14),
        ends_at=_at(FORUM_DAY_2, 16),
        room="Main hall (demo data)",
        languages="en,zh",
        interpretation=True,
        **{**common, "source_url": XINHUA},
    )
    # The reports name these speakers at the forum without saying in which session: the
    # opening, where the partner cities' mayors and representatives spoke.
    for order, city in enumerate(("Dunedin", "Los Angeles"), 2):
        delegation = delegations.get(city)
        if delegation is None:
            continue
        head = delegation.members.get(role="head")
        _name, title, source = NAMED_SPEAKERS[city]
        add_speaker(
            opening,
            attendee=head,
            role_en=title,
            place=delegation.place,
            order=order,
            source_url=source,
        )
    banquet = save_session(
        event=event,
        kind=SessionKind.BANQUET,
        title_en="Welcome dinner (demo data)",
        title_zh="欢迎晚宴（演示数据）",
        starts_at=_at(FORUM_DAY_2, 18, 30),
        ends_at=_at(FORUM_DAY_2, 20, 30),
        room="Banquet hall (demo data)",
        languages="en,zh",
        venue=venue,
    )
    Session.objects.filter(pk=banquet.pk).update(is_demo=True)


def load_demo() -> list[str]:
    event = forum_2023()
    return [
        f"Events: {event.name_en} with {event.sessions.count()} sessions and "
        f"{event.delegations.count()} delegations ({event.attendees.count()} people); "
        "members, flights and hotels are labelled demo data."
    ]
