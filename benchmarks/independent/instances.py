"""Problems of the independent test bed, read from Amity's JSON or the JAIR ``.dzn`` format.

Written from the format descriptions only (model.py, io.py, dzn.py docstrings and the JAIR
README), not from the scheduler: this parser, not Amity's, feeds the checker, the greedy, the
LP bound and the reference solver, so a misreading in Amity's reader shows up as a difference.

Slots, tables, participants, meetings and interpreters are held by index; every set of slots
is a set of slot indices.
"""

from __future__ import annotations

import itertools
import json
import re
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Person:
    id: str
    languages: frozenset[str]
    available: frozenset[int] | None  # None: every slot
    max_meetings: int | None
    home_table: int | None


@dataclass(frozen=True)
class Request:
    id: str
    members: tuple[int, ...]
    priority: int
    required: bool
    session: str | None
    fixed: int | None


@dataclass(frozen=True)
class Interp:
    id: str
    languages: frozenset[str]
    available: frozenset[int] | None


@dataclass
class Instance:
    name: str
    slot_ids: list[str]
    slot_block: list[str]
    slot_session: list[str | None]
    table_ids: list[str]
    people: list[Person]
    meetings: list[Request]
    interpreters: list[Interp] = field(default_factory=list)
    max_break_spread: int | None = None

    def __post_init__(self) -> None:
        self.slot_index = {s: k for k, s in enumerate(self.slot_ids)}
        self.table_index = {t: k for k, t in enumerate(self.table_ids)}
        self.person_index = {p.id: k for k, p in enumerate(self.people)}
        self.meeting_index = {m.id: k for k, m in enumerate(self.meetings)}
        self.interp_index = {i.id: k for k, i in enumerate(self.interpreters)}
        # Position of each slot within its block, in the order the slots are listed.
        self.block_position: list[int] = []
        seen: dict[str, int] = {}
        for block in self.slot_block:
            self.block_position.append(seen.get(block, 0))
            seen[block] = seen.get(block, 0) + 1
        self.meetings_of: list[list[int]] = [[] for _ in self.people]
        for k, m in enumerate(self.meetings):
            for p in m.members:
                self.meetings_of[p].append(k)

    @property
    def n_slots(self) -> int:
        return len(self.slot_ids)

    # ------------------------------------------------------------ rules per meeting

    def home_table(self, m: int) -> int | None:
        """The one table the meeting may use, None if any; -1 if its members' tables differ."""
        homes = {self.people[p].home_table for p in self.meetings[m].members}
        homes.discard(None)
        if len(homes) > 1:
            return -1
        return next(iter(homes)) if homes else None

    def allowed_slots(self, m: int) -> list[int]:
        """Slots where every member is available, in the meeting's session and fixed slot."""
        req = self.meetings[m]
        result = []
        for s in range(self.n_slots):
            if req.fixed is not None and s != req.fixed:
                continue
            if req.session is not None and self.slot_session[s] != req.session:
                continue
            if all(_free(self.people[p].available, s) for p in req.members):
                result.append(s)
        return result

    def needs_interpreter(self, m: int) -> bool:
        # A member without any language listed is taken as "no constraint" (the JAIR
        # instances list none and need no interpreters).
        langs = [self.people[p].languages for p in self.meetings[m].members]
        if any(not x for x in langs):
            return False
        return not frozenset.intersection(*langs)

    def eligible_interpreters(self, m: int) -> list[int]:
        """Interpreters speaking a language of every member (for a meeting that needs one)."""
        langs = [self.people[p].languages for p in self.meetings[m].members]
        return [k for k, i in enumerate(self.interpreters) if all(i.languages & x for x in langs)]


def _free(available: frozenset[int] | None, s: int) -> bool:
    return available is None or s in available


# ---------------------------------------------------------------- breaks


def person_breaks(inst: Instance, slots: list[int]) -> int:
    """Breaks of one participant whose meetings are in ``slots``: per block, the number of
    gaps (one or more free slots) between consecutive meetings."""
    by_block: dict[str, list[int]] = {}
    for s in slots:
        by_block.setdefault(inst.slot_block[s], []).append(inst.block_position[s])
    breaks = 0
    for positions in by_block.values():
        positions.sort()
        breaks += sum(1 for a, b in itertools.pairwise(positions) if b - a > 1)
    return breaks


# ---------------------------------------------------------------- JSON


