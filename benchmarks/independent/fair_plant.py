"""Interpreters, the hidden schedule of required and fixed meetings, and the JSON of a fair.

Fixed and required meetings are placed one by one in a hidden schedule that keeps every
rule (availability, session, one meeting per participant, table and interpreter per slot,
max_meetings, home tables); a candidate that does not fit is left optional and unfixed. So
the required set is always feasible, and no scheduler has to guess why it is not.
"""

from __future__ import annotations

import random
from typing import TYPE_CHECKING

from fair_calendar import DAY2, MORNINGS, N_SLOTS, SESSION_OF

if TYPE_CHECKING:
    from fairs import Fair

Members = tuple[int, ...]


def _speaks(fair: Fair, members: Members) -> list[set[str]]:
    return [set(fair.people[p].languages) for p in members]


def needs_interpreter(fair: Fair, members: Members) -> bool:
    return not set.intersection(*_speaks(fair, members))


def interpreters(rng: random.Random, fair: Fair) -> list[tuple[list[str], list[int] | None]]:
    """A limited pool: per language, well under one interpreter per parallel meeting."""
    demand: dict[tuple[str, str], int] = {}
    for members in fair.requests:
        if not needs_interpreter(fair, members):
            continue
        sides = _speaks(fair, members)
        bridge = "zh" if any("zh" in s for s in sides) else "en"
        other = sorted(set().union(*sides) - {bridge})
        key = (bridge, rng.choice(other))
        demand[key] = demand.get(key, 0) + 1
    pool = []
    for (bridge, lang), count in sorted(demand.items()):
        ratio = rng.uniform(0.25, 0.8) if bridge == "zh" else rng.uniform(0.1, 0.5)
        for _ in range(max(1 if bridge == "zh" else 0, round(count / N_SLOTS * ratio))):
            langs = {bridge, lang}
            if rng.random() < 0.2:
                langs.add("en" if bridge == "zh" else "zh")
            pool.append((sorted(langs), _shift(rng)))
    return pool


def _shift(rng: random.Random) -> list[int] | None:
    r = rng.random()
    if r < 0.5:
        return None
    if r < 0.7:
        return list(range(DAY2))
    if r < 0.9:
        return list(range(DAY2, N_SLOTS))
    return MORNINGS


class _Hidden:
    """The hidden schedule: who and what is busy in each slot."""

    def __init__(self, fair: Fair, n_tables: int, n_slots: int) -> None:
        self.person: list[set[int]] = [set() for _ in fair.people]
        self.table: list[set[int]] = [set() for _ in range(n_slots)]
        self.interp: list[set[int]] = [set() for _ in range(n_slots)]
        self.pool = list(range(fair.n_stands, n_tables))


def allowed(fair: Fair, members: Members) -> list[int]:
    session = fair.sessions.get(members)
    result = []
    for s in range(N_SLOTS):
        if session is not None and SESSION_OF[s] != session:
            continue
        if all(fair.people[p].available is None or s in fair.people[p].available for p in members):
            result.append(s)
    return result


def _try_place(
    rng: random.Random,
    fair: Fair,
    members: Members,
    pool: list[tuple[list[str], list[int] | None]],
    hidden: _Hidden,
    slots: list[int],
) -> int | None:
    homes = {fair.people[p].home_table for p in members} - {None}
    if len(homes) > 1:
        return None
    for p in members:
        cap = fair.people[p].max_meetings
        if cap is not None and len(hidden.person[p]) >= cap:
            return None
    eligible = []
    if needs_interpreter(fair, members):
        sides = _speaks(fair, members)
        eligible = [k for k, (langs, _) in enumerate(pool) if all(set(langs) & x for x in sides)]
        if not eligible:
            return None
    for s in rng.sample(slots, len(slots)):
        if any(s in hidden.person[p] for p in members):
            continue
        free = [t for t in (sorted(homes) or hidden.pool) if t not in hidden.table[s]]
        interp = [
            k
            for k in eligible
            if k not in hidden.interp[s] and (pool[k][1] is None or s in pool[k][1])
        ]
        if not free or (eligible and not interp):
            continue
        for p in members:
            hidden.person[p].add(s)
        hidden.table[s].add(free[0])
        if interp:
            hidden.interp[s].add(rng.choice(interp))
        return s
    return None


def plant(
    rng: random.Random,
    fair: Fair,
    kind: dict,
    pool: list[tuple[list[str], list[int] | None]],
    n_tables: int,
) -> tuple[dict[Members, int], set[Members]]:
    meetings = list(fair.requests)
    weights = [fair.requests[m] for m in meetings]
    n_fixed = round(kind["fixed"] * len(meetings))
    fixed_candidates = list(dict.fromkeys(rng.choices(meetings, weights=weights, k=n_fixed)))
    chosen = set(fixed_candidates)
    must = [m for m in meetings if fair.requests[m] == 3 and m not in chosen]
    required_candidates = rng.sample(must, round(0.2 * len(must)))
    hidden = _Hidden(fair, n_tables, N_SLOTS)
    fixed: dict[Members, int] = {}
    required: set[Members] = set()
    for members in fixed_candidates + required_candidates:
        slots = allowed(fair, members)
        s = _try_place(rng, fair, members, pool, hidden, slots)
        if s is None:
            continue
        required.add(members)
        if members in chosen:
            fixed[members] = s
    return fixed, required


def to_problem(
    rng: random.Random,
    fair: Fair,
    slots: list[dict],
    n_tables: int,
    pool: list[tuple[list[str], list[int] | None]],
    fixed: dict[Members, int],
    required: set[Members],
) -> dict:
    """The JSON problem, with ids that give nothing away (shuffled numbering)."""
    slot_ids = [s["id"] for s in slots]
    table_names = [f"T{k:04d}" for k in rng.sample(range(1, n_tables + 1), n_tables)]
    person_names = [
        f"p{k:05d}" for k in rng.sample(range(1, len(fair.people) + 1), len(fair.people))
    ]
    participants = []
    for k, person in enumerate(fair.people):
        row: dict = {"id": person_names[k], "languages": person.languages}
        if person.available is not None:
            row["available"] = [slot_ids[s] for s in person.available]
        if person.max_meetings is not None:
            row["max_meetings"] = person.max_meetings
        if person.home_table is not None:
            row["home_table"] = table_names[person.home_table]
        participants.append(row)
    participants.sort(key=lambda r: r["id"])
    items = list(fair.requests.items())
    rng.shuffle(items)
    meetings = []
    for n, (members, priority) in enumerate(items, start=1):
        row = {
            "id": f"m{n:05d}",
            "participants": [person_names[p] for p in members],
            "priority": priority,
            "required": members in required,
        }
        if members in fair.sessions:
            row["session"] = fair.sessions[members]
        if members in fixed:
            row["slot"] = slot_ids[fixed[members]]
        meetings.append(row)
    interps = []
    for n, (langs, shift) in enumerate(pool, start=1):
        row = {"id": f"i{n:03d}", "languages": langs}
        if shift is not None:
            row["available"] = [slot_ids[s] for s in shift]
        interps.append(row)
    return {
        "slots": slots,
        "tables": [{"id": t} for t in sorted(table_names)],
        "participants": participants,
        "meetings": meetings,
        "interpreters": interps,
    }
