"""Large synthetic matching fairs in Amity's JSON problem format (invented demo data).

    python benchmarks/independent/fairs.py --participants 3000 --seed 1 [--kind standard]
        -o fair.json

Kinds: ``standard``, ``few-tables`` (a much smaller pool of free tables, more shared stands),
``many-fixed`` (about a quarter of the meetings fixed in advance). The same arguments give
the same file. Two days, morning and afternoon sessions, 32 slots of 20-30 minutes;
exhibitors with stands (home tables), visitors in delegations, popularity with a few stars,
partial presence, interpreters, priorities 1-3, caps, required and fixed meetings (always a
feasible set: they are placed in a hidden schedule first, see ``fair_plant.py``).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from dataclasses import dataclass, field
from itertools import accumulate
from pathlib import Path

from fair_calendar import DAY2, N_SLOTS, SESSION_OF, slots
from fair_plant import interpreters, plant, to_problem

REQUESTS_PER_PARTICIPANT = 17_000 / 3_000

KINDS = {
    "standard": {"pool_ratio": 0.8, "fixed": 0.05, "stand_share": 0.15, "stands": 0.7},
    "few-tables": {"pool_ratio": 0.4, "fixed": 0.05, "stand_share": 0.35, "stands": 0.5},
    "many-fixed": {"pool_ratio": 0.8, "fixed": 0.25, "stand_share": 0.15, "stands": 0.7},
}

# Language profiles of foreign delegations: (main language, weight, share also speaking en).
FOREIGN = (
    ("ja", 14, 0.5),
    ("ko", 10, 0.5),
    ("en", 16, 1.0),
    ("fr", 8, 0.7),
    ("de", 8, 0.8),
    ("es", 7, 0.6),
    ("ru", 8, 0.3),
    ("ar", 5, 0.6),
    ("pt", 5, 0.5),
    ("it", 4, 0.6),
    ("zh", 15, 0.8),
)


@dataclass
class Person:
    role: str  # exhibitor | visitor
    group: int  # company (exhibitors) or delegation (visitors)
    languages: list[str]
    available: list[int] | None
    popularity: float = 1.0
    activity: float = 1.0
    max_meetings: int | None = None
    home_table: int | None = None
    star: bool = False


@dataclass
class Fair:
    people: list[Person] = field(default_factory=list)
    requests: dict[tuple[int, ...], int] = field(default_factory=dict)  # members -> priority
    sessions: dict[tuple[int, ...], str] = field(default_factory=dict)
    n_stands: int = 0


def _presence(rng: random.Random, exhibitor: bool) -> list[int] | None:
    r = rng.random()
    if exhibitor:
        r = 0.6 + 0.4 * r  # exhibitors are mostly there all the time
    everything = range(N_SLOTS)
    if r < 0.58:
        return None
    if r < 0.68:  # arrives late on day 1
        late = rng.randint(2, 9)
        return [s for s in everything if s >= late]
    if r < 0.78:  # leaves early on day 2
        early = rng.randint(3, 10)
        return [s for s in everything if s < N_SLOTS - early]
    if r < 0.83:
        return list(range(DAY2))
    if r < 0.88:
        return list(range(DAY2, N_SLOTS))
    gap_start, gap = rng.randrange(N_SLOTS - 6), rng.randint(2, 6)  # a visit, a talk
    return [s for s in everything if not gap_start <= s < gap_start + gap]


def _foreign_languages(rng: random.Random) -> list[str]:
    main, _, en_share = rng.choices(FOREIGN, weights=[f[1] for f in FOREIGN])[0]
    langs = {main}
    if main != "en" and rng.random() < en_share:
        langs.add("en")
    return sorted(langs)


def _local_languages(rng: random.Random) -> list[str]:
    return ["en", "zh"] if rng.random() < 0.65 else ["zh"]


def people(rng: random.Random, n: int, kind: dict) -> Fair:
    fair = Fair()
    n_exhibitors = round(0.35 * n)
    company = 0
    while len(fair.people) < n_exhibitors:
        reps = 1 + (rng.random() < kind["stand_share"]) * rng.choice((1, 1, 2))
        foreign = rng.random() < 0.2
        # A foreign pavilion's staff speak English too.
        langs = sorted({*_foreign_languages(rng), "en"}) if foreign else _local_languages(rng)
        for _ in range(min(reps, n_exhibitors - len(fair.people))):
            fair.people.append(Person("exhibitor", company, langs, _presence(rng, True)))
        company += 1
    delegation = company
    while len(fair.people) < n:
        foreign = rng.random() < 0.6
        size = min(rng.choice((1, 2, 2, 3, 4, 5, 8)) if foreign else 1, n - len(fair.people))
        langs = _foreign_languages(rng) if foreign else _local_languages(rng)
        shared = _presence(rng, False)
        for _ in range(size):
            presence = shared if rng.random() < 0.8 else _presence(rng, False)
            fair.people.append(Person("visitor", delegation, langs, presence))
        delegation += 1
    _popularity(rng, fair)
    return fair


def _popularity(rng: random.Random, fair: Fair) -> None:
    for role, exponent in (("exhibitor", 0.6), ("visitor", 0.4)):
        members = [p for p in fair.people if p.role == role]
        rng.shuffle(members)
        for rank, person in enumerate(members):
            person.popularity = (rank + 1) ** -exponent
            person.star = rank < max(2, len(members) // 100)
    for person in fair.people:
        person.activity = rng.lognormvariate(0, 0.7) * (1.0 if person.role == "visitor" else 0.4)
        if person.star and rng.random() < 0.7:
            person.max_meetings = rng.randint(14, 22)
        elif rng.random() < (0.55 if person.role == "visitor" else 0.35):
            low, high = (5, 14) if person.role == "visitor" else (10, 24)
            person.max_meetings = rng.randint(low, high)


# (requester role, target role, share of the requests)
FLOWS = (("visitor", "exhibitor", 0.70), ("exhibitor", "visitor", 0.15))
FLOWS += (("visitor", "visitor", 0.12), ("exhibitor", "exhibitor", 0.03))


def requests(rng: random.Random, fair: Fair, target: int) -> None:
    by_role = {
        r: [k for k, p in enumerate(fair.people) if p.role == r] for r in ("visitor", "exhibitor")
    }
    drawn: dict[tuple[int, int], int] = {}
    for source, sink, share in FLOWS:
        who, whom = by_role[source], by_role[sink]
        act = list(accumulate(fair.people[k].activity for k in who))
        pop = list(accumulate(fair.people[k].popularity for k in whom))
        goal, tries = round(share * target), 0
        count = 0
        while count < goal and tries < 50 * goal:
            tries += 1
            a = rng.choices(who, cum_weights=act)[0]
            b = rng.choices(whom, cum_weights=pop)[0]
            if a == b or fair.people[a].group == fair.people[b].group:
                continue
            pair = (min(a, b), max(a, b))
            if pair in drawn:
                drawn[pair] = 3  # both asked: a must-meet
                continue
            drawn[pair] = rng.choices((3, 2, 1), weights=(10, 60, 30))[0]
            count += 1
    fair.requests = dict(sorted(drawn.items()))
    _groups(rng, fair)


def _groups(rng: random.Random, fair: Fair) -> None:
    """Turn some visitor-exhibitor requests into meetings of two delegates and the exhibitor."""
    mates: dict[int, list[int]] = {}
    for k, p in enumerate(fair.people):
        if p.role == "visitor":
            mates.setdefault(p.group, []).append(k)
    result: dict[tuple[int, ...], int] = {}
    for pair, priority in fair.requests.items():
        a, b = pair
        visitor = a if fair.people[a].role == "visitor" else b
        other = b if visitor == a else a
        group = [m for m in mates.get(fair.people[visitor].group, []) if m != visitor]
        if fair.people[other].role == "exhibitor" and group and rng.random() < 0.06:
            mate = rng.choice(group)
            common = set(fair.people[visitor].languages) & set(fair.people[other].languages)
            pair2 = (min(mate, other), max(mate, other))
            if common & set(fair.people[mate].languages) and pair2 not in fair.requests:
                result[tuple(sorted((visitor, mate, other)))] = priority
                continue
        result[pair] = priority
    fair.requests = result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--participants", type=int, required=True)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--kind", choices=sorted(KINDS), default="standard")
    parser.add_argument("-o", "--output", required=True)
    args = parser.parse_args(argv)
    problem = generate(args.participants, args.seed, args.kind)
    Path(args.output).write_text(json.dumps(problem, ensure_ascii=False) + "\n", encoding="utf-8")
    n_fixed = sum(1 for m in problem["meetings"] if m.get("slot"))
    n_required = sum(1 for m in problem["meetings"] if m.get("required"))
    print(
        f"{args.output}: {len(problem['participants'])} participants, "
        f"{len(problem['meetings'])} meetings ({n_required} required, {n_fixed} fixed), "
        f"{len(problem['tables'])} tables, {len(problem['interpreters'])} interpreters",
        file=sys.stderr,
    )
    return 0


def generate(n: int, seed: int, kind_name: str = "standard") -> dict:
    kind = KINDS[kind_name]
    rng = random.Random(f"{kind_name}-{n}-{seed}")
    fair = people(rng, n, kind)
    requests(rng, fair, round(n * REQUESTS_PER_PARTICIPANT))
    _stands(rng, fair, kind)
    pool = interpreters(rng, fair)
    n_tables = fair.n_stands + _pool_size(fair, kind)
    fixed, required = plant(rng, fair, kind, pool, n_tables)
    return to_problem(rng, fair, slots(), n_tables, pool, fixed, required)


def _stands(rng: random.Random, fair: Fair, kind: dict) -> None:
    companies = sorted({p.group for p in fair.people if p.role == "exhibitor"})
    with_stand = [c for c in companies if rng.random() < kind["stands"]]
    table_of = {c: k for k, c in enumerate(with_stand)}
    for person in fair.people:
        if person.role == "exhibitor" and person.group in table_of:
            person.home_table = table_of[person.group]
    fair.n_stands = len(with_stand)
    # A few meetings can only happen in one session (a delegation's programme), one in which
    # every member is there.
    for members in fair.requests:
        if rng.random() < 0.04:
            common = [
                SESSION_OF[s]
                for s in range(N_SLOTS)
                if all(
                    fair.people[p].available is None or s in fair.people[p].available
                    for p in members
                )
            ]
            if common:
                fair.sessions[members] = rng.choice(sorted(set(common)))


def _pool_size(fair: Fair, kind: dict) -> int:
    free = sum(
        1 for members in fair.requests if all(fair.people[p].home_table is None for p in members)
    )
    return max(3, round(kind["pool_ratio"] * free / N_SLOTS))


if __name__ == "__main__":
    sys.exit(main())
