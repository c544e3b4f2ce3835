"""Reading the JAIR B2B instances (MiniZinc data files) as Amity problems."""

from __future__ import annotations

import re

from amity.engine.scheduling.formats.checks import check_fixed_slots
from amity.engine.scheduling.model import (
    Fairness,
    Meeting,
    Participant,
    Problem,
    ProblemError,
    Slot,
    Table,
)


def _dzn_values(text: str) -> dict[str, str]:
    text = re.sub(r"%[^\n]*", "", text)
    values = {}
    for statement in text.split(";"):
        if "=" in statement:
            name, value = statement.split("=", 1)
            values[name.strip()] = value.strip()
    return values


def _dzn_ints(value: str) -> list[int]:
    return [int(x) for x in re.findall(r"-?\d+", value)]


def read_problem_dzn(text: str, *, fairness: int | None = 2) -> Problem:
    """Read a JAIR B2B instance (see ``../shared/benchmarks/b2b-jair/README.md``).

    Ids follow the file: participants p1…, meetings m1… in the order of ``requested``, slots
    t1…; one block for the whole day (breaks span lunch, as in the paper); morning slots are
    session "am", the others "pm"; identical tables T1…; every meeting is required.
    """
    try:
        v = _dzn_values(text)
        n_people = int(v["nBusiness"])
        n_meetings = int(v["nMeetings"])
        n_tables = int(v["nTables"])
        n_slots = int(v["nTotalSlots"])
        n_morning = int(v["nMorningSlots"])
        requested = _dzn_ints(v["requested"])
        forbidden_sets = re.findall(r"\{([^}]*)\}", v["forbidden"])
        fixed = _dzn_ints(v["fixed"]) if "fixed" in v else [0] * n_meetings
    except (KeyError, ValueError) as exc:
        raise ProblemError(f"dzn: missing or malformed value {exc}") from None
    if len(requested) != 3 * n_meetings:
        raise ProblemError(f"dzn.requested: expected {n_meetings} rows of 3 integers")
    if len(forbidden_sets) != n_people:
        raise ProblemError(f"dzn.forbidden: expected {n_people} sets")
    if len(fixed) != n_meetings:
        raise ProblemError(f"dzn.fixed: expected {n_meetings} values")
    slots = tuple(
        Slot(id=f"t{k}", block="day", session="am" if k <= n_morning else "pm")
        for k in range(1, n_slots + 1)
    )
    all_slots = {s.id for s in slots}
    people = []
    for n, body in enumerate(forbidden_sets, start=1):
        banned = {f"t{k}" for k in _dzn_ints(body) if k > 0}
        people.append(
            Participant(id=f"p{n}", available=None if not banned else frozenset(all_slots - banned))
        )
    meetings = []
    for n in range(n_meetings):
        a, b, kind = requested[3 * n : 3 * n + 3]
        for x in (a, b):
            if not 1 <= x <= n_people:
                raise ProblemError(f"dzn.requested (meeting m{n + 1}): unknown participant p{x}")
        if kind not in (1, 2, 3):
            raise ProblemError(f"dzn.requested (meeting m{n + 1}): session must be 1, 2 or 3")
        meetings.append(
            Meeting(
                id=f"m{n + 1}",
                participants=(f"p{a}", f"p{b}"),
                required=True,
                session={1: "am", 2: "pm", 3: None}[kind],
                slot=f"t{fixed[n]}" if fixed[n] > 0 else None,
            )
        )
    problem = Problem(
        slots=slots,
        tables=tuple(Table(id=f"T{k}") for k in range(1, n_tables + 1)),
        participants=tuple(people),
        meetings=tuple(meetings),
        fairness=None if fairness is None else Fairness(max_break_spread=fairness),
    )
    check_fixed_slots(problem)
    return problem
