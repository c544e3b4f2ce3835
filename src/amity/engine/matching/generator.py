"""Synthetic (demo) fair profiles with planted complementary partners, for benchmarks and tests.

Every planted pair (A, B) is complementary in both directions: A requests what B offers and B
requests what A offers, each time in different words, and for a third of the pairs in
different languages (Chinese vs English). Planted needs are not reused by other participants
while concepts last, so "B is A's partner" is unambiguous; the remaining participants are
distractors, some of which share the planted pair's product or place words but not its need.
All names and texts are invented and labelled as demo data.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from amity.engine.matching.phrasebook import FAMILIES, FILLERS, LEAD_EN, LEAD_ZH, Family

HOME_CITY = "Shanghai"
# Real Shanghai partner cities (shared/data/shanghai-friendship-cities.csv) and the language
# their participants list besides English.
PARTNER_CITIES: tuple[tuple[str, str, str], ...] = (
    ("Dunedin", "NZ", "en"),
    ("Vientiane", "LA", "lo"),
    ("Johannesburg", "ZA", "en"),
    ("Los Angeles", "US", "en"),
    ("Osaka", "JP", "ja"),
    ("Hamburg", "DE", "de"),
    ("Casablanca", "MA", "fr"),
    ("Valparaíso", "CL", "es"),
    ("Porto", "PT", "pt"),
    ("Montreal", "CA", "fr"),
    ("Alexandria", "EG", "ar"),
    ("São Paulo", "BR", "pt"),
    ("Busan", "KR", "ko"),
    ("Liverpool", "GB", "en"),
    ("Barcelona", "ES", "es"),
)
SIZES = ("micro", "small", "small", "medium", "medium", "large")
MEETING_CAPS = (6, 8, 10, 10, 12, 15)

Concept = tuple[int, int]  # (family index, filler index)


@dataclass(frozen=True)
class PlantedPair:
    a: str  # the seeker of the planted need (either side may seek in mutual pairs)
    b: str
    cross_language: bool
    # Both in the home city or both visitors (hard_generator.py; the plain one never does).
    same_side: bool = False
    mode: str = "mutual"
    need: str = ""


@dataclass(frozen=True)
class GeneratedFair:
    profiles: dict[str, Any]  # the profiles JSON document (issue 4's format)
    planted: tuple[PlantedPair, ...]
    # Per organisation, the needs (concepts) its offers and its requests state, when the
    # generator records them (hard_generator.py): q is relevant to p when q offers a need p
    # seeks or seeks a need p offers.
    needs: dict[str, dict[str, set[tuple[int, int]]]] | None = None


def _all_concepts() -> list[Concept]:
    return [(f, x) for f, fam in enumerate(FAMILIES) for x in range(len(FILLERS[fam.fill]))]


def _text(
    rng: random.Random, family: Family, filler: int, role: str, lang: str, avoid: str | None = None
) -> str:
    en, zh = FILLERS[family.fill][filler]
    if lang == "zh":
        templates = family.offer_zh if role == "offer" else family.seek_zh
        lead, fill = rng.choice(LEAD_ZH) if role == "seek" else "", zh
    else:
        templates = family.offer_en if role == "offer" else family.seek_en
        lead, fill = rng.choice(LEAD_EN) if role == "seek" else "", en
    options = [t for t in templates if t != avoid] or list(templates)
    template = rng.choice(options)
    text = lead + template.format(p=fill)
    return text[0].upper() + text[1:] if lang == "en" else text


class _Builder:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.orgs: list[dict[str, Any]] = []

    def org(self, home: bool, writes: str, sectors: list[str], coop: tuple[str, ...]) -> dict:
        rng = self.rng
        number = len(self.orgs) + 1
        if home:
            city, country = HOME_CITY, "CN"
            languages = ["zh"] if writes == "zh" and rng.random() < 0.6 else ["zh", "en"]
        else:
            city, country, local = rng.choice(PARTNER_CITIES)
            languages = sorted({local, "en"}) if writes == "en" else ["zh", local]
        slug = city.lower().replace(" ", "-").replace("ã", "a").replace("í", "i")
        org = {
            "id": f"demo-{slug}-{number:05d}",
            "name": f"Demo Enterprise {number} ({city})",
            "city": city,
            "country": country,
            "kind": "enterprise",
            "size": rng.choice(SIZES),
            "sectors": sectors,
            "languages": languages,
            "offers": [],
            "seeks": [],
            "cooperation": list(coop),
            "description": "Synthetic demo profile (generated, not a real organisation).",
            "max_meetings": rng.choice(MEETING_CAPS),
            "must_meet": [],
            "no_thanks": [],
        }
        self.orgs.append(org)
        return org


def generate_fair(
    organisations: int, pairs: int, seed: int, cross_language_share: float = 1 / 3
) -> GeneratedFair:
    """A fair of ``organisations`` profiles containing ``pairs`` planted complementary pairs."""
    if 2 * pairs > organisations:
        raise ValueError("pairs needs two organisations each")
    rng = random.Random(seed)
    build = _Builder(rng)
    concepts = _all_concepts()
    rng.shuffle(concepts)
    exclusive = concepts[: min(pairs, len(concepts) // 2)]
    reserved = set(exclusive)
    free = [c for c in concepts if c not in reserved]
    planted: list[PlantedPair] = []
    n_cross = round(pairs * cross_language_share)
    for index in range(pairs):
        # Past the exclusive concepts (very large fairs) needs repeat; recall is then fuzzy.
        first = exclusive[index] if index < len(exclusive) else rng.choice(concepts)
        second = rng.choice(free)
        cross = index < n_cross
        a_lang = rng.choice(("en", "zh"))
        b_lang = ("zh" if a_lang == "en" else "en") if cross else a_lang
        f1, f2 = FAMILIES[first[0]], FAMILIES[second[0]]
        # The requester of the first need is local as often as not: both directions occur.
        a_home = rng.random() < 0.5
        a = build.org(a_home, a_lang, [f1.seek_sector], f1.cooperation)
        b = build.org(not a_home, b_lang, [f1.offer_sector], f1.cooperation)
        a["seeks"].append(_text(rng, f1, first[1], "seek", a_lang))
        b["offers"].append(_text(rng, f1, first[1], "offer", b_lang))
        b["seeks"].append(_text(rng, f2, second[1], "seek", b_lang))
        a["offers"].append(_text(rng, f2, second[1], "offer", a_lang))
        planted.append(PlantedPair(a["id"], b["id"], cross))
        # A word-sharing distractor: same product/place, a different need.
        _distractor(build, rng, free, same_filler=(f1.fill, first[1]))

    while len(build.orgs) < organisations:
        _distractor(build, rng, free, same_filler=None)
    rng.shuffle(build.orgs)
    profiles = {
        "home_city": HOME_CITY,
        "demo": "synthetic fair generated by amity.engine.matching.generator",
        "organisations": build.orgs[:organisations],
    }
    kept = {o["id"] for o in profiles["organisations"]}
    planted = [p for p in planted if p.a in kept and p.b in kept]
    return GeneratedFair(profiles=profiles, planted=tuple(planted))


def _distractor(
    build: _Builder, rng: random.Random, free: list[Concept], same_filler: tuple[str, int] | None
) -> None:
    if same_filler is not None:
        kind, filler = same_filler
        matching = [c for c in free if FAMILIES[c[0]].fill == kind and c[1] == filler]
        offer = rng.choice(matching) if matching else rng.choice(free)
    else:
        offer = rng.choice(free)
    seek = rng.choice(free)
    lang = rng.choice(("en", "en", "zh"))
    fam = FAMILIES[offer[0]]
    org = build.org(rng.random() < 0.5, lang, [fam.offer_sector], fam.cooperation)
    shape = rng.random()
    # Many participants only offer or only seek (issue 4).
    if shape < 0.85 or shape >= 0.93:
        org["offers"].append(_text(rng, fam, offer[1], "offer", lang))
    if shape < 0.93:
        org["seeks"].append(_text(rng, FAMILIES[seek[0]], seek[1], "seek", lang))


def main(argv: list[str]) -> int:
    """Write a synthetic fair (and its planted pairs) as JSON for ``amity recommend``."""
    parser = argparse.ArgumentParser(prog="python -m amity.engine.matching.generator")
    parser.add_argument("--organisations", type=int, default=1000, help="profiles in all")
    parser.add_argument(
        "--pairs",
        type=int,
        help="planted complementary pairs (default: a fifth of --organisations)",
    )
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("-o", "--output", required=True, help="profiles JSON to write")
    parser.add_argument("--planted", help="also write the planted pairs here (JSON)")
    args = parser.parse_args(argv)
    pairs = args.organisations // 5 if args.pairs is None else args.pairs
    if args.organisations < 2 or not 0 <= 2 * pairs <= args.organisations:
        # One line, no traceback: each planted pair takes two of the organisations.
        parser.error(
            f"--pairs {pairs} needs {2 * pairs} organisations, --organisations is"
            f" {args.organisations} (at least 2, and twice --pairs)"
        )
    fair = generate_fair(args.organisations, pairs, args.seed)
    Path(args.output).write_text(json.dumps(fair.profiles, ensure_ascii=False), encoding="utf-8")
    if args.planted:
        pairs = [{"a": p.a, "b": p.b, "cross_language": p.cross_language} for p in fair.planted]
        Path(args.planted).write_text(json.dumps(pairs), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
