"""A plain priority greedy: the baseline a scheduler has to beat.

    python benchmarks/independent/greedy.py PROBLEM.json|.dzn -o SCHEDULE.json

Fixed meetings first, then required ones (fewest interpreters, then fewest slots, first),
then the rest by priority (highest first; ties in the order of the file). Each meeting goes
to its earliest feasible slot, at its home table or else the first free table that is
nobody's home table (then any free table), with the free interpreter who speaks a language
of each member and could serve the fewest meetings. No search, no repair: if a required
meeting does not fit, it is reported unscheduled and the schedule is not valid.
The output has the shape of ``amity schedule -o`` (assignments, unscheduled, objective).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from instances import Instance, load, person_breaks


def _order(inst: Instance) -> list[int]:
    def key(m: int) -> tuple[int, int, int, int, int]:
        req = inst.meetings[m]
        # Required meetings with the fewest interpreters, then slots, go first so they fit.
        interpreters = len(inst.eligible_interpreters(m)) if inst.needs_interpreter(m) else 10**6
        options = len(inst.allowed_slots(m))
        if not req.required:
            interpreters = options = 0
        first = 0 if req.fixed is not None else 1
        return (first, 0 if req.required else 1, interpreters, options, -req.priority)

    return sorted(range(len(inst.meetings)), key=key)


class _State:
    def __init__(self, inst: Instance) -> None:
        self.person_busy = [set() for _ in inst.people]
        self.count = [0] * len(inst.people)
        self.table_busy = [set() for _ in range(inst.n_slots)]
        self.interp_busy = [set() for _ in range(inst.n_slots)]
        homes = {p.home_table for p in inst.people if p.home_table is not None}
        n = len(inst.table_ids)
        # Tables nobody calls home first, so stands stay free for their exhibitors.
        self.table_order = [t for t in range(n) if t not in homes] + sorted(homes)
        # The least versatile interpreter first, so the rare languages stay covered.
        self.eligible: dict[int, list[int]] = {}
        uses = [0] * len(inst.interpreters)
        for m in range(len(inst.meetings)):
            if inst.needs_interpreter(m):
                self.eligible[m] = inst.eligible_interpreters(m)
                for i in self.eligible[m]:
                    uses[i] += 1
        for options in self.eligible.values():
            options.sort(key=lambda i: uses[i])


def _table(state: _State, s: int, home: int | None) -> int | None:
    busy = state.table_busy[s]
    if home is not None:
        return None if home in busy else home
    return next((t for t in state.table_order if t not in busy), None)


def _interpreter(inst: Instance, state: _State, s: int, eligible: list[int]) -> int | None:
    busy = state.interp_busy[s]
    for i in eligible:
        avail = inst.interpreters[i].available
        if i not in busy and (avail is None or s in avail):
            return i
    return None


def _place(inst: Instance, state: _State, m: int) -> tuple[tuple[int, int, int | None] | None, str]:
    req = inst.meetings[m]
    home = inst.home_table(m)
    slots = inst.allowed_slots(m)
    if not slots or home == -1:
        return None, "no_common_free_slot"
    if any(
        inst.people[p].max_meetings is not None and state.count[p] >= inst.people[p].max_meetings
        for p in req.members
    ):
        return None, "max_meetings"
    needs = m in state.eligible
    eligible = state.eligible.get(m, [])
    if needs and not eligible:
        return None, "no_interpreter"
    reason = "capacity"
    for s in slots:
        if any(s in state.person_busy[p] for p in req.members):
            continue
        table = _table(state, s, home)
        if table is None:
            continue
        interp = None
        if needs:
            interp = _interpreter(inst, state, s, eligible)
            if interp is None:
                reason = "no_interpreter"
                continue
        return (s, table, interp), ""
    return None, reason


def solve(inst: Instance) -> dict:
    state = _State(inst)
    assignments, unscheduled = [], []
    slots_of: list[list[int]] = [[] for _ in inst.people]
    for m in _order(inst):
        placed, reason = _place(inst, state, m)
        req = inst.meetings[m]
        if placed is None:
            unscheduled.append({"meeting": req.id, "reason": reason})
            continue
        s, t, i = placed
        for p in req.members:
            state.person_busy[p].add(s)
            state.count[p] += 1
            slots_of[p].append(s)
        state.table_busy[s].add(t)
        if i is not None:
            state.interp_busy[s].add(i)
        assignments.append(
            {
                "meeting": req.id,
                "slot": inst.slot_ids[s],
                "table": inst.table_ids[t],
                "interpreter": None if i is None else inst.interpreters[i].id,
            }
        )
    breaks = [person_breaks(inst, x) for x in slots_of]
    priority = sum(inst.meetings[inst.meeting_index[a["meeting"]]].priority for a in assignments)
    return {
        "assignments": assignments,
        "unscheduled": unscheduled,
        "objective": {
            "priority": priority,
            "breaks": sum(breaks),
            "break_spread": max(breaks, default=0) - min(breaks, default=0),
        },
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("problem")
    parser.add_argument("-o", "--output", help="write here instead of stdout")
    args = parser.parse_args(argv)
    result = solve(load(args.problem))
    text = json.dumps(result, indent=1) + "\n"
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
        o = result["objective"]
        print(
            f"{len(result['assignments'])} scheduled, {len(result['unscheduled'])} not; "
            f"priority {o['priority']}, breaks {o['breaks']}",
            file=sys.stderr,
        )
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
