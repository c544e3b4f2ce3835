"""The vocabulary of the independent test bed: themes, the needs planted in them, and decoys.

A need is one thing an organisation can offer and another can seek, written as noun phrases in
English and Chinese (for a few, also in another language); phrasing.py turns a phrase into an
offer or a request. Each theme also has a give-back (what its seekers can offer their
providers in return) and decoys: needs that share the theme's words but are something else,
stated only by distractors. Needs are complementary only with themselves, by key, so the
ground truth is exact: two organisations are relevant to each other when one seeks a need
the other offers. The texts live in themes/*.toml; this module reads and checks them.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from amity.engine.matching.isic import is_known
from amity.engine.matching.model import COOPERATION_TYPES

THEMES_DIR = Path(__file__).with_name("themes")
HOME_SIDES = ("provider", "seeker", "either")


@dataclass(frozen=True)
class Role:
    """Who states one side of a need: what they are, how they cooperate, how they are named."""

    # The ISIC codes such an organisation lists about itself.
    sectors: tuple[str, ...]
    kind: str = "enterprise"
    cooperation: tuple[str, ...] = ()
    who_en: tuple[str, ...] = ()
    who_zh: tuple[str, ...] = ()
    # Cores of organisation names ("Port Systems", "港口机械").
    name_en: tuple[str, ...] = ()
    name_zh: tuple[str, ...] = ()


@dataclass(frozen=True)
class Need:
    key: str
    en: tuple[str, ...]
    zh: tuple[str, ...]
    # The sectors of the thing itself: what its provider lists.
    sectors: tuple[str, ...] = ()
    # Requests told as the seeker's problem rather than by naming the thing.
    seek_en: tuple[str, ...] = ()
    seek_zh: tuple[str, ...] = ()
    # (language, noun phrase) in languages other than English and Chinese.
    other: tuple[tuple[str, str], ...] = ()
    # Who provides or seeks it when not the theme's usual provider or seeker.
    provider: Role | None = None
    seeker: Role | None = None
    # Which side is the Shanghai one in a home/partner pair; None: the theme's rule.
    home: str | None = None
    # Decoys only: who states it.
    role: Role | None = None


@dataclass(frozen=True)
class Theme:
    key: str
    title: str
    provider: Role
    seeker: Role
    needs: tuple[Need, ...]
    give_back: Need
    decoys: tuple[Need, ...]
    # "provider", "seeker" or "either": which side is usually the Shanghai one.
    home: str
    # Partner cities where such organisations are plausible.
    cities: tuple[str, ...]

    def provider_of(self, need: Need) -> Role:
        return need.provider or self.provider

    def seeker_of(self, need: Need) -> Role:
        return need.seeker or self.seeker

    def home_side_of(self, need: Need) -> str:
        return need.home or self.home


class CatalogueError(ValueError):
    """A theme file that does not describe what the generator needs."""


@cache
def all_themes() -> tuple[Theme, ...]:
    """Every theme of themes/*.toml, in file then file order (the output depends on it)."""
    themes: list[Theme] = []
    for path in sorted(THEMES_DIR.glob("*.toml")):
        with path.open("rb") as handle:
            document = tomllib.load(handle)
        themes += [
            _theme(raw, f"{path.name}: theme {index}")
            for index, raw in enumerate(document.get("theme", []))
        ]
    _check_unique_keys(themes)
    return tuple(themes)


def _theme(raw: dict[str, Any], where: str) -> Theme:
    where = f"{where} ({raw.get('key', '?')})"
    _only(
        raw,
        {"key", "title", "home", "cities", "provider", "seeker", "need", "give_back", "decoy"},
        where,
    )
    if raw.get("home") not in HOME_SIDES:
        raise CatalogueError(f"{where}: home must be one of {HOME_SIDES}")
    theme = Theme(
        key=raw["key"],
        title=raw["title"],
        provider=_role(raw["provider"], f"{where} provider"),
        seeker=_role(raw["seeker"], f"{where} seeker"),
        needs=tuple(_need(need, f"{where} need {i}") for i, need in enumerate(raw["need"])),
        give_back=_need(raw["give_back"], f"{where} give_back"),
        decoys=tuple(_decoy(d, f"{where} decoy {i}") for i, d in enumerate(raw["decoy"])),
        home=raw["home"],
        cities=tuple(raw["cities"]),
    )
    for need in theme.needs:
        shared = set(theme.provider_of(need).cooperation) & set(theme.seeker_of(need).cooperation)
        if not shared:
            raise CatalogueError(f"{where}: {need.key}'s two sides share no cooperation type")
    return theme


def _role(raw: dict[str, Any], where: str) -> Role:
    _only(raw, {"sectors", "kind", "cooperation", "who_en", "who_zh", "name_en", "name_zh"}, where)
    role = Role(
        sectors=_sectors(raw["sectors"], where),
        kind=raw.get("kind", "enterprise"),
        cooperation=_cooperation(raw["cooperation"], where),
        who_en=tuple(raw["who_en"]),
        who_zh=tuple(raw["who_zh"]),
        name_en=tuple(raw["name_en"]),
        name_zh=tuple(raw["name_zh"]),
    )
    if not (role.who_en and role.who_zh and role.name_en and role.name_zh):
        raise CatalogueError(f"{where}: who_en, who_zh, name_en and name_zh must not be empty")
    return role


def _need(raw: dict[str, Any], where: str) -> Need:
    _only(
        raw,
        {"key", "sectors", "en", "zh", "seek_en", "seek_zh", "other", "provider", "seeker", "home"},
        where,
    )
    if not raw.get("en") or not raw.get("zh"):
        raise CatalogueError(f"{where}: a need has English and Chinese phrases")
    if raw.get("home", "either") not in HOME_SIDES:
        raise CatalogueError(f"{where}: home must be one of {HOME_SIDES}")
    return Need(
        key=raw["key"],
        en=tuple(raw["en"]),
        zh=tuple(raw["zh"]),
        sectors=_sectors(raw.get("sectors", []), where),
        seek_en=tuple(raw.get("seek_en", ())),
        seek_zh=tuple(raw.get("seek_zh", ())),
        other=tuple((lang, phrase) for lang, phrase in raw.get("other", ())),
        provider=_role(raw["provider"], f"{where} provider") if "provider" in raw else None,
        seeker=_role(raw["seeker"], f"{where} seeker") if "seeker" in raw else None,
        home=raw.get("home"),
    )


def _decoy(raw: dict[str, Any], where: str) -> Need:
    _only(raw, {"key", "sectors", "kind", "cooperation", "who", "name", "en", "zh"}, where)
    (who_en, who_zh), (name_en, name_zh) = raw["who"], raw["name"]
    role = _role(
        {
            "sectors": raw["sectors"],
            "kind": raw["kind"],
            "cooperation": raw["cooperation"],
            "who_en": [who_en],
            "who_zh": [who_zh],
            "name_en": [name_en],
            "name_zh": [name_zh],
        },
        where,
    )
    need = _need(
        {"key": raw["key"], "sectors": raw["sectors"], "en": raw["en"], "zh": raw["zh"]}, where
    )
    return Need(need.key, en=need.en, zh=need.zh, sectors=need.sectors, role=role)


def _sectors(codes: list[str], where: str) -> tuple[str, ...]:
    for code in codes:
        if not is_known(code):
            raise CatalogueError(f"{where}: unknown ISIC code {code!r}")
    return tuple(codes)


def _cooperation(kinds: list[str], where: str) -> tuple[str, ...]:
    for kind in kinds:
        if kind not in COOPERATION_TYPES:
            raise CatalogueError(f"{where}: unknown cooperation type {kind!r}")
    return tuple(kinds)


def _only(raw: dict[str, Any], allowed: set[str], where: str) -> None:
    unknown = sorted(set(raw) - allowed)
    if unknown:
        raise CatalogueError(f"{where}: unknown field(s) {', '.join(unknown)}")


def _check_unique_keys(themes: list[Theme]) -> None:
    seen: set[str] = set()
    for theme in themes:
        keys = [theme.key, theme.give_back.key]
        keys += [need.key for need in theme.needs + theme.decoys]
        for key in keys:
            if key in seen:
                raise CatalogueError(f"duplicate key {key!r} (theme {theme.key})")
            seen.add(key)
