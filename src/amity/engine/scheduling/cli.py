"""``amity schedule``: solve a problem file, or check a schedule against one.

    amity schedule PROBLEM [-o SCHEDULE.json] [--time-limit SECONDS] [--work DT] [--seed N]
        [--fairness D]
    amity schedule --check SCHEDULE.json PROBLEM

PROBLEM is Amity JSON or a JAIR ``.dzn`` file (by extension). Progress goes to stderr, the
schedule to stdout or ``-o``. Bad input: exit code 2 and a one-line ``error: …``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from amity.engine.scheduling.budget import WORK_PER_SECOND, Budget, seconds_since_process_start
from amity.engine.scheduling.formats import (
    read_problem_file,
    read_schedule_json,
    schedule_to_json,
)
from amity.engine.scheduling.model import (
    InfeasibleProblem,
    OutOfTime,
    ProblemError,
    Progress,
    Schedule,
)
from amity.engine.scheduling.solver import solve
from amity.engine.scheduling.validate import validate

# Seconds kept for writing the schedule and leaving the interpreter.
EXIT_RESERVE = 0.2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        # argparse prints usage and exits 2; keep the one-line contract instead.
        raise ProblemError(f"arguments: {message}")


def _parser() -> argparse.ArgumentParser:
    p = _Parser(prog="amity schedule", description="Schedule the meetings of a matching fair.")
    p.add_argument("problem", help="problem file (.json or .dzn)")
    p.add_argument("extra", nargs="?", help=argparse.SUPPRESS)
    p.add_argument("-o", "--output", help="write the schedule here instead of stdout")
    p.add_argument("--time-limit", type=float, default=30.0, help="seconds (default 30)")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument(
        "--work",
        type=float,
        help="deterministic work for the whole call (CP-SAT dt; default "
        f"{WORK_PER_SECOND:g} per second of --time-limit): same input, seed and work give the "
        "same schedule unless the time limit cuts the search first (then reported)",
    )
    p.add_argument("--fairness", type=int, help="max break spread (default: file's; .dzn: 2)")
    p.add_argument("--check", action="store_true", help="check SCHEDULE.json against PROBLEM")
    p.add_argument("--quiet", action="store_true", help="no progress on stderr")
    return p


def _print_progress(p: Progress) -> None:
    parts = [f"[{p.elapsed:6.1f}s] {p.phase}"]
    if p.best_priority is not None:
        parts.append(f"priority={p.best_priority}")
    if p.best_breaks is not None:
        parts.append(f"breaks={p.best_breaks}")
    if p.bound is not None:
        parts.append(f"bound={p.bound:g}")
    print(" ".join(parts), file=sys.stderr, flush=True)


def _check(schedule_path: str, problem_path: str, fairness: int | None) -> int:
    problem = read_problem_file(problem_path, fairness=fairness)
    try:
        text = Path(schedule_path).read_text(encoding="utf-8")
    except OSError as exc:
        raise ProblemError(f"schedule file {schedule_path}: {exc.strerror}") from None
    report = validate(problem, read_schedule_json(text))
    for v in report.violations:
        print(f"violation {v.rule}: {v.message}")
    o = report.objective
    if o is not None:
        print(
            f"objective: priority={o.priority} breaks={o.breaks} "
            f"break_spread={o.break_spread} table_changes={o.table_changes}"
        )
    print("ok" if report.ok else f"{len(report.violations)} violation(s)")
    return 0 if report.ok else 1


def _print_done(schedule: Schedule) -> None:
    o, stats = schedule.objective, schedule.stats
    kind = stats.get("bound_kind")
    if kind == 0.0:
        bound = f"none found (trivial {schedule.priority_upper_bound:g})"
    else:
        names = {1.0: " (coarse LP)", 2.0: " (LP)", 3.0: " (counting, no LP in time)"}
        via = names.get(kind, "") if kind is not None else ""
        bound = f"{schedule.priority_upper_bound:g}{via}"
    lower = stats.get("breaks_lower_bound")
    print(
        f"done: priority={o.priority} breaks={o.breaks} bound={bound}"
        + (f" breaks_lower_bound={lower:g}" if lower is not None else "")
        + f" spread={o.break_spread} table_changes={o.table_changes}"
        f" proven={schedule.proven_optimal}"
        + (f" work={stats['work_charged']:g}dt" if "work_charged" in stats else "")
        + (" (cut by the wall clock)" if stats.get("clock_cut") else ""),
        file=sys.stderr,
    )


def main(argv: list[str], *, count_startup: bool = False) -> int:
    """Run the command; ``count_startup``: this process is the command, and the time since
    it started (imports, reading) counts against the time limit."""
    try:
        args = _parser().parse_args(argv)
        if args.check:
            if args.extra is None:
                raise ProblemError("arguments: --check needs SCHEDULE.json and PROBLEM")
            return _check(args.problem, args.extra, args.fairness)
        if args.extra is not None:
            raise ProblemError(f"arguments: unexpected argument {args.extra}")
        if args.time_limit <= 0:
            raise ProblemError("arguments: --time-limit must be positive")
        if args.work is not None and args.work <= 0:
            raise ProblemError("arguments: --work must be positive")
        work = WORK_PER_SECOND * args.time_limit if args.work is None else args.work
        problem = read_problem_file(args.problem, fairness=args.fairness)
        # The limit is for the whole call: start-up and reading count against it.
        # Exiting the interpreter (OR-Tools' threads, freeing its models) takes a moment too.
        spent = seconds_since_process_start() + EXIT_RESERVE if count_startup else 0.0
        schedule = solve(
            problem,
            budget=Budget(max(0.1, args.time_limit - spent), work),
            seed=args.seed,
            progress=None if args.quiet else _print_progress,
        )
    except ProblemError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except InfeasibleProblem as exc:
        print(f"error: infeasible: {exc}", file=sys.stderr)
        return 1
    except OutOfTime:
        print(
            f"error: no schedule found within {args.time_limit:g} s (not a proof that there is"
            " none): give it more time with --time-limit",
            file=sys.stderr,
        )
        return 1
    text = schedule_to_json(schedule)
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    if not args.quiet:
        _print_done(schedule)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:], count_startup=True))
