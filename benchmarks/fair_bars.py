"""The issue-12 bars on the engine's own generator: share of the LP bound, breaks vs greedy.

    PYTHONPATH=src .venv/bin/python benchmarks/fair_bars.py [--sizes 400 1000 3000]
        [--shapes default,hard] [--time-limit 30] [--seed 1]

For each fair: ``solve`` with the time limit (the whole call timed), the schedule checked by
``validate``, its priority as a share of the reported bound (and which relaxation gave it),
and its breaks against the plain priority greedy's (earliest free slot, the baseline). The
bars: ≥ 99.5 % of the LP bound and breaks ≤ 0.25 × the greedy's within 30 s.
"""

from __future__ import annotations

import argparse
import sys
import time

from amity.engine.scheduling.compact.occupancy import Occupancy
from amity.engine.scheduling.compact.problem import compact
from amity.engine.scheduling.large.bound import priority_bound
from amity.engine.scheduling.large.greedy import earliest_fill
from amity.engine.scheduling.large.search import BOUND_KINDS
from amity.engine.scheduling.solver import solve
from amity.engine.scheduling.synthetic.generator import HARD_SHAPE, generate_fair
from amity.engine.scheduling.validate import validate


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[400, 1000, 3000])
    parser.add_argument("--shapes", default="default,hard")
    parser.add_argument("--time-limit", type=float, default=30.0)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    print(
        "| fair | meetings | priority | LP bound (kind) | % of bound | breaks | greedy "
        "priority | greedy breaks | breaks ratio | valid | s |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for shape_name in args.shapes.split(","):
        shape = HARD_SHAPE if shape_name == "hard" else None
        for n in args.sizes:
            problem = generate_fair(n, args.seed, shape)
            cp = compact(problem)
            plain = Occupancy(cp)
            earliest_fill(cp, plain)
            # The bound as the solver would report it, with time to spare (for the table).
            reference = priority_bound(cp, 300.0)
            start = time.monotonic()
            schedule = solve(problem, time_limit=args.time_limit, seed=args.seed)
            seconds = time.monotonic() - start
            ok = validate(problem, schedule).ok
            o = schedule.objective
            kind = BOUND_KINDS[int(schedule.stats.get("bound_kind", 0))]
            bound = min(schedule.priority_upper_bound, reference.value)
            ratio = o.breaks / max(1, plain.total_breaks())
            print(
                f"| {shape_name}-{n} | {cp.n_meetings} | {o.priority} | {bound:.0f} ({kind}) | "
                f"{100 * o.priority / bound:.2f} | {o.breaks} | {plain.total_priority()} | "
                f"{plain.total_breaks()} | {ratio:.2f} | {'yes' if ok else 'NO'} | "
                f"{seconds:.1f} |",
                flush=True,
            )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
