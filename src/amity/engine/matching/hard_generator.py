"""A harder synthetic (demo) fair, written from issue 13's description of what real fairs do.

The plain generator (generator.py) plants only mutual, home ↔ partner-city pairs whose seekers
list the sector of their need. Real fairs are less kind, and issue 13 lists how:

- pairs are of three kinds: *mutual* (each side seeks what the other offers), *seeker gives
  back* (the seeker also offers something the provider never asked for), *one-sided* (only
  the seeker states a need; the provider may seek something nobody here offers);
- a third of the pairs cross languages, and those are a Chinese-only Shanghai firm with an
  English-writing visitor; many pairs are on the same side (two visitors, two Shanghai firms);
- seekers often list the sector of what they *are* (public administration, wholesale, a
  university …), not of what they need;
- twice as many distractors as pairs, which share the pair's product or place words but state
  other needs (an offer of the same product for another purpose, a request of it elsewhere);
- profiles are untidy: general remarks that answer nobody ("open to all kinds of
  cooperation"), a sentence about the company before the need, a second, unrelated offer.

Planted needs come from a pool that no distractor uses, so a distractor is never relevant;
several pairs may share a need (as on a real fair), which the benchmark counts as relevant
but not as the planted partner. Everything is invented and labelled as demo data.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from amity.engine.matching.generator import (
    HOME_CITY,
    Concept,
    GeneratedFair,
    PlantedPair,
    _all_concepts,
    _Builder,
    _text,
)
from amity.engine.matching.phrasebook import FAMILIES

# Sectors of what a seeker is, regardless of what it seeks (ISIC Rev.4 classes).
IDENTITY_SECTORS = ("8411", "4690", "4610", "4719", "8530", "5510", "7020", "8413")
MODES = ("mutual", "mutual", "seeker_gives_back", "one_sided")
# fmt: off
# General remarks: close to every need in the embedding space, an answer to none.
REMARKS = {
    "en": ("Open to all kinds of cooperation",
           "We look forward to meeting new partners at the fair",
           "Interested in long-term business relationships",
           "Happy to discuss any opportunity with foreign companies",
           "Looking for partners", "We welcome visits to our premises"),
    "zh": ("欢迎各类合作", "期待在洽谈会上结识新的合作伙伴", "希望建立长期业务关系",
           "愿意与外国企业探讨任何合作机会", "寻找合作伙伴", "欢迎来访参观"),
}
# Sentences about the company that people put before their actual need.
INTROS = {
    "en": ("Family-owned since 1998, 40 employees. ", "Member of the local chamber of commerce. ",
           "We have offices in three countries. ", "Our team of twelve engineers is ready. ",
           "Certified to ISO 9001. "),
    "zh": ("公司成立于1998年，现有员工40人。", "我们是本地商会会员单位。",
           "公司在三个国家设有办事处。", "我们拥有一支十二人的工程师团队。",
           "已通过ISO 9001认证。"),
}
# fmt: on


@dataclass(frozen=True)
class _Plan:
    cross: bool
    same_side: bool
    seeker_home: bool
    seeker_lang: str
    provider_lang: str
    mode: str


def _plan(rng: random.Random, index: int, pairs: int) -> _Plan:
    cross = index < round(pairs / 3)
    if cross:
        # Chinese-only Shanghai firm with an English-writing visitor, either one seeking.
        seeker_home = rng.random() < 0.5
        seeker_lang = "zh" if seeker_home else "en"
        provider_lang = "en" if seeker_home else "zh"
        return _Plan(True, False, seeker_home, seeker_lang, provider_lang, rng.choice(MODES))
    same_side = rng.random() < 0.4
    seeker_home = rng.random() < 0.5
    # Two visitors write English; otherwise either language, the same on both sides.
    lang = "en" if same_side and not seeker_home else rng.choice(("en", "zh"))
    return _Plan(False, same_side, seeker_home, lang, lang, rng.choice(MODES))


def _split_concepts(rng: random.Random) -> tuple[list[Concept], list[Concept]]:
    """Planted needs and distractor needs: disjoint, sharing fillers (product/place words)."""
    concepts = _all_concepts()
    rng.shuffle(concepts)
    half = len(concepts) // 2
    return concepts[:half], concepts[half:]


def generate_hard_fair(organisations: int = 1200, pairs: int = 300, seed: int = 1) -> GeneratedFair:
    """``pairs`` planted pairs plus word-sharing distractors up to ``organisations`` profiles."""
    if 2 * pairs > organisations:
        raise ValueError("pairs needs two organisations each")
    rng = random.Random(seed)
    build = _Builder(rng)
    needs: dict[str, dict[str, set[Concept]]] = {}
    build.needs = needs  # type: ignore[attr-defined]
    planted_pool, distractor_pool = _split_concepts(rng)
    planted: list[PlantedPair] = []
    for index in range(pairs):
        plan = _plan(rng, index, pairs)
        need = rng.choice(planted_pool)
        planted.append(_plant(build, rng, plan, need, planted_pool, distractor_pool))
        for same_role in ("offer", "seek"):
            if len(build.orgs) < organisations:
                _word_sharing_distractor(build, rng, need, same_role, distractor_pool)
    while len(build.orgs) < organisations:
        need = rng.choice(planted_pool)
        _word_sharing_distractor(build, rng, need, rng.choice(("offer", "seek")), distractor_pool)
    for org in build.orgs:
        _roughen(build, org, rng, distractor_pool)
    rng.shuffle(build.orgs)
    profiles = {
        "home_city": HOME_CITY,
        "demo": "synthetic fair generated by amity.engine.matching.hard_generator",
        "organisations": build.orgs,
    }
    return GeneratedFair(profiles=profiles, planted=tuple(planted), needs=needs)


def _plant(
    build: _Builder,
    rng: random.Random,
    plan: _Plan,
    need: Concept,
    planted_pool: list[Concept],
    distractor_pool: list[Concept],
) -> PlantedPair:
    fam = FAMILIES[need[0]]
    seeker_sector = rng.choice(IDENTITY_SECTORS) if rng.random() < 0.6 else fam.seek_sector
    provider_home = plan.seeker_home if plan.same_side else not plan.seeker_home
    seeker = build.org(plan.seeker_home, plan.seeker_lang, [seeker_sector], fam.cooperation)
    provider = build.org(provider_home, plan.provider_lang, [fam.offer_sector], fam.cooperation)
    if plan.seeker_lang == "zh" and plan.seeker_home and plan.cross:
        seeker["languages"] = ["zh"]
    if plan.provider_lang == "zh" and provider_home and plan.cross:
        provider["languages"] = ["zh"]
    _state(build, seeker, "seeks", need, _text(rng, fam, need[1], "seek", plan.seeker_lang))
    _state(build, provider, "offers", need, _text(rng, fam, need[1], "offer", plan.provider_lang))
    if plan.mode == "mutual":
        back = rng.choice(planted_pool)
        back_fam = FAMILIES[back[0]]
        _state(
            build,
            provider,
            "seeks",
            back,
            _text(rng, back_fam, back[1], "seek", plan.provider_lang),
        )
        _state(
            build, seeker, "offers", back, _text(rng, back_fam, back[1], "offer", plan.seeker_lang)
        )
    elif plan.mode == "seeker_gives_back":
        gift = rng.choice(distractor_pool)
        _state(
            build,
            seeker,
            "offers",
            gift,
            _text(rng, FAMILIES[gift[0]], gift[1], "offer", plan.seeker_lang),
        )
    elif rng.random() < 0.5:
        # One-sided: the provider also wants something nobody at this fair is asked about.
        other = rng.choice(distractor_pool)
        text = _text(rng, FAMILIES[other[0]], other[1], "seek", plan.provider_lang)
        _state(build, provider, "seeks", other, text)
    return PlantedPair(
        seeker["id"],
        provider["id"],
        plan.cross,
        same_side=plan.same_side,
        mode=plan.mode,
        need=f"{fam.key}:{need[1]}",
    )


def _word_sharing_distractor(
    build: _Builder, rng: random.Random, need: Concept, role: str, pool: list[Concept]
) -> None:
    """A profile using the need's product/place words for another need (never relevant)."""
    fill = FAMILIES[need[0]].fill
    alike = [c for c in pool if c[1] == need[1] and FAMILIES[c[0]].fill == fill]
    concept = rng.choice(alike) if alike else rng.choice(pool)
    other = rng.choice(pool)
    fam = FAMILIES[concept[0]]
    lang = rng.choice(("en", "en", "zh"))
    home = rng.random() < 0.5
    sectors = [fam.offer_sector if role == "offer" else rng.choice(IDENTITY_SECTORS)]
    org = build.org(home, lang, sectors, fam.cooperation)
    if home and lang == "zh" and rng.random() < 0.5:
        org["languages"] = ["zh"]
    if role == "offer":
        _state(build, org, "offers", concept, _text(rng, fam, concept[1], "offer", lang))
        if rng.random() < 0.6:
            _state(
                build, org, "seeks", other, _text(rng, FAMILIES[other[0]], other[1], "seek", lang)
            )
    else:
        _state(build, org, "seeks", concept, _text(rng, fam, concept[1], "seek", lang))
        if rng.random() < 0.6:
            _state(
                build, org, "offers", other, _text(rng, FAMILIES[other[0]], other[1], "offer", lang)
            )


def _roughen(build: _Builder, org: dict, rng: random.Random, pool: list[Concept]) -> None:
    """Untidy the profile as real ones are: an intro sentence, a remark, an unrelated offer."""
    lang = "zh" if org["languages"] == ["zh"] or _writes_chinese(org) else "en"
    for role in ("offers", "seeks"):
        org[role] = [rng.choice(INTROS[lang]) + t if rng.random() < 0.3 else t for t in org[role]]
    if rng.random() < 0.3:
        org[rng.choice(("offers", "seeks"))].append(rng.choice(REMARKS[lang]))
    if rng.random() < 0.25:
        extra = rng.choice(pool)
        _state(build, org, "offers", extra, _text(rng, FAMILIES[extra[0]], extra[1], "offer", lang))


def _writes_chinese(org: dict) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for t in org["offers"] + org["seeks"] for ch in t)


def _state(build: _Builder, org: dict, role: str, concept: Concept, text: str) -> None:
    """Add a text stating ``concept`` and record it, so the benchmark knows who is relevant."""
    org[role].append(text)
    mine = build.needs.setdefault(org["id"], {"offers": set(), "seeks": set()})  # type: ignore[attr-defined]
    mine[role].add(concept)