def _slot_set(value: object, slot_index: dict[str, int]) -> frozenset[int] | None:
    if value is None:
        return None
    return frozenset(slot_index[s] for s in value)  # type: ignore[union-attr]


def from_json(data: dict, name: str = "problem") -> Instance:
    slots = data["slots"]
    slot_ids = [s["id"] for s in slots]
    slot_index = {s: k for k, s in enumerate(slot_ids)}
    table_ids = [t["id"] for t in data["tables"]]
    table_index = {t: k for k, t in enumerate(table_ids)}
    people = [
        Person(
            id=p["id"],
            languages=frozenset(p.get("languages") or ()),
            available=_slot_set(p.get("available"), slot_index),
            max_meetings=p.get("max_meetings"),
            home_table=None if p.get("home_table") is None else table_index[p["home_table"]],
        )
        for p in data["participants"]
    ]
    person_index = {p.id: k for k, p in enumerate(people)}
    meetings = [
        Request(
            id=m["id"],
            members=tuple(person_index[x] for x in m["participants"]),
            priority=m.get("priority", 1),
            required=m.get("required", False),
            session=m.get("session"),
            fixed=None if m.get("slot") is None else slot_index[m["slot"]],
        )
        for m in data["meetings"]
    ]
    interpreters = [
        Interp(
            id=i["id"],
            languages=frozenset(i.get("languages") or ()),
            available=_slot_set(i.get("available"), slot_index),
        )
        for i in data.get("interpreters") or []
    ]
    fairness = data.get("fairness")
    return Instance(
        name=name,
        slot_ids=slot_ids,
        slot_block=[s.get("block", "all") for s in slots],
        slot_session=[s.get("session") for s in slots],
        table_ids=table_ids,
        people=people,
        meetings=meetings,
        interpreters=interpreters,
        max_break_spread=None if fairness is None else fairness["max_break_spread"],
    )


# ---------------------------------------------------------------- JAIR .dzn


def dzn_values(text: str) -> dict[str, str]:
    text = re.sub(r"%[^\n]*", "", text)
    values = {}
    for statement in text.split(";"):
        if "=" in statement:
            key, value = statement.split("=", 1)
            values[key.strip()] = value.strip()
    return values


def ints(text: str) -> list[int]:
    return [int(x) for x in re.findall(r"-?\d+", text)]


def from_dzn(text: str, name: str = "dzn", fairness: int | None = 2) -> Instance:
    """The JAIR rules: one block for the whole day, morning slots are session "am", every
    meeting required, identical tables; ids p1…, m1… (order of ``requested``), t1…, T1…."""
    v = dzn_values(text)
    n_people, n_meetings = int(v["nBusiness"]), int(v["nMeetings"])
    n_slots, n_morning = int(v["nTotalSlots"]), int(v["nMorningSlots"])
    requested = ints(v["requested"])
    forbidden = [ints(body) for body in re.findall(r"\{([^}]*)\}", v["forbidden"])]
    fixed = ints(v["fixed"]) if "fixed" in v else [0] * n_meetings
    assert len(requested) == 3 * n_meetings
    assert len(forbidden) == n_people
    everything = frozenset(range(n_slots))
    people = []
    for k, banned in enumerate(forbidden, start=1):
        out = {s - 1 for s in banned if s > 0}
        people.append(Person(f"p{k}", frozenset(), everything - out if out else None, None, None))
    meetings = []
    for k in range(n_meetings):
        a, b, kind = requested[3 * k : 3 * k + 3]
        meetings.append(
            Request(
                id=f"m{k + 1}",
                members=(a - 1, b - 1),
                priority=1,
                required=True,
                session={1: "am", 2: "pm", 3: None}[kind],
                fixed=fixed[k] - 1 if fixed[k] > 0 else None,
            )
        )
    return Instance(
        name=name,
        slot_ids=[f"t{k}" for k in range(1, n_slots + 1)],
        slot_block=["day"] * n_slots,
        slot_session=["am" if k <= n_morning else "pm" for k in range(1, n_slots + 1)],
        table_ids=[f"T{k}" for k in range(1, int(v["nTables"]) + 1)],
        people=people,
        meetings=meetings,
        max_break_spread=fairness,
    )


def load(path: str | Path) -> Instance:
    path = Path(path)
    text = path.read_text(encoding="utf-8")
    name = path.name.removesuffix(".json").removesuffix(".dzn").removesuffix(".original")
    if path.suffix == ".dzn":
        return from_dzn(text, name=name)
    return from_json(json.loads(text), name=name)
