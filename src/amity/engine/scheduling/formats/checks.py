"""Checks of a problem that both readers (JSON and ``.dzn``) apply after parsing.

A module of its own so that ``io.py`` can dispatch to ``dzn.py`` and ``dzn.py`` can use the
checks without either importing the other in a cycle.
"""

from __future__ import annotations

from collections import Counter

from amity.engine.scheduling.model import Problem, ProblemError


def check_fixed_slots(problem: Problem) -> None:
    """Reject fixed slots that no schedule could honour (availability, session, clashes)."""
    slots = {s.id: s for s in problem.slots}
    people = {p.id: p for p in problem.participants}
    taken: dict[tuple[str, str], str] = {}
    per_slot: Counter[str] = Counter()
    for m in problem.meetings:
        if m.slot is None:
            continue
        where = f"meetings.slot (meeting {m.id})"
        if m.session is not None and slots[m.slot].session != m.session:
            raise ProblemError(f"{where}: slot {m.slot} is not in session {m.session}")
        for pid in m.participants:
            avail = people[pid].available
            if avail is not None and m.slot not in avail:
                raise ProblemError(f"{where}: participant {pid} is not available in {m.slot}")
            if (pid, m.slot) in taken:
                raise ProblemError(
                    f"{where}: participant {pid} also has fixed meeting "
                    f"{taken[(pid, m.slot)]} in {m.slot}"
                )
            taken[(pid, m.slot)] = m.id
        per_slot[m.slot] += 1
        if per_slot[m.slot] > len(problem.tables):
            raise ProblemError(f"{where}: more fixed meetings in {m.slot} than tables")
