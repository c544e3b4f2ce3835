"""Run ``amity schedule`` on the independent test bed and print a markdown table.

    python benchmarks/independent/evaluate.py [--set jair,variants,fairs] [--only REGEX]
        [--time-limit 30] [--seeds 1,2] [--fairs standard:400,standard:1000,standard:3000,
        few-tables:600,many-fixed:1000] [--fair-seed 1] [--out results.md]

Each run is the whole CLI call (``.venv/bin/amity schedule FILE -o OUT --time-limit T
--seed S --quiet``), timed from start to exit, and its schedule is verified by ``check.py``.
JAIR originals are compared with the published optima (the README's table), variants with
``jair-variants/optima.json`` (from ``reference_solver.py``), fairs with ``lp_bound.py``'s
bound and ``greedy.py``'s schedule. Fairs, bounds and greedy results are cached under
``fairs-cache/`` (regenerated from the seed when missing; not committed).
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from check import Report, check
from fairs import generate
from greedy import solve as greedy_solve
from instances import load
from jair_variants import ROOT, jair_dir
from lp_bound import bound as lp_bound

HERE = Path(__file__).resolve().parent
CACHE = HERE / "fairs-cache"
DEFAULT_FAIRS = "standard:400,standard:1000,standard:3000,few-tables:600,many-fixed:1000"


@dataclass
class Run:
    seconds: float
    code: int
    message: str
    report: Report | None


def run_cli(path: Path, time_limit: float, seed: int) -> Run:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "schedule.json"
        cmd = [str(ROOT / ".venv" / "bin" / "amity"), "schedule", str(path), "-o", str(out)]
        cmd += ["--time-limit", str(time_limit), "--seed", str(seed), "--quiet"]
        started = time.perf_counter()
        done = subprocess.run(cmd, capture_output=True, text=True, check=False)
        seconds = time.perf_counter() - started
        message = (done.stderr.strip().splitlines() or [""])[-1][:120]
        if done.returncode != 0 or not out.exists():
            return Run(seconds, done.returncode, message, None)
        report = check(load(path), json.loads(out.read_text(encoding="utf-8")))
        return Run(seconds, 0, message, report)


def published_optima() -> dict[str, int]:
    text = (jair_dir() / "README.md").read_text(encoding="utf-8")
    return {name: int(opt) for name, opt in re.findall(r"\|\s*([\w-]+)\s*\|\s*(\d+)\s*\|", text)}


def _reference(row: dict | None) -> str:
    if row is None:
        return "?"
    if row["status"] == "optimal":
        return str(row["breaks"])
    if row["status"] == "infeasible":
        return "infeasible"
    return f"[{row['lower_bound']}, {row['breaks']}]"


def _valid(run: Run) -> str:
    if run.report is None:
        return f"no schedule (exit {run.code}: {run.message})"
    return "yes" if run.report.valid else f"**NO**: {run.report.errors[0]}"


def jair_rows(paths: list[Path], ref: dict, args: argparse.Namespace) -> list[str]:
    rows = [
        "| instance | seed | optimum | breaks | over the lower bound | time s | valid |",
        "|---|---|---|---|---|---|---|",
    ]
    for path in paths:
        name = path.name.removesuffix(".dzn").removesuffix(".original")
        expected = ref.get(name)
        for seed in args.seeds:
            run = run_cli(path, args.time_limit, seed)
            lower = expected if isinstance(expected, int) else (expected or {}).get("lower_bound")
            breaks = gap = "-"
            if run.report is not None:
                breaks = str(run.report.breaks)
                if lower is not None:
                    gap = f"+{run.report.breaks - lower}"
            shown = str(expected) if isinstance(expected, int) else _reference(expected)
            cells = [name, str(seed), shown, breaks, gap, f"{run.seconds:.1f}", _valid(run)]
            rows.append("| " + " | ".join(cells) + " |")
            print(rows[-1], file=sys.stderr, flush=True)
    return rows


def _fair(kind: str, n: int, seed: int) -> tuple[Path, dict, Report]:
    """The fair's file, LP bound and greedy report, from the cache or made now."""
    CACHE.mkdir(exist_ok=True)
    stem = CACHE / f"fair-{kind}-{n}-s{seed}"
    path = stem.with_suffix(".json")
    if not path.exists():
        path.write_text(json.dumps(generate(n, seed, kind)) + "\n", encoding="utf-8")
    inst = load(path)
    meta = stem.with_suffix(".meta.json")
    if not meta.exists():
        b = lp_bound(inst)
        greedy = greedy_solve(inst)
        report = check(inst, greedy)
        data = {"lp_bound": b.bound, "lp_seconds": b.seconds, "greedy": report.__dict__}
        meta.write_text(json.dumps(data, default=str) + "\n", encoding="utf-8")
    data = json.loads(meta.read_text(encoding="utf-8"))
    return path, data, Report(**data["greedy"])


