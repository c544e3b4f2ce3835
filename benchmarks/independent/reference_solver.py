"""Independent exact solving of the JAIR-style problem: optima, or bounds, and infeasibility.

    nice -n 10 python benchmarks/independent/reference_solver.py FILE.dzn… [--time-limit 120]
        [--fairness-scope all|active] [--schedule-dir DIR] [--json OUT]

Every meeting is required; minimise total breaks subject to fairness (any two participants'
break counts differ by at most d, 2 by default). Single-threaded, one method after another:
1. MaxSAT (``maxsat_model.py``) with RC2 (core-guided) for 40 % of the time limit, in a
   child process stopped at the limit; when it finishes, its cost is the optimum.
2. Otherwise LSU on the same clauses (linear search down from a first solution) for 30 %:
   the best schedule found, an upper bound.
3. Then CP-SAT (one worker, started from that schedule) for the rest: a lower bound, and
   perhaps a better schedule; optimal when the two meet. Its model: x[m, s], busy[p, s],
   start[p, s] = busy[p, s] and not busy[p, s - 1] (exact), breaks of p = runs - 1; plus a
   window choice per participant (no break: its k meetings fill f..f+k-1; or broken), which
   gives the LP relaxation a useful lower bound.
``--fairness-scope all`` compares every participant (as the JAIR paper does: one with no
meeting has 0 breaks); ``active`` only those with at least one meeting. Every solution is
written as a schedule and verified by ``check.py`` before it is reported.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import sys
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from check import check
from instances import Instance, load
from maxsat_model import solve_lsu, solve_rc2
from ortools.sat.python import cp_model


@dataclass
class Result:
    instance: str
    status: str  # optimal | feasible | infeasible | unknown
    breaks: int | None  # the best schedule's (the optimum when status is optimal)
    lower_bound: int | None
    seconds: float
    method: str = ""


def _check_jair_style(inst: Instance) -> None:
    if inst.interpreters or any(p.home_table is not None for p in inst.people):
        raise SystemExit(f"{inst.name}: interpreters and home tables are not modelled")
    if not all(m.required for m in inst.meetings):
        raise SystemExit(f"{inst.name}: every meeting must be required")
    if len(set(inst.slot_block)) != 1:
        raise SystemExit(f"{inst.name}: one block of slots expected (the JAIR rules)")


def _person_breaks(model: cp_model.CpModel, inst: Instance, p: int, busy: dict) -> object:
    """Breaks of participant p: runs of meetings minus one (exact), plus a window choice.

    Exact count: start[s] = busy[s] and not busy[s - 1]. To give the relaxation some grip,
    a participant either has no break (z[f]: its k meetings fill the window f..f+k-1) or
    at least one (broken), so the LP knows breaks >= broken = 1 - sum z.
    """
    n, k = inst.n_slots, len(inst.meetings_of[p])
    starts = []
    for s in range(n):
        start = model.NewBoolVar("")
        model.Add(start >= busy[p, s] - (busy[p, s - 1] if s else 0))
        model.Add(start <= busy[p, s])
        if s:
            model.Add(start <= 1 - busy[p, s - 1])
        starts.append(start)
    possible = {s for m in inst.meetings_of[p] for s in inst.allowed_slots(m)}
    windows = {
        f: model.NewBoolVar("")
        for f in range(n - k + 1)
        if all(s in possible for s in range(f, f + k))
    }
    broken = model.NewBoolVar("")
    model.AddExactlyOne([*windows.values(), broken])
    for s in range(n):
        covering = [z for f, z in windows.items() if f <= s < f + k]
        model.Add(busy[p, s] >= sum(covering))
        model.Add(busy[p, s] <= broken + sum(covering))
    model.Add(sum(starts) >= 1 + broken)
    return sum(starts) - 1


def build(inst: Instance, scope: str) -> tuple[cp_model.CpModel, dict, list] | None:
    _check_jair_style(inst)
    model = cp_model.CpModel()
    x: dict[tuple[int, int], cp_model.IntVar] = {}
    for m in range(len(inst.meetings)):
        slots = inst.allowed_slots(m)
        if not slots:
            return None
        for s in slots:
            x[m, s] = model.NewBoolVar("")
        model.AddExactlyOne(x[m, s] for s in slots)
    by_slot: dict[int, list] = {}
    for (_m, s), var in x.items():
        by_slot.setdefault(s, []).append(var)
    for vars_ in by_slot.values():
        model.Add(sum(vars_) <= len(inst.table_ids))
    busy = {}
    for p in range(len(inst.people)):
        for s in range(inst.n_slots):
            here = [x[m, s] for m in inst.meetings_of[p] if (m, s) in x]
            busy[p, s] = model.NewBoolVar("")
            model.Add(busy[p, s] == sum(here))
    breaks = [
        _person_breaks(model, inst, p, busy) if inst.meetings_of[p] else 0
        for p in range(len(inst.people))
    ]
    if inst.max_break_spread is not None:
        lo, hi = model.NewIntVar(0, inst.n_slots, ""), model.NewIntVar(0, inst.n_slots, "")
        for p, b in enumerate(breaks):
            if scope == "active" and not inst.meetings_of[p]:
                continue
            model.Add(b >= lo)
            model.Add(b <= hi)
        model.Add(hi - lo <= inst.max_break_spread)
    model.Minimize(sum(breaks))
    return model, x, breaks


def _rc2_child(inst: Instance, scope: str, conn: object) -> None:
    conn.send(solve_rc2(inst, scope))
    conn.close()


def _rc2(inst: Instance, scope: str, seconds: float) -> tuple[str, object]:
    """("done", result) or ("timeout", None); the child runs alone, so one core is used."""
    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)
    child = context.Process(target=_rc2_child, args=(inst, scope, send), daemon=True)
    child.start()
    send.close()
    if receive.poll(seconds):
        result = receive.recv()
        child.join()
        return "done", result
    child.terminate()
    child.join()
    return "timeout", None


def _cp_sat(
    inst: Instance,
    seconds: float,
    scope: str,
    seed: int,
    hint: list[tuple[int, int]] | None = None,
) -> tuple[str, int | None, int | None, dict | None]:
    built = build(inst, scope)
    if built is None:
        return "infeasible", None, None, None
    model, x, _ = built
    if hint:
        chosen = set(hint)
        for key, var in x.items():
            model.AddHint(var, key in chosen)
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = max(1.0, seconds)
    solver.parameters.num_workers = 1
    solver.parameters.linearization_level = 2
    solver.parameters.random_seed = seed
    status = solver.Solve(model)
    if status == cp_model.INFEASIBLE:
        return "infeasible", None, None, None
    bound = round(solver.BestObjectiveBound() + 0.5 - 1e-9)  # integral objective: ceil
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return "unknown", None, max(bound, 0), None
    value = round(solver.ObjectiveValue())
    pairs = [(m, s) for (m, s), var in x.items() if solver.BooleanValue(var)]
    name = "optimal" if status == cp_model.OPTIMAL else "feasible"
    return name, value, value if name == "optimal" else max(bound, 0), _schedule(inst, pairs)


def solve(
    inst: Instance, time_limit: float, scope: str = "all", seed: int = 1
) -> tuple[Result, dict | None]:
    started = time.perf_counter()
    _check_jair_style(inst)
    outcome, found = _rc2(inst, scope, 0.4 * time_limit)
    if outcome == "done":
        seconds = round(time.perf_counter() - started, 1)
        if found is None:
            return Result(inst.name, "infeasible", None, None, seconds, "maxsat"), None
        cost, pairs = found
        return Result(inst.name, "optimal", cost, cost, seconds, "maxsat"), _schedule(inst, pairs)
    status, best, pairs = solve_lsu(inst, 0.3 * time_limit, scope)
    if status in ("optimal", "infeasible"):
        seconds = round(time.perf_counter() - started, 1)
        schedule = None if pairs is None else _schedule(inst, pairs)
        return Result(inst.name, status, best, best, seconds, "lsu"), schedule
    left = time_limit - (time.perf_counter() - started)
    status, value, bound, schedule = _cp_sat(inst, left, scope, seed, pairs)
    seconds = round(time.perf_counter() - started, 1)
    if best is not None and (value is None or best < value):
        # LSU's schedule stays the best; CP-SAT still contributes its lower bound.
        proven = bound is not None and bound >= best
        result = Result(inst.name, "optimal" if proven else "feasible", best, bound, seconds)
        result.method = "lsu+cp-sat"
        return result, _schedule(inst, pairs)
    if status == "infeasible" and best is not None:
        raise SystemExit(f"{inst.name}: CP-SAT says infeasible, LSU found a schedule")
    return Result(inst.name, status, value, bound, seconds, "cp-sat"), schedule


def _schedule(inst: Instance, pairs: list[tuple[int, int]]) -> dict:
    used: dict[int, int] = {}
    rows = []
    for m, s in sorted(pairs):
        table = used.get(s, 0)
        used[s] = table + 1
        rows.append(
            {
                "meeting": inst.meetings[m].id,
                "slot": inst.slot_ids[s],
                "table": inst.table_ids[table],
                "interpreter": None,
            }
        )
    return {"assignments": rows, "unscheduled": []}


def verified(inst: Instance, result: Result, schedule: dict | None, scope: str = "all") -> Result:
    """Fail loudly if a reported solution breaks a rule or has other breaks than reported."""
    if schedule is None:
        return result
    report = check(inst, schedule)
    errors = report.errors
    if scope == "active":  # check.py compares everyone; here only those who meet
        errors = [e for e in errors if not e.startswith("fairness:")]
        d = inst.max_break_spread
        if d is not None and report.break_spread_active > d:
            errors.append(f"fairness: spread {report.break_spread_active} among those who meet")
    if errors or report.breaks != result.breaks:
        raise SystemExit(
            f"{inst.name}: the {result.method} solution is wrong ({report.breaks} breaks, "
            f"errors: {errors[:3]})"
        )
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="+")
    parser.add_argument("--time-limit", type=float, default=120.0)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--fairness-scope", choices=("all", "active"), default="all")
    parser.add_argument("--schedule-dir", help="write each solution here as NAME.schedule.json")
    parser.add_argument("--json", help="merge the results into this file (name -> result)")
    args = parser.parse_args(argv)
    for path in args.files:
        inst = load(path)
        result, schedule = solve(inst, args.time_limit, args.fairness_scope, args.seed)
        result = verified(inst, result, schedule, args.fairness_scope)
        print(json.dumps(asdict(result)), flush=True)
        if schedule is not None and args.schedule_dir:
            out = Path(args.schedule_dir) / f"{inst.name}.schedule.json"
            out.write_text(json.dumps(schedule) + "\n", encoding="utf-8")
        if args.json:  # after each instance, so a stopped run keeps what it found
            store = Path(args.json)
            known = json.loads(store.read_text(encoding="utf-8")) if store.exists() else {}
            row = asdict(result)
            name = row.pop("instance")
            known[name] = row | {"time_limit": args.time_limit}
            text = json.dumps(dict(sorted(known.items())), indent=1)
            store.write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
