"""The demo: Shanghai's seeded registry plus invented extras, every extra flagged `is_demo`.

The extras are illustrative: contacts, visits and agreements are invented, and so are the
delegations of the 2023 forum beyond the four cities the press named (Dunedin, Vientiane,
Johannesburg, Los Angeles). The forum's dates and programme follow the press reports: city tours
and a business matching fair on Thursday 30 November 2023, the Shanghai International
Friendship Cities Cooperation Forum on Friday 1 December 2023.

Everything here is idempotent: a second run finds what the first created and changes nothing.
"""

import datetime
from dataclasses import dataclass
from pathlib import Path

from django.db import transaction

from amity.accounts.models import Organisation, Role, User
from amity.cities import domain
from amity.cities.importing import ImportSummary, import_partnerships
from amity.cities.models import (
    AgreementKind,
    ContactKind,
    Exchange,
    ExchangeKind,
    Partnership,
)

SEED_FILE = Path(__file__).parent / "seed" / "shanghai-partnerships.csv"
DEMO_PASSWORD = "amity-demo"
FORUM_DAY_1 = datetime.date(2023, 11, 30)
FORUM_DAY_2 = datetime.date(2023, 12, 1)
FORUM_SOURCE = "China Daily 2023 forum report"
# The four cities the press named, then nine more partner cities invented for the demo:
# 13 cities from 12 countries, as reported.
FORUM_CITIES = (
    ("Dunedin", "Mayor of Dunedin", 5),
    ("Vientiane", "Vice-Mayor of Vientiane", 4),
    ("Johannesburg", "Member of the Mayoral Committee for Economic Development", 3),
    ("Los Angeles", "Director of International Relations, Policy and Protocol", 3),
    ("Chicago", "Deputy Mayor for Business", 4),
    ("Yokohama", "Director-General, International Affairs Bureau", 4),
    ("Milan", "Councillor for Economic Development", 3),
    ("Rotterdam", "Port Alderman", 3),
    ("Busan", "Director of International Cooperation", 5),
    ("Ho Chi Minh City", "Vice-Chairman of the People's Committee", 6),
    ("Windhoek", "Mayor of Windhoek", 3),
    ("Porto", "Councillor for Tourism and Internationalisation", 2),
    ("Liverpool", "Head of International Partnerships", 2),
)

_DEMO = " [demo data]"
_DEMO_ZH = "（演示数据）"


@dataclass(frozen=True, slots=True)
class DemoAccount:
    username: str
    role: str
    password: str
    description: str


@dataclass(frozen=True, slots=True)
class DemoResult:
    seed: ImportSummary
    accounts: list[DemoAccount]


def load_seed() -> ImportSummary:
    """Import Shanghai's partnerships from the shipped seed file (the one importer)."""
    return import_partnerships(SEED_FILE.read_bytes(), SEED_FILE.name)


@transaction.atomic
def load_demo() -> DemoResult:
    seed = load_seed()
    by_name = {
        p.place.name_en: p
        for p in Partnership.objects.select_related("place").filter(level="municipal")
    }
    _add_forum(by_name)
    _add_contacts(by_name)
    _add_visits(by_name)
    _add_agreements(by_name)
    return DemoResult(seed=seed, accounts=_add_accounts(by_name))


def _add_forum(by_name: dict[str, Partnership]) -> None:
    for city, head, size in FORUM_CITIES:
        partnership = by_name[city]
        _exchange(
            partnership,
            kind=ExchangeKind.EVENT,
            title_en="City tours and business matching fair (2023 forum, day 1)",
            title_zh="城市参观与企业对接会（2023年论坛第一天）",
            starts_on=FORUM_DAY_1,
            description_en="City tours, then a business matching fair with local enterprises.",
            description_zh="城市参观，随后与本地企业举行企业对接会。",
            delegation_head=head,
            delegation_size=size,
        )
        _exchange(
            partnership,
            kind=ExchangeKind.EVENT,
            title_en="2023 Shanghai International Friendship Cities Cooperation Forum",
            title_zh="2023上海国际友好城市合作论坛",
            starts_on=FORUM_DAY_2,
            description_en=(
                "Two sessions: smart-city development and deepening cooperation between "
                "friendship cities; economic and trade cooperation and high-quality development."
            ),
            description_zh="两场会议：智慧城市发展与深化友城合作；经贸合作与高质量发展。",
            delegation_head=head,
            delegation_size=size,
        )


