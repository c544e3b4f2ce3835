"""An independent checker of a schedule (the JSON ``amity schedule -o`` writes) against a problem.

    python benchmarks/independent/check.py PROBLEM.json|.dzn SCHEDULE.json [--json]

Checks every rule (written from model.py's docstrings and the JAIR README, not from Amity's
validator), recomputes total priority, breaks, break spread and table changes, and compares
them with what the schedule claims. Exit code 0 when valid, 1 when not.

Rules checked: known ids; a meeting at most once; the slot in the meeting's session and its
fixed slot; every member available; a participant at most once per slot and at most
max_meetings; a table at most once per slot; a participant with a home table meets only there;
a meeting whose members share no language has an interpreter who speaks a language of every
member, is available and works one meeting per slot; every required meeting scheduled; every
other meeting listed as unscheduled exactly once; the fairness bound on break spread; the
claimed priority, breaks and spread equal the recomputed ones.
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path

from instances import Instance, load, person_breaks


@dataclass
class Report:
    valid: bool = True
    errors: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    scheduled: int = 0
    meetings: int = 0
    priority: int = 0
    priority_total: int = 0
    breaks: int = 0
    break_spread: int = 0
    break_spread_active: int = 0
    table_changes: int = 0
    claimed: dict = field(default_factory=dict)

    def error(self, text: str) -> None:
        self.valid = False
        if len(self.errors) < 200:
            self.errors.append(text)


@dataclass
class _Seen:
    person_slot: dict[tuple[int, int], str] = field(default_factory=dict)
    table_slot: dict[tuple[int, int], str] = field(default_factory=dict)
    interp_slot: dict[tuple[int, int], str] = field(default_factory=dict)
    slots_of: dict[int, list[tuple[int, int]]] = field(default_factory=dict)


def _check_assignment(inst: Instance, row: dict, report: Report, seen: _Seen) -> int | None:
    mid = row.get("meeting")
    if mid not in inst.meeting_index:
        report.error(f"assignment: unknown meeting {mid}")
        return None
    m = inst.meeting_index[mid]
    req = inst.meetings[m]
    s, t = inst.slot_index.get(row.get("slot")), inst.table_index.get(row.get("table"))
    if s is None or t is None:
        report.error(f"{mid}: unknown slot {row.get('slot')} or table {row.get('table')}")
        return None
    if req.session is not None and inst.slot_session[s] != req.session:
        report.error(f"{mid}: slot {inst.slot_ids[s]} is not in session {req.session}")
    if req.fixed is not None and s != req.fixed:
        report.error(f"{mid}: fixed to {inst.slot_ids[req.fixed]}, scheduled in {row['slot']}")
    for p in req.members:
        person = inst.people[p]
        if person.available is not None and s not in person.available:
            report.error(f"{mid}: {person.id} is not available in {row['slot']}")
        if (p, s) in seen.person_slot:
            report.error(
                f"{mid}: {person.id} also meets in {row['slot']} ({seen.person_slot[p, s]})"
            )
        seen.person_slot[p, s] = mid
        seen.slots_of.setdefault(p, []).append((s, t))
        if person.home_table is not None and person.home_table != t:
            report.error(
                f"{mid}: {person.id} meets only at {inst.table_ids[person.home_table]}, "
                f"not {row['table']}"
            )
    if (t, s) in seen.table_slot:
        report.error(
            f"{mid}: table {row['table']} in {row['slot']} also has {seen.table_slot[t, s]}"
        )
    seen.table_slot[t, s] = mid
    _check_interpreter(inst, m, s, row.get("interpreter"), report, seen)
    return m


def _check_interpreter(
    inst: Instance, m: int, s: int, iid: str | None, report: Report, seen: _Seen
) -> None:
    mid = inst.meetings[m].id
    needed = inst.needs_interpreter(m)
    if iid is None:
        if needed:
            report.error(f"{mid}: members share no language and no interpreter is assigned")
        return
    if iid not in inst.interp_index:
        report.error(f"{mid}: unknown interpreter {iid}")
        return
    i = inst.interp_index[iid]
    interp = inst.interpreters[i]
    if not needed:
        report.notes.append(f"{mid}: interpreter {iid} assigned though not needed")
    for p in inst.meetings[m].members:
        langs = inst.people[p].languages
        if langs and not interp.languages & langs:
            report.error(f"{mid}: interpreter {iid} speaks no language of {inst.people[p].id}")
    if interp.available is not None and s not in interp.available:
        report.error(f"{mid}: interpreter {iid} is not available in {inst.slot_ids[s]}")
    if (i, s) in seen.interp_slot:
        report.error(f"{mid}: interpreter {iid} also works in {inst.slot_ids[s]}")
    seen.interp_slot[i, s] = mid


def _table_changes(slots: list[tuple[int, int]]) -> int:
    tables = [t for _, t in sorted(slots)]
    return sum(1 for a, b in itertools.pairwise(tables) if a != b)


def check(inst: Instance, schedule: dict) -> Report:
    report = Report(meetings=len(inst.meetings))
    report.priority_total = sum(m.priority for m in inst.meetings)
    seen = _Seen()
    placed: Counter[int] = Counter()
    for row in schedule.get("assignments", []):
        m = _check_assignment(inst, row, report, seen)
        if m is not None:
            placed[m] += 1
    for m, count in placed.items():
        if count > 1:
            report.error(f"{inst.meetings[m].id}: scheduled {count} times")
    for p, slots in seen.slots_of.items():
        cap = inst.people[p].max_meetings
        if cap is not None and len(slots) > cap:
            report.error(f"{inst.people[p].id}: {len(slots)} meetings, max_meetings is {cap}")
    for m, req in enumerate(inst.meetings):
        if req.required and m not in placed:
            report.error(f"{req.id}: required but not scheduled")
    listed = Counter(u.get("meeting") for u in schedule.get("unscheduled", []))
    for m, req in enumerate(inst.meetings):
        expected = 0 if m in placed else 1
        if listed.get(req.id, 0) != expected:
            report.error(
                f"{req.id}: listed {listed.get(req.id, 0)} times as unscheduled, "
                f"expected {expected}"
            )
    _objective(inst, schedule, report, placed, seen)
    return report


def _objective(
    inst: Instance, schedule: dict, report: Report, placed: Counter[int], seen: _Seen
) -> None:
    report.scheduled = len(placed)
    report.priority = sum(inst.meetings[m].priority for m in placed)
    per_person = [
        person_breaks(inst, [s for s, _ in seen.slots_of.get(p, [])])
        for p in range(len(inst.people))
    ]
    report.breaks = sum(per_person)
    report.break_spread = max(per_person, default=0) - min(per_person, default=0)
    active = [b for p, b in enumerate(per_person) if seen.slots_of.get(p)]
    report.break_spread_active = max(active, default=0) - min(active, default=0)
    report.table_changes = sum(_table_changes(x) for x in seen.slots_of.values())
    if inst.max_break_spread is not None and report.break_spread > inst.max_break_spread:
        report.error(
            f"fairness: break spread {report.break_spread} over all participants exceeds "
            f"{inst.max_break_spread}"
        )
    claimed = schedule.get("objective", {})
    report.claimed = dict(claimed)
    for key, mine in (("priority", report.priority), ("breaks", report.breaks)):
        if key in claimed and claimed[key] != mine:
            report.error(f"objective.{key}: claimed {claimed[key]}, recomputed {mine}")
    if "break_spread" in claimed and claimed["break_spread"] not in (
        report.break_spread,
        report.break_spread_active,
    ):
        report.error(
            f"objective.break_spread: claimed {claimed['break_spread']}, recomputed "
            f"{report.break_spread} (all) / {report.break_spread_active} (with meetings)"
        )
    if claimed.get("table_changes", report.table_changes) != report.table_changes:
        # The definition of a table change is not in the formats; noted, not an error.
        report.notes.append(
            f"objective.table_changes: claimed {claimed['table_changes']}, "
            f"counted {report.table_changes} (consecutive meetings at different tables)"
        )


def check_files(problem: str | Path, schedule: str | Path) -> Report:
    return check(load(problem), json.loads(Path(schedule).read_text(encoding="utf-8")))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("problem")
    parser.add_argument("schedule")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    args = parser.parse_args(argv)
    report = check_files(args.problem, args.schedule)
    if args.json:
        print(json.dumps(asdict(report), indent=2))
    else:
        print(
            f"{'VALID' if report.valid else 'INVALID'}: {report.scheduled}/{report.meetings} "
            f"meetings, priority {report.priority}/{report.priority_total}, breaks "
            f"{report.breaks}, spread {report.break_spread} (with meetings "
            f"{report.break_spread_active}), table changes {report.table_changes}"
        )
        for line in report.errors:
            print("  error:", line)
        for line in report.notes[:20]:
            print("  note:", line)
    return 0 if report.valid else 1


if __name__ == "__main__":
    sys.exit(main())
