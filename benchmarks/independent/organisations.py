"""Who the profiles belong to: cities, invented organisation names, descriptions, languages.

Every organisation is invented. Names are built from a city's place words (or an invented
Chinese brand) and a role's name core, so a name tells as much about a distractor as about a
planted participant.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from vocabulary import Role


@dataclass(frozen=True)
class City:
    country: str
    name_zh: str
    # Languages spoken there besides English (a visitor may list one).
    local: tuple[str, ...]
    suffixes: tuple[str, ...]
    # Invented-sounding place words for organisation names.
    places: tuple[str, ...]


HOME_CITY = "Shanghai"
CITIES: dict[str, City] = {
    "Dunedin": City(
        "New Zealand",
        "但尼丁",
        (),
        ("Ltd", "Limited"),
        ("Taieri", "Kaikorai", "Octagon", "Tussock", "Albatross", "Southern Cross"),
    ),
    "Vientiane": City(
        "Laos",
        "万象",
        ("lo", "fr"),
        ("Co., Ltd.", "Sole Co., Ltd."),
        ("Mekong", "Lane Xang", "Champa", "Sisavath", "Nongbone", "That Luang"),
    ),
    "Johannesburg": City(
        "South Africa",
        "约翰内斯堡",
        ("zu", "af"),
        ("(Pty) Ltd",),
        ("Highveld", "Jacaranda", "Rand", "Gold Reef", "Msasa", "Protea"),
    ),
    "Los Angeles": City(
        "United States",
        "洛杉矶",
        ("es",),
        ("Inc.", "LLC"),
        ("Pacific", "Sunset", "Golden Coast", "Palisades", "Silver Lake", "Arroyo"),
    ),
    "Yokohama": City(
        "Japan",
        "横滨",
        ("ja",),
        ("Co., Ltd.", "K.K."),
        ("Minato", "Bay Bridge", "Kanagawa", "Tsurumi", "Sakuragi", "Blue Line"),
    ),
    "Busan": City(
        "South Korea",
        "釜山",
        ("ko",),
        ("Co., Ltd.", "Corp."),
        ("Haeundae", "Gwangan", "Nakdong", "Seamount", "Dongbaek", "Blue Wave"),
    ),
    "Milan": City(
        "Italy",
        "米兰",
        ("it",),
        ("S.r.l.", "S.p.A."),
        ("Navigli", "Brera", "Lombarda", "Ambrosiana", "Sforza", "Porta Nuova"),
    ),
    "Rotterdam": City(
        "Netherlands",
        "鹿特丹",
        ("nl",),
        ("B.V.",),
        ("Maas", "Erasmus", "Delfshaven", "Waalhaven", "Kralingen", "Noordereiland"),
    ),
    "Ho Chi Minh City": City(
        "Vietnam",
        "胡志明市",
        ("vi",),
        ("JSC", "Co., Ltd."),
        ("Saigon", "Ben Thanh", "Thu Duc", "Phu My", "Cholon", "Nha Rong"),
    ),
    "Marseille": City(
        "France",
        "马赛",
        ("fr",),
        ("SAS", "SARL"),
        ("Vieux-Port", "Calanques", "Joliette", "Massalia", "Mistral", "Estaque"),
    ),
    "Hamburg": City(
        "Germany",
        "汉堡",
        ("de",),
        ("GmbH",),
        ("Elbe", "Alster", "Hanse", "Speicher", "Nordlicht", "Altona"),
    ),
    "Antwerp": City(
        "Belgium",
        "安特卫普",
        ("nl", "fr"),
        ("NV", "BV"),
        ("Scheldt", "Meir", "Zuid", "Linkeroever", "Flandria", "Eilandje"),
    ),
}
# Cities whose firms sometimes write their profile in the local language.
CITIES_BY_LANGUAGE = {
    "ja": ("Yokohama",),
    "ko": ("Busan",),
    "it": ("Milan",),
    "vi": ("Ho Chi Minh City",),
    "fr": ("Marseille", "Vientiane"),
    "es": ("Los Angeles",),
}
SHANGHAI_DISTRICTS = (
    ("Huangpu", "黄浦区"),
    ("Xuhui", "徐汇区"),
    ("Jing'an", "静安区"),
    ("Changning", "长宁区"),
    ("Putuo", "普陀区"),
    ("Hongkou", "虹口区"),
    ("Yangpu", "杨浦区"),
    ("Minhang", "闵行区"),
    ("Baoshan", "宝山区"),
    ("Jiading", "嘉定区"),
    ("Pudong New Area", "浦东新区"),
    ("Songjiang", "松江区"),
    ("Qingpu", "青浦区"),
    ("Fengxian", "奉贤区"),
    ("Jinshan", "金山区"),
    ("Chongming", "崇明区"),
)
# Invented two-syllable brands: (pinyin, characters).
_BRAND_FIRST = (
    ("Lan", "澜"),
    ("Hui", "汇"),
    ("Hong", "泓"),
    ("Rui", "睿"),
    ("Han", "瀚"),
    ("Zhuo", "卓"),
    ("Jia", "嘉"),
    ("Sheng", "晟"),
    ("Lang", "朗"),
    ("Yu", "昱"),
    ("Xin", "昕"),
    ("Tai", "泰"),
    ("Bo", "博"),
    ("Hao", "灏"),
    ("Yi", "奕"),
)
_BRAND_SECOND = (
    ("qi", "启"),
    ("he", "禾"),
    ("heng", "衡"),
    ("feng", "峰"),
    ("chuan", "川"),
    ("yuan", "源"),
    ("tong", "通"),
    ("ning", "宁"),
    ("xiang", "翔"),
    ("an", "岸"),
    ("hua", "华"),
    ("chen", "辰"),
    ("jing", "景"),
    ("lin", "林"),
)
_PLAIN_KINDS = ("government",)
_ENTERPRISE_KINDS = ("enterprise",)


@dataclass(frozen=True)
class Writer:
    """Where a profile's organisation sits and which language its texts are in."""

    side: str  # "home" (Shanghai) or "partner"
    lang: str  # "zh", "en" or another language code
    city: str


