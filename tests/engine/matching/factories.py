"""Small profile builders for the matching tests (factories, not fixture files)."""

from __future__ import annotations

from typing import Any


def org(org_id: str, city: str = "Shanghai", **fields: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "id": org_id,
        "name": org_id,
        "city": city,
        "sectors": [],
        "languages": ["en"],
        "offers": [],
        "seeks": [],
        "cooperation": [],
        "max_meetings": 10,
    }
    base.update(fields)
    return base


def fair(*orgs: dict[str, Any], home_city: str = "Shanghai") -> dict[str, Any]:
    return {"home_city": home_city, "organisations": list(orgs)}
