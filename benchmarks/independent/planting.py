"""Plant complementary pairs and write distractors, as drafts that profiles.py numbers and saves.

A planted pair is a seeker and a provider of one need. The seeker often offers the theme's
give-back and the provider often seeks it, which makes the pair mutual; the two always share
a cooperation type. Seekers often list the sector of what they are, providers the sector of
what they offer. A distractor states one or two decoys of a theme; a distractor that seeks a
decoy looks like one of the theme's seekers (same kind, sectors and names), so only the text
tells it apart.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from organisations import Writer, partner_city
from phrasing import problem, side_remark, state
from vocabulary import Need, Role, Theme

from amity.engine.matching.isic import ancestry

# (first writer, second writer, share of the pairs): a third of the pairs cross languages.
# "other" is a language other than English and Chinese, "any" is English or Chinese.
PAIR_MIX: tuple[tuple[tuple[str, str], tuple[str, str], int], ...] = (
    (("home", "zh"), ("partner", "en"), 80),
    (("partner", "other"), ("home", "any"), 10),
    (("home", "zh"), ("home", "en"), 10),
    (("home", "en"), ("partner", "en"), 105),
    (("home", "zh"), ("partner", "zh"), 25),
    (("home", "zh"), ("home", "zh"), 35),
    (("partner", "en"), ("partner", "en"), 35),
)
# (side, language, weight) of distractors' writers.
DISTRACTOR_MIX = (
    ("home", "zh", 35),
    ("home", "en", 15),
    ("partner", "en", 42),
    ("partner", "zh", 8),
)
MUTUAL, SEEKER_GIVES, ONE_SIDED = "mutual", "seeker_gives_back", "one_sided"


@dataclass
class Draft:
    """One profile before it has an id: its organisation, texts and what they mean."""

    role: Role
    writer: Writer
    theme: str
    group: str  # "planted" or "distractor"
    sectors: list[str]
    cooperation: list[str]
    # (text, need key); the key is "" for side remarks, which answer nobody.
    offers: list[tuple[str, str]] = field(default_factory=list)
    seeks: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class PlantedPair:
    seeker: Draft
    provider: Draft
    theme: str
    need: str
    mode: str


def plant_pairs(themes: tuple[Theme, ...], count: int, rng: random.Random) -> list[PlantedPair]:
    """``count`` pairs spread evenly over the themes and their needs."""
    slots = [(themes[i % len(themes)], i // len(themes)) for i in range(count)]
    slots = [(theme, theme.needs[turn % len(theme.needs)]) for theme, turn in slots]
    kinds = _pair_kinds(slots, rng)
    return [_pair(theme, need, kind, rng) for (theme, need), kind in zip(slots, kinds, strict=True)]


def write_distractors(themes: tuple[Theme, ...], count: int, rng: random.Random) -> list[Draft]:
    drafts = []
    for i in range(count):
        theme = themes[i % len(themes)]
        main = theme.decoys[(i // len(themes)) % len(theme.decoys)]
        drafts.append(_distractor(theme, main, rng))
    return drafts


def _pair_kinds(slots: list[tuple[Theme, Need]], rng: random.Random) -> list[tuple]:
    """Which writers each slot gets, in the shares of PAIR_MIX (other languages where written)."""
    total = sum(share for *_, share in PAIR_MIX)
    exact = [len(slots) * share / total for *_, share in PAIR_MIX]
    counts = [int(x) for x in exact]
    by_remainder = sorted(range(len(exact)), key=lambda k: counts[k] - exact[k])
    for k in by_remainder[: len(slots) - sum(counts)]:
        counts[k] += 1
    kinds: list[tuple | None] = [None] * len(slots)
    order = list(range(len(slots)))
    rng.shuffle(order)
    other_kind = next(k for k, (first, *_) in enumerate(PAIR_MIX) if first[1] == "other")
    eligible = [i for i in order if slots[i][1].other]
    for i in eligible[: counts[other_kind]]:
        kinds[i] = PAIR_MIX[other_kind][:2]
    # Slots left over when too few needs are written in another language take the first kind.
    counts[0] += counts[other_kind] - min(counts[other_kind], len(eligible))
    pool = [PAIR_MIX[k][:2] for k, n in enumerate(counts) if k != other_kind for _ in range(n)]
    # Two Shanghai organisations only for needs either side may have (not, say, a Shanghai
    # firm asking how to set up a company in Shanghai); the rest go to the other kinds.
    both_home = [kind for kind in pool if kind[0][0] == kind[1][0] == "home"]
    pool = [kind for kind in pool if kind not in both_home]
    free = [i for i in order if kinds[i] is None and _either(*slots[i])]
    for i, kind in zip(free, both_home, strict=False):
        kinds[i] = kind
    pool += [PAIR_MIX[0][:2]] * max(0, len(both_home) - len(free))
    rest = [i for i in order if kinds[i] is None]
    for i, kind in zip(rest, pool, strict=True):
        kinds[i] = kind
    return kinds  # type: ignore[return-value]


def _either(theme: Theme, need: Need) -> bool:
    return theme.home_side_of(need) == "either"


def _pair(theme: Theme, need: Need, kind: tuple, rng: random.Random) -> PlantedPair:
    seeker_role, provider_role = theme.seeker_of(need), theme.provider_of(need)
    seeker_writer, provider_writer = _place(theme, need, kind, rng)
    seeker_coop, provider_coop = _shared_cooperation(seeker_role, provider_role, rng)
    seeker = Draft(
        seeker_role,
        seeker_writer,
        theme.key,
        "planted",
        _seeker_sectors(seeker_role, need, rng),
        seeker_coop,
    )
    provider = Draft(
        provider_role,
        provider_writer,
        theme.key,
        "planted",
        _listed(need.sectors or provider_role.sectors, rng),
        provider_coop,
    )
    seeker.seeks.append((_request(need, seeker_writer.lang, rng), need.key))
    provider.offers.append(
        (
            state("offer", _phrase(need, provider_writer.lang, rng), provider_writer.lang, rng),
            need.key,
        )
    )
    _maybe_second_phrasing(seeker.seeks, "seek", need, seeker_writer.lang, rng)
    _maybe_second_phrasing(provider.offers, "offer", need, provider_writer.lang, rng)

    roll = rng.random()
    mode = MUTUAL if roll < 0.55 else SEEKER_GIVES if roll < 0.75 else ONE_SIDED
    back = theme.give_back
    if mode in (MUTUAL, SEEKER_GIVES):
        lang = _written(seeker_writer.lang)
        offer = state("offer", _phrase(back, lang, rng), lang, rng, in_return=True)
        seeker.offers.append((offer, back.key))
    if mode == MUTUAL:
        lang = _written(provider_writer.lang)
        provider.seeks.append((state("seek", _phrase(back, lang, rng), lang, rng), back.key))
    for draft in (seeker, provider):
        _maybe_side_remark(draft, rng)
    return PlantedPair(seeker, provider, theme.key, need.key, mode)


def _place(theme: Theme, need: Need, kind: tuple, rng: random.Random) -> tuple[Writer, Writer]:
    """The seeker's and the provider's writers for one pair of PAIR_MIX."""
    (side_a, lang_a), (side_b, lang_b) = kind
    if lang_a == "other":
        lang_a = rng.choice([lang for lang, _ in need.other])
    if lang_b == "any":
        lang_b = rng.choice(("zh", "en"))
    first, second = (side_a, lang_a), (side_b, lang_b)
    if side_a == side_b:
        seeker_first = rng.random() < 0.5
    else:
        home_side = theme.home_side_of(need)
        if home_side == "either":
            home_side = rng.choice(("seeker", "provider"))
        seeker_first = (side_a == "home") == (home_side == "seeker")
    seeker_spec, provider_spec = (first, second) if seeker_first else (second, first)
    cities = list(theme.cities)
    seeker_writer = _writer(seeker_spec, cities, rng)
    if seeker_writer.city in cities and len(cities) > 1:
        cities.remove(seeker_writer.city)  # two visitors come from different partner cities
    return seeker_writer, _writer(provider_spec, cities, rng)


def _writer(spec: tuple[str, str], cities: list[str], rng: random.Random) -> Writer:
    side, lang = spec
    city = "Shanghai" if side == "home" else partner_city(rng, tuple(cities), lang)
    return Writer(side, lang, city)


def _distractor(theme: Theme, main: Need, rng: random.Random) -> Draft:
    side, lang = _weighted(DISTRACTOR_MIX, rng)
    writer = _writer((side, lang), list(theme.cities), rng)
    assert main.role is not None
    if rng.random() < 0.5:
        direction, role, cooperation = "offer", main.role, main.role.cooperation
    else:
        # Dressed as one of the theme's seekers, asking for something they do not need.
        direction, role = "seek", theme.seeker
        shared = tuple(c for c in main.role.cooperation if c in role.cooperation)
        cooperation = shared or main.role.cooperation
    draft = Draft(
        role,
        writer,
        theme.key,
        "distractor",
        _listed(role.sectors, rng),
        _some(cooperation, rng),
    )
    items = draft.offers if direction == "offer" else draft.seeks
    items.append((state(direction, _phrase(main, lang, rng), lang, rng), main.key))
    if rng.random() < 0.45:
        second = rng.choice([d for d in theme.decoys if d.key != main.key])
        draft.seeks.append((state("seek", _phrase(second, lang, rng), lang, rng), second.key))
    _maybe_side_remark(draft, rng)
    return draft


def _request(need: Need, lang: str, rng: random.Random) -> str:
    problems = need.seek_en if lang == "en" else need.seek_zh if lang == "zh" else ()
    if problems and rng.random() < 0.4:
        return problem(rng.choice(problems), _phrase(need, lang, rng), lang, rng)
    return state("seek", _phrase(need, lang, rng), lang, rng)


def _phrase(need: Need, lang: str, rng: random.Random) -> str:
    if lang == "en":
        return rng.choice(need.en)
    if lang == "zh":
        return rng.choice(need.zh)
    return rng.choice([phrase for other, phrase in need.other if other == lang])


def _maybe_second_phrasing(
    items: list[tuple[str, str]], direction: str, need: Need, lang: str, rng: random.Random
) -> None:
    """Some organisations state one need twice, in other words (as separate lines)."""
    if lang in ("en", "zh") and rng.random() < 0.2:
        items.append((state(direction, _phrase(need, lang, rng), lang, rng), need.key))


def _maybe_side_remark(draft: Draft, rng: random.Random) -> None:
    if rng.random() < 0.15:
        direction = rng.choice(("offer", "seek"))
        items = draft.offers if direction == "offer" else draft.seeks
        items.append((side_remark(direction, draft.writer.lang, rng), ""))


def _seeker_sectors(role: Role, need: Need, rng: random.Random) -> list[str]:
    """Mostly what the seeker is; sometimes what it needs, or both."""
    roll = rng.random()
    if roll < 0.65 or not need.sectors:
        return _listed(role.sectors, rng)
    if roll < 0.85:
        return _listed(need.sectors, rng)
    return _listed(role.sectors, rng, 1) + _listed(need.sectors, rng, 1)


def _listed(codes: tuple[str, ...], rng: random.Random, most: int = 2) -> list[str]:
    """One or two of the codes, sometimes written at division or section level."""
    many = min(most, len(codes), 1 if rng.random() < 0.6 else 2)
    out: list[str] = []
    for code in rng.sample(list(codes), many):
        roll = rng.random()
        if roll < 0.05:
            code = ancestry(code)["section"]
        elif roll < 0.2:
            code = ancestry(code).get("division", code)
        if code not in out:
            out.append(code)
    return out


def _shared_cooperation(a: Role, b: Role, rng: random.Random) -> tuple[list[str], list[str]]:
    shared = rng.choice([c for c in a.cooperation if c in b.cooperation])

    def with_extra(role: Role) -> list[str]:
        extras = [c for c in role.cooperation if c != shared]
        return [shared, rng.choice(extras)] if extras and rng.random() < 0.5 else [shared]

    return with_extra(a), with_extra(b)


def _some(kinds: tuple[str, ...], rng: random.Random) -> list[str]:
    return rng.sample(list(kinds), min(len(kinds), 1 if rng.random() < 0.6 else 2))


def _weighted(table: tuple[tuple[str, str, int], ...], rng: random.Random) -> tuple[str, str]:
    side, lang, _ = rng.choices(table, weights=[w for *_, w in table])[0]
    return side, lang


def _written(lang: str) -> str:
    """Writers of another language state their give-back in English."""
    return lang if lang in ("en", "zh") else "en"
