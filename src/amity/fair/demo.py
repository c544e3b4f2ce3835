"""The demo fair: the 2023 forum's matching fair with 120 invented enterprises (demo data).

Idempotent: a second run finds what the first made and adds nothing twice. Every participant
and request goes through the domain actions, as a page would.
"""

from __future__ import annotations

import datetime
from datetime import UTC

from django.db import transaction
from django.utils import timezone

from amity.accounts.models import Organisation, Role, User
from amity.cities.models import Place
from amity.events.models import Event, EventKind, EventStatus
from amity.fair import domain
from amity.fair.demo_data import DISTRICTS, PARTNER_CITIES, SUFFIXES, THEMES
from amity.fair.models import (
    Fair,
    MeetingRequest,
    Participant,
    ParticipantStatus,
    SessionPart,
)
from amity.notifications.domain import set_daily_digest

FAIR_DAY = datetime.date(2023, 11, 30)
DEMO_ENTERPRISE = "Huangpu River Logistics Co. (demo)"
PARTNER_ENTERPRISE = "Jozi Smart Mobility (Pty) Ltd (demo)"
PARTNER_USERNAME = "partner"
DEMO_PASSWORD = "amity-demo"


def _forum_event() -> Event:
    try:
        from amity.events.demo import forum_2023  # the events domain's demo, when present
    except ImportError:
        forum_2023 = None
    if forum_2023 is not None:
        return forum_2023()
    event, _created = Event.objects.get_or_create(
        name_en="2023 Shanghai International Friendship Cities Cooperation Forum",
        defaults={
            "name_zh": "2023上海国际友好城市合作论坛",
            "kind": EventKind.FORUM,
            "status": EventStatus.HELD,
            "starts_on": FAIR_DAY,
            "ends_on": FAIR_DAY + datetime.timedelta(days=1),
            "description_en": "Day 1: city tours and the business matching fair. [demo data]",
            "description_zh": "第一天：城市参观与企业对接会。（演示数据）",
            "is_published": True,
            "is_demo": True,
        },
    )
    return event


def _utc(hour: int, minute: int = 0) -> datetime.datetime:
    # Shanghai is UTC+8 all year.
    return datetime.datetime(2023, 11, 30, hour - 8, minute, tzinfo=UTC)


def _fair(event: Event) -> Fair:
    fair = Fair.objects.filter(event=event).first()
    if fair is not None:
        return fair
    fair = domain.create_fair(
        event=event,
        is_demo=True,
        slot_minutes=20,
        pause_minutes=5,
        request_expiry_days=3,
        max_meetings=10,
        max_pending_requests=10,
        approval_required=True,
    )
    morning = domain.add_session(
        fair, part=SessionPart.MORNING, starts_at=_utc(9), ends_at=_utc(12)
    )
    afternoon = domain.add_session(
        fair, part=SessionPart.AFTERNOON, starts_at=_utc(13, 30), ends_at=_utc(17)
    )
    for number in range(1, 31):
        domain.add_table(fair, number=number)
    for name, languages in (
        ("Li Wei (demo)", ["zh", "en"]),
        ("Chen Jing (demo)", ["zh", "en"]),
        ("Tanaka Yui (demo)", ["ja", "zh"]),
        ("Kim Min-jun (demo)", ["ko", "zh"]),
    ):
        domain.add_interpreter(
            fair, name=name, languages=languages, sessions=[morning, afternoon], is_demo=True
        )
    return fair


