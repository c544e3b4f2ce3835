"""Large generated fairs: FCFS greedy, priority greedy, plain CP-SAT and `solve_large`.

Every solver runs in its own subprocess (so the peak RSS is its own) on the generator's fixed
fairs, every schedule is checked with the independent `validate`, and a Markdown table is
printed (the one in docs/benchmarks.md). ``ours-fair`` is `solve_large` on the same fair with
the fairness bound ``max_break_spread = 2`` (the JAIR paper's d), which the generated fairs
otherwise do not carry. Run from the repository root:

    PYTHONPATH=src .venv/bin/python benchmarks/large_fairs.py [--sizes 400 1000 3000 10000]
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import resource
import subprocess
import sys
import time
from typing import Any

from ortools.sat.python import cp_model

from amity.engine.scheduling.compact.occupancy import Occupancy
from amity.engine.scheduling.compact.problem import NO_TABLE, compact
from amity.engine.scheduling.compact.result import build_schedule
from amity.engine.scheduling.large.greedy import schedule_fcfs, schedule_priority_greedy
from amity.engine.scheduling.large.search import solve_large
from amity.engine.scheduling.model import Fairness, Problem, Schedule
from amity.engine.scheduling.synthetic.generator import BENCHMARK_FAIRS, generate_fair
from amity.engine.scheduling.validate import validate

SOLVERS = ("fcfs", "greedy", "cpsat", "ours", "ours-fair")
FAIR_SPREAD = 2
# The plain model is not built beyond this many x[meeting, slot] variables: at 10,000
# participants it would need well over the 4 GB the targets allow.
PLAIN_CPSAT_MAX_VARS = 400_000


def time_limit_for(participants: int) -> float:
    return 30.0 if participants <= 3000 else 300.0


def plain_cpsat(problem: Problem, time_limit: float) -> Schedule | str:
    """One CP-SAT model over x[meeting, slot] maximising priority (2 workers, time limit)."""
    cp = compact(problem)
    n_vars = sum(len(c) for c in cp.candidates)
    if n_vars > PLAIN_CPSAT_MAX_VARS:
        return f"not run ({n_vars:,} variables)"
    model = cp_model.CpModel()
    x: dict[tuple[int, int], Any] = {}
    at_part_slot: dict[tuple[int, int], list[Any]] = {}
    per_part: dict[int, list[Any]] = {}
    at_slot: dict[int, list[Any]] = {}
    at_table: dict[tuple[int, int], list[Any]] = {}
    at_type: dict[tuple[int, int], list[Any]] = {}
    y: dict[tuple[int, int, int], Any] = {}
    objective = []
    for m in range(cp.n_meetings):
        options = []
        for s in cp.candidates[m]:
            v = model.new_bool_var("")
            x[m, s] = v
            options.append(v)
            for p in cp.meeting_parts[m]:
                at_part_slot.setdefault((p, s), []).append(v)
                per_part.setdefault(p, []).append(v)
            at_slot.setdefault(s, []).append(v)
            if cp.home_table[m] != NO_TABLE:
                at_table.setdefault((s, cp.home_table[m]), []).append(v)
            kind = cp.interp_types[m]
            if kind is not None:
                usable = [k for k in kind if cp.types[k].available[s]]
                choices = []
                for k in usable:
                    yv = model.new_bool_var("")
                    y[m, s, k] = yv
                    choices.append(yv)
                    at_type.setdefault((s, k), []).append(yv)
                model.add(sum(choices) == v)
        if options:
            if cp.required[m]:
                model.add_exactly_one(options)
            else:
                model.add_at_most_one(options)
            objective.append(cp.priority[m] * sum(options))
    for vs in at_part_slot.values():
        model.add_at_most_one(vs)
    for p, vs in per_part.items():
        model.add(sum(vs) <= cp.max_meetings[p])
    for vs in at_slot.values():
        model.add(sum(vs) <= cp.n_tables)
    for vs in at_table.values():
        model.add_at_most_one(vs)
    for (_s, k), vs in at_type.items():
        model.add(sum(vs) <= len(cp.types[k].members))
    model.maximize(sum(objective))
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = time_limit
    solver.parameters.num_workers = 2
    start = time.perf_counter()
    status = solver.solve(model)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return "no solution"
    occ = Occupancy(cp)
    for (m, s), v in x.items():
        if solver.boolean_value(v):
            k = -1
            if cp.interp_types[m] is not None:
                k = next(
                    t
                    for t in cp.interp_types[m]
                    if (m, s, t) in y and solver.boolean_value(y[m, s, t])
                )
            occ.place(m, s, k)
    return build_schedule(
        problem, occ, {"cpsat": time.perf_counter() - start}, bound=solver.best_objective_bound
    )


def run_one(solver: str, participants: int, seed: int) -> dict[str, Any]:
    """Generate the fair, run one solver, validate; the measurements as a dict."""
    problem = generate_fair(participants, seed)
    if solver == "ours-fair":
        problem = dataclasses.replace(problem, fairness=Fairness(max_break_spread=FAIR_SPREAD))
    limit = time_limit_for(participants)
    start = time.perf_counter()
    if solver == "fcfs":
        result: Schedule | str = schedule_fcfs(problem)
    elif solver == "greedy":
        result = schedule_priority_greedy(problem)
    elif solver == "cpsat":
        result = plain_cpsat(problem, limit)
    else:
        result = solve_large(problem, time_limit=limit, seed=0)
    elapsed = time.perf_counter() - start
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    if isinstance(result, str):
        return {"solver": solver, "note": result, "time": elapsed, "rss_mb": rss_mb}
    report = validate(problem, result)
    return {
        "solver": solver,
        "priority": result.objective.priority,
        "breaks": result.objective.breaks,
        "spread": result.objective.break_spread,
        "relaxed": bool(result.stats.get("fairness_relaxed")),
        "bound": result.priority_upper_bound,
        "valid": report.ok,
        "scheduled": len(result.assignments),
        "meetings": len(problem.meetings),
        "time": elapsed,
        "rss_mb": rss_mb,
    }


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="*", default=[n for n, _ in BENCHMARK_FAIRS])
    parser.add_argument("--one", nargs=3, metavar=("SOLVER", "N", "SEED"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one:
        print(json.dumps(run_one(args.one[0], int(args.one[1]), int(args.one[2]))))
        return 0
    seeds = dict(BENCHMARK_FAIRS)
    print(
        "| participants (seed) | meetings | solver | priority | % of LP bound | breaks "
        "| breaks % of priority greedy | break spread | time (s) | peak RSS (MB) | valid |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for n in args.sizes:
        seed = seeds.get(n, 1)
        rows = {}
        for solver in SOLVERS:
            out = subprocess.run(
                [sys.executable, __file__, "--one", solver, str(n), str(seed)],
                capture_output=True,
                text=True,
                check=True,
            )
            rows[solver] = json.loads(out.stdout.strip().splitlines()[-1])
        bound = rows["ours"]["bound"]
        greedy_breaks = rows["greedy"]["breaks"]
        for solver in SOLVERS:
            r = rows[solver]
            if "note" in r:
                print(
                    f"| {n} ({seed}) | | {solver} | {r['note']} | | | | | {r['time']:.1f} "
                    f"| {r['rss_mb']:.0f} | |"
                )
                continue
            print(
                f"| {n} ({seed}) | {r['meetings']} | {solver} | {r['priority']} "
                f"| {100 * r['priority'] / bound:.2f} | {r['breaks']} "
                f"| {100 * r['breaks'] / max(1, greedy_breaks):.1f} "
                f"| {r['spread']}{' (relaxed)' if r['relaxed'] else ''} | {r['time']:.1f} "
                f"| {r['rss_mb']:.0f} | {'yes' if r['valid'] else 'NO'} |",
                flush=True,
            )
        print(f"|  | | LP bound | {bound:.2f} | | | | | | | |", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