def fair_rows(specs: list[tuple[str, int]], args: argparse.Namespace) -> list[str]:
    rows = [
        "| fair | seed | meetings | priority | % of LP bound | greedy % | breaks | greedy breaks "
        "| time s | valid |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for kind, n in specs:
        path, meta, greedy = _fair(kind, n, args.fair_seed)
        ub = meta["lp_bound"]
        g_pct = f"{100 * greedy.priority / ub:.1f}" if ub else "-"
        for seed in args.seeds:
            run = run_cli(path, args.time_limit, seed)
            r = run.report
            pct = f"{100 * r.priority / ub:.1f}" if r and ub else "-"
            rows.append(
                f"| {kind}-{n} | {seed} | {r.scheduled if r else '-'}/{greedy.meetings} "
                f"| {r.priority if r else '-'} | {pct} | {g_pct} | {r.breaks if r else '-'} "
                f"| {greedy.breaks} | {run.seconds:.1f} | {_valid(run)} |"
            )
            print(rows[-1], file=sys.stderr, flush=True)
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", default="jair", help="comma list of jair, variants, fairs")
    parser.add_argument("--only", default="", help="regular expression on instance names")
    parser.add_argument("--time-limit", type=float, default=30.0)
    parser.add_argument("--seeds", default="1")
    parser.add_argument("--fairs", default=DEFAULT_FAIRS, help="kind:participants, comma list")
    parser.add_argument("--fair-seed", type=int, default=1)
    parser.add_argument("--out", help="also write the tables here")
    args = parser.parse_args(argv)
    args.seeds = [int(s) for s in args.seeds.split(",")]
    pick = re.compile(args.only)
    sections = []
    for name in args.set.split(","):
        if name == "jair":
            paths = [p for p in sorted(jair_dir().glob("*.original.dzn")) if pick.search(p.name)]
            sections.append(
                ("JAIR originals (published optima)", jair_rows(paths, published_optima(), args))
            )
        elif name == "variants":
            ref = json.loads((HERE / "jair-variants" / "optima.json").read_text(encoding="utf-8"))
            paths = [
                p for p in sorted((HERE / "jair-variants").glob("*.dzn")) if pick.search(p.name)
            ]
            sections.append(("JAIR variants (reference_solver.py)", jair_rows(paths, ref, args)))
        elif name == "fairs":
            specs = [(s.split(":")[0], int(s.split(":")[1])) for s in args.fairs.split(",")]
            specs = [s for s in specs if pick.search(f"{s[0]}-{s[1]}")]
            sections.append(("Large fairs (LP bound, greedy)", fair_rows(specs, args)))
        else:
            parser.error(f"unknown set {name}")
    text = f"time limit {args.time_limit:g} s, seeds {args.seeds}\n"
    for title, rows in sections:
        text += f"\n### {title}\n\n" + "\n".join(rows) + "\n"
    print(text)
    if args.out:
        Path(args.out).write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
