"""Held-out variants of the 20 JAIR B2B instances: unavailable slots and meetings fixed ahead.

    python benchmarks/independent/jair_variants.py [--source ../shared/benchmarks/b2b-jair]
        [--out benchmarks/independent/jair-variants]

Three variants of each original, in the same ``.dzn`` format (only ``forbidden`` and ``fixed``
change; a header says what and where the original comes from):
  NAME-absent  about a quarter of the participants are away for a few slots (arrive late,
               leave early, or a gap of one or two slots);
  NAME-fixed   about 8 % of the meetings are fixed to a slot (consistent: in the meeting's
               session, both participants available, no participant fixed twice in a slot,
               at most nTables fixed meetings per slot);
  NAME-mixed   both, at lower rates (15 % of participants, 5 % of meetings).
Random choices, not a known solution, decide the slots, so some variants may be infeasible
(``optima.json`` says which). The same source gives the same files.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from pathlib import Path

from instances import dzn_values, ints

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]


def jair_dir() -> Path:
    """../shared/benchmarks/b2b-jair from the project's root (or from a worktree's parent)."""
    for base in (ROOT.parent, ROOT.parent.parent):
        if (base / "shared" / "benchmarks" / "b2b-jair").is_dir():
            return base / "shared" / "benchmarks" / "b2b-jair"
    return ROOT.parent / "shared" / "benchmarks" / "b2b-jair"


VARIANTS = {"absent": (0.25, 0.0), "fixed": (0.0, 0.08), "mixed": (0.15, 0.05)}


def _absences(rng: random.Random, n_slots: int, degree: list[int], share: float) -> list[set]:
    """Slots each participant cannot attend; never so many that its meetings cannot fit."""
    away: list[set[int]] = [set() for _ in degree]
    for p, deg in enumerate(degree):
        if rng.random() >= share:
            continue
        kind, k = rng.choice(("late", "early", "gap")), rng.randint(1, 3)
        if kind == "late":
            slots = set(range(1, k + 1))
        elif kind == "early":
            slots = set(range(n_slots - k + 1, n_slots + 1))
        else:
            start = rng.randint(2, max(2, n_slots - 2))
            slots = set(range(start, min(n_slots, start + min(k, 2))))
        if n_slots - len(slots) >= deg:
            away[p] = slots
    return away


def _fixed(rng: random.Random, v: dict, forbidden: list[set[int]], share: float) -> list[int]:
    n_slots, n_morning = int(v["nTotalSlots"]), int(v["nMorningSlots"])
    requested = ints(v["requested"])
    meetings = [tuple(requested[k : k + 3]) for k in range(0, len(requested), 3)]
    fixed = [0] * len(meetings)
    taken: set[tuple[int, int]] = set()
    per_slot = [0] * (n_slots + 1)
    chosen = rng.sample(range(len(meetings)), round(share * len(meetings)))
    for m in sorted(chosen):
        a, b, kind = meetings[m]
        window = {1: range(1, n_morning + 1), 2: range(n_morning + 1, n_slots + 1)}.get(
            kind, range(1, n_slots + 1)
        )
        options = [
            s
            for s in window
            if s not in forbidden[a - 1]
            and s not in forbidden[b - 1]
            and (a, s) not in taken
            and (b, s) not in taken
            and per_slot[s] < int(v["nTables"])
        ]
        if options:
            s = rng.choice(options)
            fixed[m] = s
            taken.update({(a, s), (b, s)})
            per_slot[s] += 1
    return fixed


def variant(text: str, name: str, kind: str) -> str:
    share_people, share_meetings = VARIANTS[kind]
    rng = random.Random(f"{name}/{kind}")
    v = dzn_values(text)
    n_people, n_slots = int(v["nBusiness"]), int(v["nTotalSlots"])
    original = [
        {s for s in ints(body) if s > 0} for body in re.findall(r"\{([^}]*)\}", v["forbidden"])
    ]
    degree = [0] * n_people
    requested = ints(v["requested"])
    for k in range(0, len(requested), 3):
        degree[requested[k] - 1] += 1
        degree[requested[k + 1] - 1] += 1
    extra = _absences(rng, n_slots, degree, share_people)
    forbidden = [a | b for a, b in zip(original, extra, strict=True)]
    fixed = _fixed(rng, v, forbidden, share_meetings)
    sets = ",\n".join("{" + ",".join(str(s) for s in [0, *sorted(f)]) + "}" for f in forbidden)
    body = re.sub(r"forbidden\s*=\s*\[[^\]]*\]", lambda _: f"forbidden = [{sets}]", text)
    values = ",".join(map(str, fixed))
    body = re.sub(r"fixed\s*=\s*\[[^\]]*\]", lambda _: f"fixed = [{values}]", body)
    header = (
        f"% Variant '{kind}' of the JAIR B2B instance {name} (Bofill et al., JAIR 74, 2022;\n"
        f"% University of Girona), made by Amity's benchmarks/independent/jair_variants.py:\n"
        f"% {sum(1 for e in extra if e)} participants away for some slots, "
        f"{sum(1 for f in fixed if f)} meetings fixed.\n"
    )
    return header + body


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=jair_dir())
    parser.add_argument("--out", type=Path, default=HERE / "jair-variants")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    for path in sorted(args.source.glob("*.original.dzn")):
        name = path.name.removesuffix(".original.dzn")
        text = path.read_text(encoding="utf-8")
        for kind in VARIANTS:
            (args.out / f"{name}-{kind}.dzn").write_text(variant(text, name, kind), "utf-8")
    print(f"{len(VARIANTS)} variants of each original written to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