def partner_city(rng: random.Random, cities: tuple[str, ...], lang: str) -> str:
    if lang in CITIES_BY_LANGUAGE:
        return rng.choice(CITIES_BY_LANGUAGE[lang])
    return rng.choice(cities)


def languages(writer: Writer, rng: random.Random) -> list[str]:
    """The languages an organisation lists: what it writes in, and often one more."""
    if writer.side == "home":
        return ["zh"] if writer.lang == "zh" else ["zh", "en"]
    local = CITIES[writer.city].local
    if writer.lang == "en":
        return ["en", *local[:1]] if local and rng.random() < 0.5 else ["en"]
    if writer.lang == "zh":
        return ["zh", "en"] if rng.random() < 0.7 or not local else ["zh", local[0]]
    # They state their give-back in English (see planting.py), so they list it too.
    return [writer.lang, "en"] if rng.random() < 0.5 else ["en", writer.lang]


def country(writer: Writer) -> str:
    return "China" if writer.side == "home" else CITIES[writer.city].country


def organisation_name(role: Role, writer: Writer, rng: random.Random) -> str:
    """An invented name in the writer's script (Chinese for Chinese writers, else Latin)."""
    if writer.lang == "zh":
        return _chinese_name(role, writer, rng)
    core = rng.choice(role.name_en)
    if writer.side == "home":
        brand = _brand(rng)[0]
        if role.kind in _PLAIN_KINDS:
            return f"{rng.choice(SHANGHAI_DISTRICTS)[0]} District {core}"
        if role.kind in _ENTERPRISE_KINDS:
            return f"Shanghai {brand} {core} Co., Ltd."
        return f"Shanghai {brand} {core}"
    city = CITIES[writer.city]
    place = rng.choice(city.places)
    if role.kind in _PLAIN_KINDS:
        return f"{core}, {place} District, {writer.city}"
    if role.kind in _ENTERPRISE_KINDS:
        return f"{place} {core} {rng.choice(city.suffixes)}"
    return f"{place} {core}"


def description(role: Role, writer: Writer, rng: random.Random) -> str:
    """Who the organisation is, in its writer's language (English for other languages)."""
    if writer.lang == "zh":
        text = rng.choice(role.who_zh) + "。"
        extras = (
            f"成立于{rng.randint(1985, 2021)}年。",
            f"员工约{rng.choice((12, 40, 150, 600))}人。",
        )
        return text + (rng.choice(extras) if rng.random() < 0.5 else "")
    text = rng.choice(role.who_en) + "."
    extras = (
        f" Founded in {rng.randint(1985, 2021)}.",
        f" About {rng.choice((12, 40, 150, 600))} staff.",
        f" Based in {writer.city if writer.side == 'partner' else HOME_CITY}.",
    )
    return text + (rng.choice(extras) if rng.random() < 0.5 else "")


def size(role: Role, rng: random.Random) -> str:
    if role.kind not in _ENTERPRISE_KINDS:
        return ""
    return rng.choice(("micro", "small", "small", "medium", "medium", "large"))


# What a Chinese name of an institution ends with, by kind, unless its core already says so.
_ZH_ENDINGS = {
    "association": ("协会", "会", "团", "社", "节", "组织"),
    "school": ("学校", "校", "学院", "中心", "馆"),
    "research": ("研究院", "院", "所", "实验室", "中心"),
    "university": ("大学", "学院", "系"),
    "museum": ("博物馆", "馆"),
    "hospital": ("医院",),
}


def _chinese_name(role: Role, writer: Writer, rng: random.Random) -> str:
    core = rng.choice(role.name_zh)
    endings = _ZH_ENDINGS.get(role.kind)
    if endings and not core.endswith(endings):
        core += endings[0]
    brand = _brand(rng)[1]
    if writer.side == "home":
        if role.kind in _PLAIN_KINDS:
            return f"上海市{rng.choice(SHANGHAI_DISTRICTS)[1]}{core}"
        prefix = "上海"
    else:
        prefix = CITIES[writer.city].name_zh
        if role.kind in _PLAIN_KINDS:
            return f"{prefix}{core}"
    if role.kind in _ENTERPRISE_KINDS:
        return f"{prefix}{brand}{core}有限公司"
    return f"{prefix}{brand}{core}"


def _brand(rng: random.Random) -> tuple[str, str]:
    first, second = rng.choice(_BRAND_FIRST), rng.choice(_BRAND_SECOND)
    return first[0] + second[0], first[1] + second[1]