def _exchange(
    partnership: Partnership,
    *,
    title_en: str,
    title_zh: str,
    starts_on: datetime.date,
    **values: object,
) -> None:
    if Exchange.objects.filter(
        partnership=partnership, title_en=title_en + _DEMO, starts_on=starts_on
    ).exists():
        return
    domain.record_exchange(
        partnership,
        title_en=title_en + _DEMO,
        title_zh=title_zh + _DEMO_ZH,
        starts_on=starts_on,
        is_demo=True,
        **values,
    )


_CONTACTS = (
    (
        "Dunedin",
        "Aroha Tane",
        ("International relations adviser", "国际关系顾问"),
        "Dunedin City Council",
        ["en", "mi"],
        (
            "Formal welcomes may open with a hongi; gifts are opened later.",
            "正式欢迎仪式可能以碰鼻礼开始；礼物稍后再打开。",
        ),
    ),
    (
        "Vientiane",
        "Souksavanh Phommachanh",
        ("Director, External Relations Division", "对外关系处处长"),
        "Vientiane Capital Administration",
        ["lo", "en"],
        (
            "Needs a Lao–Chinese interpreter; prefers written agendas a week ahead.",
            "需要老挝语—中文翻译；希望提前一周收到书面议程。",
        ),
    ),
    (
        "Johannesburg",
        "Thandiwe Mokoena",
        ("Senior manager, international relations", "国际关系高级经理"),
        "City of Johannesburg",
        ["en", "zu"],
        (
            "Flights via Hong Kong; allow a rest day on arrival.",
            "经香港转机；抵达后安排一天休息。",
        ),
    ),
    (
        "Los Angeles",
        "Daniel Ortiz",
        ("Port liaison for the green shipping corridor", "绿色航运走廊港口联络人"),
        "Port of Los Angeles",
        ["en", "es"],
        ("Meetings on Pacific time: mornings in Shanghai.", "按太平洋时间开会：上海时间上午。"),
    ),
    (
        "Yokohama",
        "Haruka Sato",
        ("Representative, Yokohama Shanghai Office", "横滨市驻上海事务所代表"),
        "City of Yokohama",
        ["ja", "zh", "en"],
        ("Business cards exchanged with both hands.", "双手递交名片。"),
    ),
)


def _add_contacts(by_name: dict[str, Partnership]) -> None:
    for city, name, (position_en, position_zh), organisation, languages, notes in _CONTACTS:
        partnership = by_name[city]
        if partnership.contacts.filter(name=name).exists():
            continue
        domain.add_contact(
            partnership,
            name=name,
            kind=ContactKind.REPRESENTATIVE,
            position_en=position_en,
            position_zh=position_zh,
            organisation=organisation,
            email=f"{name.split()[0].lower()}@example.org",
            languages=languages,
            protocol_notes_en=notes[0],
            protocol_notes_zh=notes[1],
            is_demo=True,
        )
    yokohama = by_name["Yokohama"]
    if not yokohama.contacts.filter(kind=ContactKind.REPRESENTATIVE_OFFICE).exists():
        domain.add_contact(
            yokohama,
            name="Yokohama Municipal Government Shanghai Representative Office",
            kind=ContactKind.REPRESENTATIVE_OFFICE,
            address="Changning District, Shanghai (demo address)",
            languages=["ja", "zh"],
            is_demo=True,
        )


_VISITS = (
    (
        "Dunedin",
        ExchangeKind.OUTGOING_VISIT,
        "Shanghai education delegation to Dunedin",
        "上海教育代表团访问达尼丁",
        datetime.date(2019, 3, 18),
        datetime.date(2019, 3, 21),
    ),
    (
        "Osaka",
        ExchangeKind.INCOMING_VISIT,
        "Osaka business delegation at the import expo",
        "大阪经贸代表团参加进口博览会",
        datetime.date(2019, 11, 5),
        datetime.date(2019, 11, 8),
    ),
    (
        "Hamburg",
        ExchangeKind.ANNIVERSARY,
        "35th anniversary of the Shanghai–Hamburg partnership",
        "上海—汉堡友好城市关系35周年",
        datetime.date(2021, 5, 29),
        None,
    ),
    (
        "Johannesburg",
        ExchangeKind.INCOMING_VISIT,
        "Johannesburg smart-city study visit",
        "约翰内斯堡智慧城市考察",
        datetime.date(2024, 4, 9),
        datetime.date(2024, 4, 12),
    ),
)