def _profiles() -> list[dict]:
    """Sixty Shanghai enterprises (Chinese) and sixty from the partner cities (English)."""
    rows = []
    for i in range(60):
        _key, noun_en, noun_zh, sector, _ps, coop, offers, seeks, _po, _pr = THEMES[i % 8]
        district_en, district_zh = DISTRICTS[(i // 8) % 8]
        rows.append(
            {
                "name_en": f"{district_en} {noun_en} Co., Ltd (demo)",
                "name_zh": f"上海{district_zh}{noun_zh}有限公司（演示）",
                "city_name": "Shanghai",
                "country": "CN",
                "sectors": [sector],
                "languages": ["zh", "en"] if i % 3 == 0 else ["zh"],
                "description": f"{noun_zh}领域的上海企业。（演示数据）",
                "offer": offers[(i // 8) % len(offers)],
                "request": seeks[(i // 8) % len(seeks)],
                "cooperation": coop,
            }
        )
    for j in range(60):
        city, country, languages = PARTNER_CITIES[j % 13]
        theme = THEMES[(j + j // 13) % 8]
        _key, noun_en, _nz, _ss, sector, coop, _so, _sr, offers, seeks = theme
        rows.append(
            {
                "name_en": f"{city} {noun_en} {SUFFIXES[j % 5]} (demo)",
                "name_zh": "",
                "city_name": city,
                "country": country,
                "sectors": [sector],
                "languages": list(languages),
                "description": f"A {noun_en.lower()} enterprise from {city}. [demo data]",
                "offer": offers[j % len(offers)],
                "request": seeks[j % len(seeks)],
                "cooperation": coop,
            }
        )
    return rows


def _register(fair: Fair, by: User, row: dict, places: dict[str, Place]) -> Participant:
    organisation, _created = Organisation.objects.get_or_create(
        name_en=row["name_en"],
        defaults={
            "name_zh": row["name_zh"],
            "country": row["country"],
            "city_name": row["city_name"],
            "is_demo": True,
        },
    )
    existing = Participant.objects.filter(fair=fair, organisation=organisation).first()
    if existing is not None:
        return existing
    place = places.get(row["city_name"])
    location = {"place": place} if place else {"city_name": row["city_name"]}
    participant = domain.register_participant(
        fair=fair,
        organisation=organisation,
        by=by,
        is_demo=True,
        name_en=row["name_en"],
        name_zh=row["name_zh"] or organisation.name_zh,
        country=row["country"],
        sectors=row["sectors"],
        languages=row["languages"],
        description=row["description"],
        max_meetings=8,
        contact_email=f"contact+{organisation.pk}@demo.example",
        **location,
    )
    domain.add_opportunity(
        participant, kind="offer", title=row["offer"], cooperation=row["cooperation"], is_demo=True
    )
    domain.add_opportunity(
        participant,
        kind="request",
        title=row["request"],
        cooperation=row["cooperation"],
        is_demo=True,
    )
    domain.add_representative(
        participant,
        name=f"Representative of {row['name_en']}",
        email=f"rep+{organisation.pk}@demo.example",
        is_demo=True,
    )
    return participant


def _partner_account() -> User:
    organisation, _created = Organisation.objects.get_or_create(
        name_en=PARTNER_ENTERPRISE,
        defaults={"country": "ZA", "city_name": "Johannesburg", "is_demo": True},
    )
    user, created = User.objects.get_or_create(
        username=PARTNER_USERNAME,
        defaults={
            "role": Role.ENTERPRISE,
            "organisation": organisation,
            "email": "partner@demo.example",
        },
    )
    if created:
        user.set_password(DEMO_PASSWORD)
        user.save(update_fields=["password"])
    return user


def _requests(fair: Fair, people: list[Participant], home: Participant | None) -> None:
    """Requests in every state, among Shanghai (first 60) and partner (last 60) participants."""
    shanghai, partners = people[:60], people[60:]
    for i in range(30):
        request = domain.send_request(
            sender=partners[i],
            receiver=shanghai[(i * 7) % 60],
            note="Shall we meet? (demo)",
            is_demo=True,
        )
        if i % 5 == 1:
            domain.accept_request(request)
        elif i % 5 == 2:
            domain.decline_request(request, "Not our market this year (demo).")
        elif i % 5 == 3:
            domain.withdraw_request(request)
        elif i % 5 == 4:
            MeetingRequest.objects.filter(pk=request.pk).update(
                expires_at=timezone.now() - datetime.timedelta(minutes=1)
            )
    domain.expire_requests()
    if home is not None:
        ports = [p for p in partners if "Green Shipping" in p.name_en]
        incoming = domain.send_request(
            sender=ports[0],
            receiver=home,
            note="Green corridor to Los Angeles? (demo)",
            is_demo=True,
        )
        domain.accept_request(
            domain.send_request(sender=ports[1], receiver=home, note="(demo)", is_demo=True)
        )
        del incoming


def load_demo() -> list[str]:
    from amity.fair.domain.suggestions import refresh_recommendations
    from amity.fair.search import warm

    organiser = (
        User.objects.filter(username="organiser").first()
        or User.objects.filter(is_superuser=True).first()
    )
    if organiser is None:
        return ["Fair: skipped (no organiser account to register the participants)."]
    places = {
        p.name_en: p for p in Place.objects.filter(name_en__in=[c for c, _, _ in PARTNER_CITIES])
    }
    with transaction.atomic():
        fair = _fair(_forum_event())
        fresh = not fair.participants.exists()
        people = [_register(fair, organiser, row, places) for row in _profiles()]
        home = None
        demo_org = Organisation.objects.filter(name_en=DEMO_ENTERPRISE).first()
        if demo_org is not None:
            home = _register(
                fair,
                organiser,
                {**_profiles()[1], "name_en": DEMO_ENTERPRISE, "name_zh": demo_org.name_zh},
                places,
            )
        enterprise = User.objects.filter(username="enterprise").first()
        if enterprise is not None:
            # The digest shows the option; the console is not flooded while the demo loads.
            set_daily_digest(enterprise, True)
        partner = _partner_account()
        if fresh:
            _requests(fair, people, home)
            # Three late registrations wait for the organisers' approval.
            late = [p.pk for p in people[57:60]]
            Participant.objects.filter(pk__in=late).update(status=ParticipantStatus.PENDING)
    if fair.recommendations_computed_at is None or fair.recommendations_stale:
        refresh_recommendations(fair)
    warm(fair)
    return [
        f"Fair: {fair.participants.count()} participants (demo data) at {fair.event.name_en}, "
        f"{fair.requests.count()} meeting requests; suggestions computed.",
        f"  {partner.username:<11} password: {DEMO_PASSWORD:<12} enterprise member of "
        f"{PARTNER_ENTERPRISE} (Johannesburg; registers for the fair itself)",
    ]
