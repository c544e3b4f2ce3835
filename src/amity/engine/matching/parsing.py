"""Read fair profiles from JSON and write recommendations back, rejecting bad input clearly.

Every rejection is a ProfileError naming the organisation and the field, so the CLI can print
one line and the web fair can show it next to the offending form field.
"""

from __future__ import annotations

import json
from dataclasses import asdict, fields
from typing import Any

from amity.engine.matching.isic import is_known, normalise_code
from amity.engine.matching.model import (
    COOPERATION_TYPES,
    FairProfiles,
    Organisation,
    Reason,
    RecommendationResult,
)

DEFAULT_HOME_CITY = "Shanghai"
_REASON_FIELDS = tuple(f.name for f in fields(Reason))


class ProfileError(ValueError):
    """Bad fair input. ``org_id`` is None for problems with the file as a whole."""

    def __init__(self, org_id: str | None, field: str, problem: str) -> None:
        self.org_id = org_id
        self.field = field
        self.problem = problem
        where = f"organisation {org_id!r}, field {field!r}" if org_id else f"field {field!r}"
        super().__init__(f"{where}: {problem}")


def loads_profiles(text: str) -> FairProfiles:
    """Parse the profiles JSON document (issue 4's format)."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ProfileError(
            None, "json", f"malformed JSON at line {exc.lineno} column {exc.colno}: {exc.msg}"
        ) from None
    return parse_profiles(data)


def parse_profiles(data: Any) -> FairProfiles:
    """Validate an already-decoded profiles document into typed values."""
    if not isinstance(data, dict):
        raise ProfileError(None, "profiles", "the document must be a JSON object")
    home_city = data.get("home_city", DEFAULT_HOME_CITY)
    if not isinstance(home_city, str) or not home_city.strip():
        raise ProfileError(None, "home_city", "must be a non-empty string")
    raw_orgs = data.get("organisations")
    if raw_orgs is None and "organizations" in data:
        raise ProfileError(None, "organizations", "the list is spelled 'organisations'")
    if not isinstance(raw_orgs, list):
        raise ProfileError(None, "organisations", "must be a list of organisation objects")

    orgs: list[Organisation] = []
    seen: set[str] = set()
    for index, raw in enumerate(raw_orgs):
        org = _parse_org(raw, index)
        if org.id in seen:
            raise ProfileError(org.id, "id", "duplicate id")
        seen.add(org.id)
        orgs.append(org)

    # References are checked once all ids are known.
    for org in orgs:
        for field_name in ("must_meet", "no_thanks"):
            for other in getattr(org, field_name):
                if other not in seen:
                    raise ProfileError(org.id, field_name, f"unknown organisation id {other!r}")
                if other == org.id:
                    raise ProfileError(org.id, field_name, "an organisation cannot name itself")
    return FairProfiles(home_city=home_city.strip(), organisations=tuple(orgs))


def _parse_org(raw: Any, index: int) -> Organisation:
    if not isinstance(raw, dict):
        raise ProfileError(None, f"organisations[{index}]", "must be an object")
    org_id = raw.get("id")
    if not isinstance(org_id, str) or not org_id.strip():
        raise ProfileError(None, f"organisations[{index}].id", "must be a non-empty string")
    org_id = org_id.strip()

    def text(field_name: str, default: str = "", required: bool = False) -> str:
        value = raw.get(field_name, None)
        if value is None:
            if required:
                raise ProfileError(org_id, field_name, "is required")
            return default
        if not isinstance(value, str):
            raise ProfileError(org_id, field_name, "must be a string")
        if required and not value.strip():
            raise ProfileError(org_id, field_name, "must not be blank")
        return value.strip()

    def strings(field_name: str, allow_blank: bool = False) -> tuple[str, ...]:
        value = raw.get(field_name, [])
        if value is None:
            return ()
        if not isinstance(value, list):
            raise ProfileError(org_id, field_name, "must be a list of strings")
        out: list[str] = []
        for position, item in enumerate(value):
            if not isinstance(item, str):
                raise ProfileError(org_id, field_name, f"item {position} must be a string")
            if not item.strip():
                if allow_blank:
                    continue
                raise ProfileError(org_id, field_name, f"item {position} is blank")
            out.append(item.strip())
        return tuple(out)

    sectors: list[str] = []
    for code in strings("sectors"):
        normal = normalise_code(code)
        if not is_known(normal):
            raise ProfileError(org_id, "sectors", f"unknown ISIC Rev.4 code {code!r}")
        sectors.append(normal)

    cooperation = strings("cooperation")
    for kind in cooperation:
        if kind not in COOPERATION_TYPES:
            allowed = ", ".join(COOPERATION_TYPES)
            raise ProfileError(
                org_id, "cooperation", f"unknown cooperation type {kind!r} (allowed: {allowed})"
            )

    max_meetings = raw.get("max_meetings", 10)
    if isinstance(max_meetings, bool) or not isinstance(max_meetings, int) or max_meetings < 1:
        raise ProfileError(org_id, "max_meetings", "must be a positive integer")

    return Organisation(
        id=org_id,
        name=text("name", default=org_id),
        city=text("city", required=True),
        country=text("country"),
        kind=text("kind", default="enterprise"),
        size=text("size"),
        sectors=tuple(sectors),
        languages=tuple(lang.lower() for lang in strings("languages")),
        offers=strings("offers"),
        seeks=strings("seeks"),
        cooperation=cooperation,
        description=text("description"),
        max_meetings=max_meetings,
        must_meet=strings("must_meet"),
        no_thanks=strings("no_thanks"),
    )


def result_to_json(result: RecommendationResult) -> dict[str, Any]:
    """The output document of issue 4: recommendations, exposure and backend."""

    def reason(r: Reason) -> dict[str, Any]:
        # dataclasses.asdict deep-copies recursively and dominated writing 200,000 suggestions.
        values = ((name, getattr(r, name)) for name in _REASON_FIELDS)
        return {name: value for name, value in values if value is not None}

    recommendations = {
        org_id: [
            {
                "id": rec.id,
                "score": round(rec.score, 4),
                "interpreter_needed": rec.interpreter_needed,
                **({"must_meet": True} if rec.must_meet else {}),
                "reasons": [reason(r) for r in rec.reasons],
            }
            for rec in recs
        ]
        for org_id, recs in result.recommendations.items()
    }
    out: dict[str, Any] = {
        "recommendations": recommendations,
        "exposure": asdict(result.exposure),
        "backend": result.backend,
    }
    if result.warnings:
        out["warnings"] = list(result.warnings)
    return out