def _add_visits(by_name: dict[str, Partnership]) -> None:
    for city, kind, title_en, title_zh, starts_on, ends_on in _VISITS:
        _exchange(
            by_name[city],
            kind=kind,
            title_en=title_en,
            title_zh=title_zh,
            starts_on=starts_on,
            ends_on=ends_on,
            delegation_size=6 if kind != ExchangeKind.ANNIVERSARY else None,
        )


_AGREEMENTS = (
    (
        "Dunedin",
        AgreementKind.FRIENDSHIP_AGREEMENT,
        ("Agreement on friendship-city relations", "关于建立友好城市关系的协议"),
        datetime.date(1994, 10, 21),
        "The mayors of Shanghai and Dunedin",
    ),
    (
        "Los Angeles",
        AgreementKind.COOPERATION_AGREEMENT,
        ("Green shipping corridor cooperation (illustrative)", "绿色航运走廊合作（示例）"),
        datetime.date(2023, 12, 1),
        "The ports of Shanghai and Los Angeles",
    ),
    (
        "Vientiane",
        AgreementKind.LETTER_OF_INTENT,
        (
            "Letter of Intent for Friendly Cooperation and Exchanges",
            "友好合作交流意向书",
        ),
        datetime.date(2025, 5, 29),
        "The mayors of Shanghai and Vientiane",
    ),
)


def _add_agreements(by_name: dict[str, Partnership]) -> None:
    for city, kind, (title_en, title_zh), signed_on, signatories in _AGREEMENTS:
        partnership = by_name[city]
        if partnership.agreements.filter(title_en=title_en + _DEMO).exists():
            continue
        domain.add_agreement(
            partnership,
            kind=kind,
            title_en=title_en + _DEMO,
            title_zh=title_zh + _DEMO_ZH,
            signed_on=signed_on,
            signatories=signatories,
            summary_en="Demo record: the text of the agreement is not part of the seed data.",
            summary_zh="演示记录：协议正文不在种子数据中。",
            is_demo=True,
        )


# Invented enterprises: one from the home city, two from partner cities of the 2023 forum.
_ORGANISATIONS = (
    ("Huangpu River Logistics Co. (demo)", "黄浦江物流有限公司（演示）", "CN", "Shanghai"),
    ("Otago Fine Foods Ltd (demo)", "奥塔哥优质食品有限公司（演示）", "NZ", "Dunedin"),
    ("Jozi Smart Mobility (Pty) Ltd (demo)", "约堡智慧出行有限公司（演示）", "ZA", "Johannesburg"),
)


def _add_accounts(by_name: dict[str, Partnership]) -> list[DemoAccount]:
    organisations = [
        Organisation.objects.get_or_create(
            name_en=name_en,
            defaults={"name_zh": name_zh, "country": country, "city_name": city, "is_demo": True},
        )[0]
        for name_en, name_zh, country, city in _ORGANISATIONS
    ]
    enterprise = organisations[0]
    accounts = [
        DemoAccount(
            "admin",
            "",
            DEMO_PASSWORD,
            "administrator (every page, the admin, organisers' accounts)",
        ),
        DemoAccount(
            "organiser",
            Role.ORGANISER,
            DEMO_PASSWORD,
            "foreign-affairs office organiser (registry, admin)",
        ),
        DemoAccount(
            "enterprise",
            Role.ENTERPRISE,
            DEMO_PASSWORD,
            f"enterprise member of {enterprise.name_en}",
        ),
        DemoAccount("delegate", Role.DELEGATE, DEMO_PASSWORD, "delegate of Dunedin"),
    ]
    extra = {
        "admin": {"is_staff": True, "is_superuser": True},
        "organiser": {"is_staff": True},
        "enterprise": {"organisation": enterprise},
        "delegate": {"partner_place": by_name["Dunedin"].place},
    }
    for account in accounts:
        user, created = User.objects.get_or_create(
            username=account.username,
            defaults={
                "role": account.role,
                "email": f"{account.username}@demo.example",
                **extra[account.username],
            },
        )
        if created:
            # Set once: a second run must not change the stored hash.
            user.set_password(account.password)
            user.save(update_fields=["password"])
    return accounts
